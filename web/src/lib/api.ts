/**
 * The one typed GraphQL client: every request of the app goes through
 * `request`, with the operation's result and variable types generated from
 * the API schema. It adds the session token and turns failures into
 * `ApiError`s with plain-word messages.
 */
import { ApiError, networkError, toApiError, type GraphqlErrorShape } from './errors';
import type { TypedDocumentString } from './graphql/generated';
import { currentToken } from './session-storage';

const ENDPOINT = '/graphql';

/** Called when the API says the session is no longer valid (the session store signs out). */
let onUnauthenticated: () => void = () => {};
export function handleUnauthenticated(callback: () => void): void {
  onUnauthenticated = callback;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

type Variables<V> = V extends Record<string, never> ? [variables?: V, options?: RequestOptions] : [variables: V, options?: RequestOptions];

export async function request<R, V>(document: TypedDocumentString<R, V>, ...[variables, options]: Variables<V>): Promise<R> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      ...(options?.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  let body: { data?: R | null; errors?: GraphqlErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw response.status >= 500 ? toApiError({ message: '' }) : networkError();
  }
  const first = body.errors?.[0];
  if (first) {
    const error = toApiError(first, token !== null);
    if (error.kind === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  if (!body.data) throw new ApiError('INTERNAL', 'Something went wrong on our side. Please try again later.');
  return body.data;
}

/** A file the API serves over plain HTTP (the CSV export), with the session token; errors come as JSON with the same codes as GraphQL. */
export async function fetchFile(
  path: string,
  params: URLSearchParams,
  options?: RequestOptions,
): Promise<{ blob: Blob; filename: string | null }> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(`${path}?${params}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(options?.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: GraphqlErrorShape[] };
    const error = toApiError(body.errors?.[0] ?? { message: '' }, token !== null);
    if (error.kind === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  // `attachment; filename="skill-gap_US-OH_....csv"`: the API names the file after the report's scope.
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { blob: await response.blob(), filename };
}
