/**
 * `GET /shortlists/<id>.csv` with `Authorization: Bearer <token>`: one of the
 * employer's shortlists as a CSV download, through the same context (viewer,
 * services, privacy rules) as GraphQL. Errors are JSON with GraphQL's codes.
 */
import type { Request, Response } from 'express';
import type { RequestContext } from '../context.ts';
import type { Logger } from '../log.ts';
import { sendCsvError } from '../reports/csv-route.ts';
import { shortlistCsv, shortlistCsvFilename } from './csv.ts';

export function shortlistCsvHandler(context: (args: { req: Request }) => Promise<RequestContext>, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const ctx = await context({ req });
      const list = await ctx.services.shortlists.shortlist(String(req.params.id ?? ''));
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${shortlistCsvFilename(list, new Date())}"`);
      res.send(shortlistCsv(list));
    } catch (error) {
      sendCsvError(res, error, log, 'shortlist csv failed');
    }
  };
}
