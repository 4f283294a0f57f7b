/**
 * Side-by-side latency of one search: the GraphQL request; the same search
 * straight to the engine, as the API sends it (its hits-and-counts `_msearch`,
 * then each refinement), once with the engine's request cache off (every
 * count computed afresh: a search not seen before) and once with it on (the
 * same search again: the next page, going back, another employer); the hits
 * request alone (the floor); and the build before, hits and aggregations in
 * one `_search` (cache off). One after the other, rotating which goes first,
 * so all see the same machine at the same moment. Sequential (one request in
 * flight): latency, not throughput.
 */
import { apiTarget, requestTarget, timeSequence, type HttpTarget } from './http-targets.ts';
import type { CapturedSearch } from './capture.ts';
import { ratio, summarize, type LatencySummary } from './stats.ts';

export interface LatencyComparison {
  search: CapturedSearch['search']['id'];
  api: LatencySummary;
  /** The hits-and-counts `_msearch` alone, request cache off. */
  engine: LatencySummary;
  /** The `_msearch` then every refinement request, as the API sends them, request cache off. */
  whole: LatencySummary;
  /** The same with the request cache on, as the API sends them: a search repeated (counts from the cache). */
  repeated: LatencySummary;
  /** The hits request alone: hits, highlights and shown badges. */
  floor: LatencySummary;
  /** The build before: hits and aggregations in one `_search`, then the refinements, request cache off. */
  before: LatencySummary;
  /** API over the whole engine work of the search as the API sends it (cache on), at p50 and p95. */
  ratioP50: number;
  ratioP95: number;
  /** Main engine request (cache off) over the hits-only floor, at p50 and p95. */
  facetsP50: number;
  facetsP95: number;
  /** The whole (with refinements, cache off) over the floor (the cost of exact facets), at p50 and p95. */
  wholeP50: number;
  wholeP95: number;
  /** The whole repeated (cache on) over the floor, at p50 and p95. */
  repeatedP50: number;
  repeatedP95: number;
  /** The build before, whole, over the floor, at p50 and p95. */
  beforeP50: number;
  beforeP95: number;
}

const SIDES = ['api', 'engine', 'whole', 'repeated', 'floor', 'before'] as const;
type Side = (typeof SIDES)[number];

interface SearchAnswer {
  hits?: { total?: { value: number } };
}
interface Answer extends SearchAnswer {
  data?: { searchEarners?: { total: number } };
  errors?: unknown;
  responses?: SearchAnswer[];
}

/** Every side must find the same total, or they are not the same search. */
function checkSame(search: CapturedSearch, texts: Record<Side, string>): void {
  const totals = Object.fromEntries(
    Object.entries(texts).map(([side, text]) => {
      const answer = JSON.parse(text) as Answer;
      const engineTotal = (answer.responses?.[0] ?? answer).hits?.total?.value;
      return [side, answer.errors ? 'error' : (answer.data?.searchEarners?.total ?? engineTotal)];
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
  const cold = { cache: false };
  const targets: [Side, HttpTarget[]][] = [
    ['api', [apiTarget(apiUrl, search)]],
    ['engine', [requestTarget(engineUrl, search.engine, cold)]],
    ['whole', search.whole.map((r) => requestTarget(engineUrl, r, cold))],
    ['repeated', search.whole.map((r) => requestTarget(engineUrl, r))],
    ['floor', [requestTarget(engineUrl, search.floor, cold)]],
    ['before', search.before.map((r) => requestTarget(engineUrl, r, cold))],
  ];
  const first = {} as Record<Side, string>;
  for (const [side, sequence] of targets) first[side] = (await timeSequence(sequence)).text;
  checkSame(search, first);
  const samples = Object.fromEntries(SIDES.map((side) => [side, [] as number[]])) as Record<Side, number[]>;
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    // Rotate the order, so no side always runs right after another one warmed the caches.
    const order = [...targets.slice(i % targets.length), ...targets.slice(0, i % targets.length)];
    for (const [side, sequence] of order) {
      const { ms } = await timeSequence(sequence);
      if (i >= options.warmup) samples[side].push(ms);
    }
  }
  const s = Object.fromEntries(SIDES.map((side) => [side, summarize(samples[side])])) as Record<Side, LatencySummary>;
  return {
    search: search.search.id,
    ...s,
    ratioP50: ratio(s.api.p50, s.repeated.p50),
    ratioP95: ratio(s.api.p95, s.repeated.p95),
    facetsP50: ratio(s.engine.p50, s.floor.p50),
    facetsP95: ratio(s.engine.p95, s.floor.p95),
    wholeP50: ratio(s.whole.p50, s.floor.p50),
    wholeP95: ratio(s.whole.p95, s.floor.p95),
    repeatedP50: ratio(s.repeated.p50, s.floor.p50),
    repeatedP95: ratio(s.repeated.p95, s.floor.p95),
    beforeP50: ratio(s.before.p50, s.floor.p50),
    beforeP95: ratio(s.before.p95, s.floor.p95),
  };
}
