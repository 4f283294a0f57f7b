/**
 * The one place errors become GraphQL errors. Domain errors keep their code
 * and message; GraphQL's own parse, validation and variable errors pass
 * through (with the argument named when it can be told); everything else is a
 * generic internal error, logged here and never shown with details.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors.ts';
import type { Logger } from '../log.ts';

const PASS_THROUGH = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND']);

/** `at "input.near.lat"` -> `near.lat`; `Variable "$prefix"` -> `prefix`. */
export function argumentOf(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  // A missing required field is reported at its parent: `at "input.near"; Field "lat" ... was not provided`.
  const missing = /Field "(\w+)" of required type .* was not provided/.exec(message)?.[1];
  if (at) return [at.replace(/^input(\.|$)/, '').replace(/\[\d+\]/g, ''), missing].filter(Boolean).join('.');
  return /Variable "\$(\w+)"/.exec(message)?.[1] ?? /argument "(\w+)"/.exec(message)?.[1];
}

/** A domain error, also when it arrives wrapped (a session refused in the context function has no path to unwrap). */
function domainErrorIn(error: unknown): DomainError | undefined {
  let current = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof DomainError) return current;
    const wrapper = current as { originalError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.cause;
  }
  return undefined;
}

export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = domainErrorIn(unwrapped) ?? unwrapped;
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (original instanceof DomainError) {
      return { message: original.message, ...where, extensions: { code: original.code, ...original.extensions() } };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && PASS_THROUGH.has(code)) {
      const argument = code === 'BAD_USER_INPUT' ? argumentOf(formatted.message) : undefined;
      return { message: formatted.message, ...where, extensions: { code, ...(argument ? { argument } : {}) } };
    }
    log.error('graphql request failed', { message: (original as Error)?.message ?? formatted.message, path: formatted.path?.join('.') });
    return { message: 'Something went wrong on our side; try again later.', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
