/**
 * Side-by-side latency of one search: the GraphQL request, the same search
 * straight to the engine, the same engine request without aggregations (the
 * hits-only floor) and the nested-only build (the baseline before the flat
 * default-scope fields), one after the other, rotating which goes first, so
 * all see the same machine at the same moment. Sequential (one request in
 * flight): latency, not throughput.
 */
import { apiTarget, engineTarget, timeRequest, type HttpTarget } from './http-targets.ts';
import type { CapturedSearch } from './capture.ts';
import { ratio, summarize, type LatencySummary } from './stats.ts';

export interface LatencyComparison {
  search: CapturedSearch['search']['id'];
  api: LatencySummary;
  engine: LatencySummary;
  /** The engine request without aggregations: hits, highlights and shown badges only. */
  floor: LatencySummary;
  /** The engine request with every facet through nested joins. */
  nestedOnly: LatencySummary;
  /** API over engine, at p50 and p95. */
  ratioP50: number;
  ratioP95: number;
  /** Full engine request over the hits-only floor (the cost of exact facets), at p50 and p95. */
  facetsP50: number;
  facetsP95: number;
  /** Nested-only over the floor, at p50 and p95. */
  nestedP50: number;
  nestedP95: number;
}

type Side = 'api' | 'engine' | 'floor' | 'nestedOnly';

interface Answer {
  data?: { searchEarners?: { total: number } };
  errors?: unknown;
  hits?: { total?: { value: number } };
}

/** Every side must find the same total, or they are not the same search. */
function checkSame(search: CapturedSearch, texts: Record<Side, string>): void {
  const totals = Object.fromEntries(
    Object.entries(texts).map(([side, text]) => {
      const answer = JSON.parse(text) as Answer;
      return [side, answer.errors ? 'error' : (answer.data?.searchEarners?.total ?? answer.hits?.total?.value)];
    }),
  );
  if (new Set(Object.values(totals)).size !== 1)
    throw new Error(
      `search "${search.search.id}": the sides disagree on the total: ${JSON.stringify(totals)} (${texts.api.slice(0, 200)})`,
    );
}

export async function compareLatency(
  apiUrl: string,
  engineUrl: string,
  search: CapturedSearch,
  options: { warmup: number; iterations: number },
): Promise<LatencyComparison> {
  const targets: [Side, HttpTarget][] = [
    ['api', apiTarget(apiUrl, search)],
    ['engine', engineTarget(engineUrl, search)],
    ['floor', engineTarget(engineUrl, search, 'floor')],
    ['nestedOnly', engineTarget(engineUrl, search, 'nestedOnly')],
  ];
  const first = {} as Record<Side, string>;
  for (const [side, target] of targets) first[side] = (await timeRequest(target)).text;
  checkSame(search, first);
  const samples: Record<Side, number[]> = { api: [], engine: [], floor: [], nestedOnly: [] };
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    // Rotate the order, so no side always runs right after another one warmed the caches.
    const order = [...targets.slice(i % targets.length), ...targets.slice(0, i % targets.length)];
    for (const [side, target] of order) {
      const { ms } = await timeRequest(target);
      if (i >= options.warmup) samples[side].push(ms);
    }
  }
  const [api, engine, floor, nestedOnly] = (['api', 'engine', 'floor', 'nestedOnly'] as const).map((side) => summarize(samples[side])) as [
    LatencySummary,
    LatencySummary,
    LatencySummary,
    LatencySummary,
  ];
  return {
    search: search.search.id,
    api,
    engine,
    floor,
    nestedOnly,
    ratioP50: ratio(api.p50, engine.p50),
    ratioP95: ratio(api.p95, engine.p95),
    facetsP50: ratio(engine.p50, floor.p50),
    facetsP95: ratio(engine.p95, floor.p95),
    nestedP50: ratio(nestedOnly.p50, floor.p50),
    nestedP95: ratio(nestedOnly.p95, floor.p95),
  };
}
