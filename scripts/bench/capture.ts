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
import { startRecordingProxy } from './recording-proxy.ts';
import { SEARCH_DOCUMENT, type BenchSearch } from './searches.ts';

export interface EngineRequest {
  /** Path and query string, e.g. `/bench-search-100000-earners/_search`. */
  path: string;
  /** The JSON body; replayed as `application/json` (the client's versioned media type means the same on 9.x). */
  body: string;
}

export interface CapturedSearch {
  search: BenchSearch;
  /** The GraphQL request body (JSON). */
  graphqlBody: string;
  /** The earners `_search` the API sent for this search, byte for byte. */
  engine: EngineRequest;
  /** The same request without aggregations: what the hits alone cost (the floor facets are measured against). */
  floor: EngineRequest;
  /** The same search as built with nested joins only (no flat default-scope fields): the baseline before them. */
  nestedOnly: EngineRequest;
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

/**
 * The floor and the nested-only baseline of a captured search. The search is
 * built here again as the API built it and must equal what it sent, so the
 * nested-only build differs from the captured one in that switch alone.
 */
function variants(search: BenchSearch, main: EngineRequest): Pick<CapturedSearch, 'floor' | 'nestedOnly'> {
  const sent = JSON.parse(main.body) as Record<string, unknown>;
  const parsed = parseSearchInput(search.input);
  const rebuilt = withoutMarker(buildSearchRequest(parsed, { now: FIXTURE_NOW }).request);
  if (!sameJson(rebuilt, sent)) throw new Error(`search "${search.id}": the request built here differs from the one the API sent`);
  const { aggs: _aggs, ...floor } = sent;
  const nested = withoutMarker(buildSearchRequest(parsed, { now: FIXTURE_NOW, nestedOnly: true }).request);
  return {
    floor: { path: main.path, body: JSON.stringify(floor) },
    nestedOnly: { path: main.path, body: JSON.stringify(nested) },
  };
}

export async function captureSearches(engineUrl: string, prefix: string, searches: readonly BenchSearch[]): Promise<CapturedSearch[]> {
  const proxy = await startRecordingProxy(engineUrl);
  const env = { ELASTICSEARCH_URL: proxy.url, INDEX_PREFIX: prefix, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };
  const api = await startApi(apiConfigFromEnv(env), { resolveViewer: fixedViewer(BENCH_VIEWER), now: () => FIXTURE_NOW });
  const searchPath = `/${aliasName(prefix, 'earners')}/_search`;
  try {
    const captured: CapturedSearch[] = [];
    for (const search of searches) {
      proxy.requests.splice(0);
      const body = graphqlBody(search);
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as SearchAnswer;
      if (!response.ok || answer.errors || !answer.data)
        throw new Error(`search "${search.id}" failed through the API (${response.status}): ${JSON.stringify(answer.errors ?? answer)}`);
      const main = proxy.requests.find((r) => r.method === 'POST' && r.path.split('?')[0] === searchPath);
      if (!main) throw new Error(`search "${search.id}": the API sent no ${searchPath} request`);
      captured.push({
        search,
        graphqlBody: body,
        engine: { path: main.path, body: main.body },
        ...variants(search, main),
        engineCalls: proxy.requests.map((r) => ({ method: r.method, path: r.path })),
        total: answer.data.searchEarners.total,
      });
    }
    return captured;
  } finally {
    await api.close();
    await proxy.close();
  }
}
