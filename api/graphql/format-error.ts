/**
 * The one place errors become GraphQL errors. Domain errors keep their code
 * and message; GraphQL's own parse, validation and variable errors pass
 * through (with the argument named when it can be told); everything else is a
 * generic internal error, never shown with details (the plugin in
 * `operation-budget.ts` logs it with the request id the caller sees).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors.ts';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
]);

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

/** Errors the caller caused or may expect (domain errors, parse and validation errors): not logged as failures. */
export function isExpectedError(error: unknown): boolean {
  if (domainErrorIn(unwrapResolverError(error))) return true;
  const code = (error as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' && PASS_THROUGH.has(code);
}

/** "Did you mean ...?" in any form (fields, arguments, types, enum values): in production the schema stays unlisted. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The server's own errors are logged with the request id by `operation-budget.ts` (didEncounterErrors), not here.
 * `production`: no suggestions, also in variable and enum errors (graphql-armor only masks validation errors).
 */
export function createFormatError({ production = false }: { production?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = domainErrorIn(unwrapped) ?? unwrapped;
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    // A refused session carries the request id from the context function (no plugin runs for it).
    const requestId = typeof formatted.extensions?.requestId === 'string' ? { requestId: formatted.extensions.requestId } : {};
    if (original instanceof DomainError) {
      return { message: original.message, ...where, extensions: { code: original.code, ...original.extensions(), ...requestId } };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && PASS_THROUGH.has(code)) {
      const argument = code === 'BAD_USER_INPUT' ? argumentOf(formatted.message) : undefined;
      const message = production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      return { message, ...where, extensions: { code, ...(argument ? { argument } : {}) } };
    }
    return { message: 'Something went wrong on our side; try again later.', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
