/**
 * The two ends one search is sent to: the GraphQL endpoint and the engine,
 * with the requests the API sent. Both go through the same client code
 * (fetch with keep-alive), so the client's own cost is the same on each side.
 */
import type { CapturedSearch, EngineRequest } from './capture.ts';

export interface HttpTarget {
  url: string;
  body: string;
  headers: Record<string, string>;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export function apiTarget(apiUrl: string, captured: CapturedSearch): HttpTarget {
  return { url: `${apiUrl}/graphql`, body: captured.graphqlBody, headers: JSON_HEADERS };
}

const NDJSON_HEADERS = { 'content-type': 'application/x-ndjson', accept: 'application/json' };

/** `cache: false` asks the engine not to answer from its request cache (every count computed afresh, as for a search not seen before). */
export function requestTarget(engineUrl: string, request: EngineRequest, { cache = true }: { cache?: boolean } = {}): HttpTarget {
  const headers = request.ndjson ? NDJSON_HEADERS : JSON_HEADERS;
  if (cache) return { url: `${engineUrl}${request.path}`, body: request.body, headers };
  // `_msearch` takes the flag in each search's header line; `_search` in the query string.
  if (request.ndjson) return { url: `${engineUrl}${request.path}`, body: withoutRequestCache(request.body), headers };
  return { url: `${engineUrl}${request.path}${request.path.includes('?') ? '&' : '?'}request_cache=false`, body: request.body, headers };
}

/** An NDJSON `_msearch` body with `request_cache: false` in every header line (the even lines). */
function withoutRequestCache(ndjson: string): string {
  return ndjson
    .split('\n')
    .map((line, i) => (i % 2 === 0 && line ? JSON.stringify({ ...(JSON.parse(line) as object), request_cache: false }) : line))
    .join('\n');
}

/** Sends the requests one after the other (as the API does: each refinement waits for the counts before it); the text is the first answer's. */
export async function timeSequence(targets: readonly HttpTarget[]): Promise<{ ms: number; text: string }> {
  let ms = 0;
  let text = '';
  for (const [i, target] of targets.entries()) {
    const timed = await timeRequest(target);
    ms += timed.ms;
    if (i === 0) text = timed.text;
  }
  return { ms, text };
}

/** Milliseconds from sending the request to having read the whole answer. */
export async function timeRequest(target: HttpTarget): Promise<{ ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`POST ${target.url} answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms, text };
}
