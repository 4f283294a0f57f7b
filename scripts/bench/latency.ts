/**
 * Side-by-side latency of one search: the GraphQL request and the same
 * search straight to the engine, one after the other, alternating which goes
 * first, so both see the same machine at the same moment. Sequential (one
 * request in flight): latency, not throughput.
 */
import { apiTarget, engineTarget, timeRequest, type HttpTarget } from './http-targets.ts';
import type { CapturedSearch } from './capture.ts';
import { ratio, summarize, type LatencySummary } from './stats.ts';

export interface LatencyComparison {
  search: CapturedSearch['search']['id'];
  api: LatencySummary;
  engine: LatencySummary;
  /** API over engine, at p50 and p95. */
  ratioP50: number;
  ratioP95: number;
}

/** The answers must agree on the total, or the two sides are not the same search. */
function checkSame(search: CapturedSearch, apiText: string, engineText: string): void {
  const api = JSON.parse(apiText) as { data?: { searchEarners?: { total: number } }; errors?: unknown };
  const engine = JSON.parse(engineText) as { hits?: { total?: { value: number } } };
  if (api.errors || api.data?.searchEarners?.total !== engine.hits?.total?.value) {
    throw new Error(
      `search "${search.search.id}": the API and the engine disagree (${apiText.slice(0, 200)} vs total ${engine.hits?.total?.value})`,
    );
  }
}

export async function compareLatency(
  apiUrl: string,
  engineUrl: string,
  search: CapturedSearch,
  options: { warmup: number; iterations: number },
): Promise<LatencyComparison> {
  const api = apiTarget(apiUrl, search);
  const engine = engineTarget(engineUrl, search);
  const first = await Promise.all([timeRequest(api), timeRequest(engine)]);
  checkSame(search, first[0].text, first[1].text);
  const samples = { api: [] as number[], engine: [] as number[] };
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    const order: [keyof typeof samples, HttpTarget][] =
      i % 2 === 0
        ? [
            ['api', api],
            ['engine', engine],
          ]
        : [
            ['engine', engine],
            ['api', api],
          ];
    for (const [side, target] of order) {
      const { ms } = await timeRequest(target);
      if (i >= options.warmup) samples[side].push(ms);
    }
  }
  const apiSummary = summarize(samples.api);
  const engineSummary = summarize(samples.engine);
  return {
    search: search.search.id,
    api: apiSummary,
    engine: engineSummary,
    ratioP50: ratio(apiSummary.p50, engineSummary.p50),
    ratioP95: ratio(apiSummary.p95, engineSummary.p95),
  };
}
