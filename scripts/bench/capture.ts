/**
 * Runs each benchmark search once through the real API (in this process,
 * over HTTP) with the engine behind a recording proxy, and keeps the exact
 * engine request the API sent for the search itself, plus every other engine
 * call the search cost (facet refinements, label look-ups).
 */
import { apiConfigFromEnv } from '../../api/config.ts';
import { startApi } from '../../api/main.ts';
import { fixedViewer } from '../../api/viewer.ts';
import { isDeepStrictEqual } from 'node:util';
import { parseSearchInput } from '../../api/search/input.ts';
import type { DirectoryRequest } from '../../api/search/privacy.ts';
import { buildSearchRequest } from '../../api/search/request.ts';
import { aliasName } from '../../mappings/indices.ts';
import { FIXTURE_NOW } from '../../test/support/generators/directory.ts';
import { BENCH_VIEWER } from './bench-viewer.ts';
import { startRecordingProxy, type RecordedRequest } from './recording-proxy.ts';
import { SEARCH_DOCUMENT, type BenchSearch } from './searches.ts';

export interface EngineRequest {
  /** Path and query string, e.g. `/bench-search-100000-earners/_search`. */
  path: string;
  /** The JSON body; replayed as `application/json` (the client's versioned media type means the same on 9.x). */
  body: string;
  /** `_msearch` bodies are NDJSON. */
  ndjson?: boolean;
}

export interface CapturedSearch {
  search: BenchSearch;
  /** The GraphQL request body (JSON). */
  graphqlBody: string;
  /** The `_msearch` the API sent for this search's hits and facet counts, byte for byte. */
  engine: EngineRequest;
  /** Its hits request alone, as an earners `_search`: what the hits cost (the floor facets are measured against). */
  floor: EngineRequest;
  /** Every engine request of the search's results and counts, in order: the `_msearch` above, then refinements (and their label look-ups). */
  whole: EngineRequest[];
  /** The same search as the build before sent it: hits and aggregations in one `_search`, then the same refinements. */
  before: EngineRequest[];
  /** Every engine request the one GraphQL search made, in order. */
  engineCalls: { method: string; path: string }[];
  /** Earners found (from the GraphQL answer). */
  total: number;
}

interface SearchAnswer {
  data?: { searchEarners: { total: number } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function graphqlBody(search: BenchSearch): string {
  return JSON.stringify({ query: SEARCH_DOCUMENT, variables: { input: search.input }, operationName: 'BenchSearch' });
}

const withoutMarker = ({ __directory: _marker, ...body }: DirectoryRequest) => body;
const sameJson = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), b);

/** The bodies of an NDJSON `_msearch`: every second line (the others are headers). */
const msearchBodies = (ndjson: string): Record<string, unknown>[] =>
  ndjson
    .split('\n')
    .filter(Boolean)
    .filter((_line, i) => i % 2 === 1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * The floor and the one-request baseline of a captured search. The search is
 * built here again as the API built it and must equal what it sent, so both
 * are exactly the API's hits and counts.
 */
function splitParts(search: BenchSearch, main: EngineRequest, searchPath: string): { floor: EngineRequest; together: EngineRequest } {
  const [hits, counts] = msearchBodies(main.body);
  const plan = buildSearchRequest(parseSearchInput(search.input), { now: FIXTURE_NOW });
  if (!sameJson(withoutMarker(plan.hits), hits) || !sameJson(withoutMarker(plan.counts), counts))
    throw new Error(`search "${search.id}": the requests built here differ from the ones the API sent`);
  return {
    floor: { path: searchPath, body: JSON.stringify(hits) },
    together: { path: searchPath, body: JSON.stringify({ ...hits, aggs: counts!.aggs }) },
  };
}

const pathOf = (r: RecordedRequest) => r.path.split('?')[0];

/** The hits-and-counts `_msearch` of one search (its first line names the earners index). */
const isMainSearch = (r: RecordedRequest, earners: string) =>
  r.method === 'POST' && pathOf(r) === '/_msearch' && r.body.startsWith(`{"index":"${earners}"}`);

/** The earners searches and multi-searches of one search, from the main `_msearch` on (not skills, pathways or the search log). */
function countingRequests(requests: readonly RecordedRequest[], searchPath: string, earners: string): EngineRequest[] {
  const start = requests.findIndex((r) => isMainSearch(r, earners));
  return requests
    .slice(start)
    .filter((r) => r.method === 'POST' && (pathOf(r) === searchPath || pathOf(r) === '/_msearch'))
    .map((r) => ({ path: r.path, body: r.body, ...(r.path.startsWith('/_msearch') ? { ndjson: true } : {}) }));
}

export async function captureSearches(engineUrl: string, prefix: string, searches: readonly BenchSearch[]): Promise<CapturedSearch[]> {
  const proxy = await startRecordingProxy(engineUrl);
  const env = { ELASTICSEARCH_URL: proxy.url, INDEX_PREFIX: prefix, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };
  const api = await startApi(apiConfigFromEnv(env), { resolveViewer: fixedViewer(BENCH_VIEWER), now: () => FIXTURE_NOW });
  const earners = aliasName(prefix, 'earners');
  const searchPath = `/${earners}/_search`;
  try {
    const captured: CapturedSearch[] = [];
    for (const search of searches) {
      proxy.requests.splice(0);
      const body = graphqlBody(search);
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as SearchAnswer;
      if (!response.ok || answer.errors || !answer.data)
        throw new Error(`search "${search.id}" failed through the API (${response.status}): ${JSON.stringify(answer.errors ?? answer)}`);
      const main = proxy.requests.find((r) => isMainSearch(r, earners));
      if (!main) throw new Error(`search "${search.id}": the API sent no _msearch for ${earners}`);
      const engineCalls = proxy.requests.map((r) => ({ method: r.method, path: r.path }));
      const whole = countingRequests(proxy.requests, searchPath, earners);
      const engine = { path: main.path, body: main.body, ndjson: true };
      const { floor, together } = splitParts(search, engine, searchPath);
      captured.push({
        search,
        graphqlBody: body,
        engine,
        floor,
        whole,
        before: [together, ...whole.slice(1)],
        engineCalls,
        total: answer.data.searchEarners.total,
      });
    }
    return captured;
  } finally {
    await api.close();
    await proxy.close();
  }
}
