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
import { startRecordingProxy, type RecordedRequest, type RecordingProxy } from './recording-proxy.ts';
import { createSearchEngine } from '../../api/engine.ts';
import { createLogger } from '../../api/log.ts';
import { refineFacets } from '../../api/services/search-service.ts';
import { shapeSearchResponse } from '../../api/search/response.ts';
import { createEngineClient } from '../../mappings/connection.ts';
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
  /** The earners `_search` the API sent for this search, byte for byte. */
  engine: EngineRequest;
  /** The same request without aggregations: what the hits alone cost (the floor facets are measured against). */
  floor: EngineRequest;
  /** Every engine request of the search's results and counts, in order: the `_search` above, then refinements (and their label look-ups). */
  whole: EngineRequest[];
  /** The same, as the build before flat refinement candidates sent it (candidates and their labels through the nested badges). */
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

/**
 * The floor and the nested-only baseline of a captured search. The search is
 * built here again as the API built it and must equal what it sent, so the
 * nested-only build differs from the captured one in that switch alone.
 */
function floorOf(search: BenchSearch, main: EngineRequest): EngineRequest {
  const sent = JSON.parse(main.body) as Record<string, unknown>;
  const parsed = parseSearchInput(search.input);
  const rebuilt = withoutMarker(buildSearchRequest(parsed, { now: FIXTURE_NOW }).request);
  if (!sameJson(rebuilt, sent)) throw new Error(`search "${search.id}": the request built here differs from the one the API sent`);
  const { aggs: _aggs, ...floor } = sent;
  return { path: main.path, body: JSON.stringify(floor) };
}

/** The earners searches and multi-searches of one search, from the main `_search` on (not skills, pathways or the search log). */
function countingRequests(requests: readonly RecordedRequest[], searchPath: string): EngineRequest[] {
  const start = requests.findIndex((r) => r.method === 'POST' && r.path.split('?')[0] === searchPath);
  return requests
    .slice(start)
    .filter((r) => r.method === 'POST' && (r.path.split('?')[0] === searchPath || r.path.split('?')[0] === '/_msearch'))
    .map((r) => ({ path: r.path, body: r.body, ...(r.path.startsWith('/_msearch') ? { ndjson: true } : {}) }));
}

/** The build before flat candidates, run with the product's own refinement loop through the proxy. */
async function beforeSequence(proxy: RecordingProxy, prefix: string, search: BenchSearch, searchPath: string): Promise<EngineRequest[]> {
  const client = createEngineClient({ url: proxy.url });
  try {
    const engine = createSearchEngine(
      client,
      prefix,
      createLogger('error', () => {}),
    );
    const parsed = parseSearchInput(search.input);
    const ctx = { now: FIXTURE_NOW, shards: 1, nestedCandidates: true };
    proxy.requests.splice(0);
    const plan = buildSearchRequest(parsed, ctx);
    const page = shapeSearchResponse(parsed, plan.facets, await engine.searchEarners(plan.request), ctx);
    await refineFacets(engine, parsed, ctx, page.facets);
    return countingRequests(proxy.requests, searchPath);
  } finally {
    await client.close();
  }
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
      const engineCalls = proxy.requests.map((r) => ({ method: r.method, path: r.path }));
      const whole = countingRequests(proxy.requests, searchPath);
      captured.push({
        search,
        graphqlBody: body,
        engine: { path: main.path, body: main.body },
        floor: floorOf(search, main),
        whole,
        before: await beforeSequence(proxy, prefix, search, searchPath),
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
