/**
 * API errors in plain words. The API's error codes (`extensions.code`) decide
 * the wording; the field of a bad input is named as a person reads it.
 */

export type ErrorKind =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'SEARCH_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE'
  | 'NETWORK'
  | 'INTERNAL';

export interface GraphqlErrorShape {
  message: string;
  extensions?: { code?: string; argument?: string; retryAt?: string; [key: string]: unknown };
}

/** Readable names of the arguments the app sends. */
const FIELD_NAMES: Record<string, string> = {
  email: 'email address',
  password: 'password',
  token: 'sign-in link',
  message: 'message',
  prefix: 'search words',
  text: 'search words',
  contactValue: 'contact address',
  contactChannel: 'contact channel',
  'location.region': 'region',
  'location.city': 'city',
  'location.country': 'country',
  headline: 'headline',
  displayName: 'display name',
  openTo: 'work types',
  confirm: 'confirmation',
  body: 'template text',
  organisation: 'organisation',
  contactName: 'your name',
};

export function fieldName(argument: string): string {
  return (
    FIELD_NAMES[argument] ??
    argument
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/\./g, ' ')
      .toLowerCase()
  );
}

/** The problem part of `Invalid argument "x": problem`, else the whole message. */
function problemOf(message: string): string {
  const match = /^Invalid argument "[^"]+":\s*(.+)$/s.exec(message);
  return (match?.[1] ?? message).replace(/\.$/, '');
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** For BAD_USER_INPUT: the argument the API named. */
    readonly field?: string,
    /** For RATE_LIMITED: when the next request is allowed. */
    readonly retryAt?: string,
  ) {
    super(message);
  }
}

/** Turns the first GraphQL error of a response into an ApiError with a message a person understands. */
export function toApiError(error: GraphqlErrorShape, sentToken = false): ApiError {
  const code = error.extensions?.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      // With a token the session ended; without one the API says what was wrong (a wrong password, say).
      return new ApiError(
        'UNAUTHENTICATED',
        sentToken ? 'Your session has ended. Please sign in again.' : error.message || 'Please sign in to continue.',
      );
    case 'FORBIDDEN':
      return new ApiError('FORBIDDEN', error.message || "Your account can't do this.");
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED': {
      const argument = error.extensions?.argument;
      const problem = problemOf(error.message);
      // The API writes some problems as whole sentences for people; those stand on their own.
      const sentence = /^[A-Z]/.test(problem);
      const text = sentence
        ? `${problem}${/[.!?]$/.test(problem) ? '' : '.'}`
        : `Please check the ${argument ? fieldName(argument) : 'details you entered'}: ${problem}.`;
      return new ApiError('BAD_USER_INPUT', text, argument);
    }
    case 'RATE_LIMITED': {
      const retryAt = error.extensions?.retryAt;
      const when = retryAt ? ` You can try again after ${formatTime(retryAt)}.` : ' Try again later.';
      return new ApiError('RATE_LIMITED', `You've reached the limit for now.${when}`, undefined, retryAt);
    }
    case 'SEARCH_UNAVAILABLE':
      return new ApiError('SEARCH_UNAVAILABLE', 'Search is unavailable right now. Please try again in a moment.');
    case 'SERVICE_UNAVAILABLE':
      // An outage, not a sign-out: the session stays.
      return new ApiError(
        'SERVICE_UNAVAILABLE',
        'The service is unavailable right now. You are still signed in; please try again in a moment.',
      );
    default:
      return new ApiError('INTERNAL', 'Something went wrong on our side. Please try again later.');
  }
}

export function networkError(): ApiError {
  return new ApiError('NETWORK', "We can't reach the server. Check your connection and try again.");
}

/** A message for anything caught around a request. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}
