/**
 * `GET /reports/skill-gap.csv?region=US-OH&framework=onet&...` with
 * `Authorization: Bearer <token>`: the skill-gap report as a CSV download,
 * through the same context (viewer, services) as GraphQL, so the numbers,
 * the suppression and the roles are the same. Errors are JSON with the same
 * codes as GraphQL.
 */
import type { Request, Response } from 'express';
import type { RequestContext } from '../context.ts';
import { DomainError, RETRY_AFTER_SECONDS, UnavailableError, type ErrorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { csvQueryArgs } from './input.ts';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SEARCH_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  OPERATION_TOO_COSTLY: 400,
  RESPONSE_TOO_LARGE: 413,
  OPERATION_TIMED_OUT: 503,
};

/** A domain error, also when wrapped (a refused session arrives as the cause of the context error). */
function domainError(error: unknown): DomainError | undefined {
  let current = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function skillGapCsvHandler(context: (args: { req: Request }) => Promise<RequestContext>, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const ctx = await context({ req });
      const { filename, text } = await ctx.services.reports.skillGapCsv(csvQueryArgs(req.query as Record<string, unknown>));
      res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      res.send(text);
    } catch (error) {
      sendCsvError(res, error, log, 'skill-gap csv failed');
    }
  };
}

/** A failed CSV download: a domain error as JSON with its GraphQL code and HTTP status, anything else as a logged 500. */
export function sendCsvError(res: Response, error: unknown, log: Logger, what: string): void {
  const known = domainError(error);
  if (known) {
    if (known instanceof UnavailableError) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(STATUS[known.code]).json({ errors: [{ message: known.message, extensions: { code: known.code, ...known.extensions() } }] });
    return;
  }
  log.error(what, { message: (error as Error)?.message });
  res.status(500).json({
    errors: [{ message: 'Something went wrong on our side; try again later.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  });
}
