/**
 * Runs each benchmark search once through the real API (in this process,
 * over HTTP) with the engine behind a recording proxy, and keeps the exact
 * engine request the API sent for the search itself, plus every other engine
 * call the search cost (facet refinements, label look-ups).
 */
import { apiConfigFromEnv } from '../../api/config.ts';
import { startApi } from '../../api/main.ts';
import { fixedViewer } from '../../api/viewer.ts';
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
