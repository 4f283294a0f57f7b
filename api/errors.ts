/**
 * Domain errors: what services and the engine module throw. The GraphQL edge
 * (`graphql/format-error.ts`) turns each into its error code; anything else
 * becomes a generic internal error with no details.
 */

/** Error codes clients can rely on, in `extensions.code`. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'SEARCH_UNAVAILABLE' | 'SERVICE_UNAVAILABLE' | 'RATE_LIMITED' | OperationLimitCode;

/** An operation refused or stopped by one of the server's limits (`graphql/operation-budget.ts`). */
export type OperationLimitCode = 'OPERATION_TOO_COSTLY' | 'RESPONSE_TOO_LARGE' | 'OPERATION_TIMED_OUT';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Safe to show the caller: no engine internals. */
  extensions(): Record<string, unknown> {
    return {};
  }
}

/**
 * A bad argument; `argument` names it as the client wrote it (`first`,
 * `near.lat`). The message may point closer, at an element of a list
 * (`badges[2]`).
 */
export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly argument: string,
    problem: string,
    where: string = argument,
  ) {
    super(`Invalid argument "${where}": ${problem}`);
  }
  override extensions(): Record<string, unknown> {
    return { argument: this.argument };
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in to search the directory.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Your account cannot use the directory search.') {
    super(message);
  }
}

/** Seconds a client should wait before retrying after an outage (the `Retry-After` of the 503). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The engine could not be asked (down, paused, overloaded, too slow, indices
 * missing). Answered with HTTP 503 and `Retry-After`; it says nothing about
 * who the caller is, so it never becomes UNAUTHENTICATED.
 */
export abstract class UnavailableError extends DomainError {
  abstract override readonly code: 'SEARCH_UNAVAILABLE' | 'SERVICE_UNAVAILABLE';
}

/** A search, suggestion or directory look-up could not run. */
export class SearchUnavailableError extends UnavailableError {
  readonly code = 'SEARCH_UNAVAILABLE';
  constructor(message = 'Search is unavailable right now; try again in a moment.') {
    super(message);
  }
}

/** Anything else (sign-in, accounts, settings, contacts, reports) could not run. */
export class ServiceUnavailableError extends UnavailableError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The service is unavailable right now (its data store does not answer); try again in a moment.') {
    super(message);
  }
}

/** Too many requests of one kind; `retryAt` says when the next one is allowed. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    readonly retryAt: Date,
    what: string,
  ) {
    super(`You have reached the limit of ${what}; try again after ${retryAt.toISOString()}.`);
  }
  override extensions(): Record<string, unknown> {
    return { retryAt: this.retryAt.toISOString() };
  }
}

/** An operation over a limit of the server; `limit` and `found` say by how much. */
export class OperationLimitError extends DomainError {
  constructor(
    readonly code: OperationLimitCode,
    message: string,
    readonly limit: number,
    readonly found?: number,
  ) {
    super(message);
  }
  override extensions(): Record<string, unknown> {
    return { limit: this.limit, ...(this.found !== undefined ? { found: this.found } : {}) };
  }
}
