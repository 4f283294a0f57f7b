/**
 * Side-by-side latency of one search: the GraphQL request; the same search
 * straight to the engine (its main `_search` alone, and the whole of it: the
 * main `_search` then each refinement, as the API sends them); the engine
 * request without aggregations (the hits-only floor); and the whole of the
 * build before flat refinement candidates. One after the other, rotating
 * which goes first, so all see the same machine at the same moment.
 * Sequential (one request in flight): latency, not throughput.
 */
import { apiTarget, engineTarget, requestTarget, timeSequence, type HttpTarget } from './http-targets.ts';
import type { CapturedSearch } from './capture.ts';
import { ratio, summarize, type LatencySummary } from './stats.ts';

export interface LatencyComparison {
  search: CapturedSearch['search']['id'];
  api: LatencySummary;
  engine: LatencySummary;
  /** The main `_search` then every refinement request, as the API sends them. */
  whole: LatencySummary;
  /** The engine request without aggregations: hits, highlights and shown badges only. */
  floor: LatencySummary;
  /** The whole search as the build before flat refinement candidates sent it. */
  before: LatencySummary;
  /** API over the whole engine work of the search, at p50 and p95. */
  ratioP50: number;
  ratioP95: number;
  /** Main engine request over the hits-only floor, at p50 and p95. */
  facetsP50: number;
  facetsP95: number;
  /** The whole (with refinements) over the floor (the cost of exact facets), at p50 and p95. */
  wholeP50: number;
  wholeP95: number;
  /** The build before, whole, over the floor, at p50 and p95. */
  beforeP50: number;
  beforeP95: number;
}

type Side = 'api' | 'engine' | 'whole' | 'floor' | 'before';
const SIDES = ['api', 'engine', 'whole', 'floor', 'before'] as const;

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
  const targets: [Side, HttpTarget[]][] = [
    ['api', [apiTarget(apiUrl, search)]],
    ['engine', [engineTarget(engineUrl, search)]],
    ['whole', search.whole.map((r) => requestTarget(engineUrl, r))],
    ['floor', [engineTarget(engineUrl, search, 'floor')]],
    ['before', search.before.map((r) => requestTarget(engineUrl, r))],
  ];
  const first = {} as Record<Side, string>;
  for (const [side, sequence] of targets) first[side] = (await timeSequence(sequence)).text;
  checkSame(search, first);
  const samples: Record<Side, number[]> = { api: [], engine: [], whole: [], floor: [], before: [] };
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    // Rotate the order, so no side always runs right after another one warmed the caches.
    const order = [...targets.slice(i % targets.length), ...targets.slice(0, i % targets.length)];
    for (const [side, sequence] of order) {
      const { ms } = await timeSequence(sequence);
      if (i >= options.warmup) samples[side].push(ms);
    }
  }
  const [api, engine, whole, floor, before] = SIDES.map((side) => summarize(samples[side])) as [
    LatencySummary,
    LatencySummary,
    LatencySummary,
    LatencySummary,
    LatencySummary,
  ];
  return {
    search: search.search.id,
    api,
    engine,
    whole,
    floor,
    before,
    ratioP50: ratio(api.p50, whole.p50),
    ratioP95: ratio(api.p95, whole.p95),
    facetsP50: ratio(engine.p50, floor.p50),
    facetsP95: ratio(engine.p95, floor.p95),
    wholeP50: ratio(whole.p50, floor.p50),
    wholeP95: ratio(whole.p95, floor.p95),
    beforeP50: ratio(before.p50, floor.p50),
    beforeP95: ratio(before.p95, floor.p95),
  };
}
