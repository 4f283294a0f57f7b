/** The benchmark's answer: a table on stdout and the same figures as JSON under `.cache/bench/`. */
import fs from 'node:fs';
import path from 'node:path';
import type { CapturedSearch } from './capture.ts';
import type { Dataset } from './dataset.ts';
import type { LatencyComparison } from './latency.ts';
import type { EngineFacts, IndexSizes, MachineDescription } from './machine.ts';
import type { BenchOptions } from './options.ts';
import type { ThroughputComparison } from './throughput.ts';

export interface BenchReport {
  startedAt: string;
  options: BenchOptions;
  dataset: Omit<Dataset, 'searches'>;
  indices: IndexSizes;
  machine: MachineDescription;
  engine: EngineFacts;
  setup: string[];
  searches: {
    id: string;
    description: string;
    input: unknown;
    total: number;
    engineCalls: { method: string; path: string }[];
    engineRequestBody: unknown;
  }[];
  latency: LatencyComparison[];
  throughput: ThroughputComparison[];
}

export function searchesForReport(captured: readonly CapturedSearch[]): BenchReport['searches'] {
  return captured.map((c) => ({
    id: c.search.id,
    description: c.search.description,
    input: c.search.input,
    total: c.total,
    engineCalls: c.engineCalls,
    // The NDJSON lines of the hits-and-counts _msearch: header, hits, header, counts.
    engineRequestBody: c.engine.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown),
  }));
}

const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => value.toFixed(1);
const x = (value: number) => `${value.toFixed(2)}x`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "earners _search x2, skills _mget": what the API asked the engine for one search. */
function callSummary(calls: readonly { path: string }[]): string {
  const counts = new Map<string, number>();
  for (const { path: p } of calls) {
    const [index, endpoint] = p.split('?')[0]!.split('/').filter(Boolean);
    const key = `${index?.replace(/^.*-(earners|skills|badge-classes)$/, '$1') ?? '?'} ${endpoint ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => (count > 1 ? `${key} x${count}` : key)).join(', ');
}

function failures(runs: readonly ThroughputComparison[]): string[] {
  return runs.flatMap((t) =>
    (['api', 'engine'] as const).flatMap((side) =>
      t[side].firstFailure
        ? [`  ${side} at ${t.connections} connections, first failed answer: ${t[side].firstFailure!.replace(/\s+/g, ' ')}`]
        : [],
    ),
  );
}

export function formatReport(r: BenchReport): string {
  const d = r.dataset;
  const m = r.machine;
  const idWidth = Math.max(...r.searches.map((s) => s.id.length));
  const legend = r.searches.map(
    (s) =>
      `  ${s.id.padEnd(idWidth)}  ${s.description}: ${n(s.total)} earners; ${s.engineCalls.length} engine calls per API search (${callSummary(s.engineCalls)})`,
  );
  const latencyRows = r.latency.map((l) => [
    l.search,
    ms(l.api.p50),
    ms(l.repeated.p50),
    x(l.ratioP50),
    ms(l.api.p95),
    ms(l.repeated.p95),
    x(l.ratioP95),
  ]);
  const facetRows = r.latency.map((l) => [
    l.search,
    `${ms(l.floor.p50)} / ${ms(l.floor.p95)}`,
    `${ms(l.engine.p50)} / ${ms(l.engine.p95)}`,
    `${x(l.facetsP50)} / ${x(l.facetsP95)}`,
    `${ms(l.whole.p50)} / ${ms(l.whole.p95)}`,
    `${x(l.wholeP50)} / ${x(l.wholeP95)}`,
    `${ms(l.repeated.p50)} / ${ms(l.repeated.p95)}`,
    `${x(l.repeatedP50)} / ${x(l.repeatedP95)}`,
    `${ms(l.before.p50)} / ${ms(l.before.p95)}`,
    `${x(l.beforeP50)} / ${x(l.beforeP95)}`,
  ]);
  const throughputRows = r.throughput.map((t) => [
    String(t.connections),
    t.api.rps.toFixed(1),
    `${t.engine.rps.toFixed(1)} (${t.engine.requestsPerSecond.toFixed(1)} requests/s)`,
    x(t.ratio),
    `${t.api.latencyP50} / ${t.api.latencyP99}`,
    `${t.engine.latencyP50} / ${t.engine.latencyP99}`,
    `${t.api.failed} / ${t.engine.failed}`,
  ]);
  return [
    `bench:search  ${r.startedAt}`,
    '',
    `Data     ${n(d.earners)} earners (${n(d.listedEarners)} listed), ${n(d.badges)} badges, seed ${d.seed}; index prefix ${d.prefix} (${d.reused ? `reused, loaded ${d.loadedAt}` : `loaded now`} in ${d.loadSeconds} s)`,
    `Indices  earners ${r.indices.earnersMb} MB (${n(r.indices.earnersLuceneDocs)} Lucene docs incl. nested badges), skills ${r.indices.skillsMb} MB, badge classes ${r.indices.badgeClassesMb} MB; 1 shard, 0 replicas`,
    `Machine  ${m.cores} cores (${m.cpuModel}), ${m.totalMemoryGb} GB memory, Node ${m.node}, ${m.platform}; 1-min load ${m.loadAverage.start} at start, ${m.loadAverage.end ?? '?'} at end`,
    `Engine   Elasticsearch ${r.engine.version}, heap ${r.engine.heapMaxMb} MB, ${r.engine.processors} processors, same machine`,
    ...r.setup.map((line) => `Setup    ${line}`),
    '',
    'Searches (one results page: 20 hits with highlights and shown badges, all 7 facets with labels)',
    ...legend,
    '',
    `Cost of exact facets, engine ms, p50 / p95 (${r.options.iterations} timed rounds per search after ${r.options.warmup} warm-up rounds; the six sides rotate, one in flight)`,
    '  floor = the hits request alone (hits, highlights, shown badges); main = the hits-and-counts _msearch the API sends, request cache off;',
    '  whole = main then every exact-count refinement (with its label look-ups), one after the other as the API sends them, request cache off:',
    '  all 7 facets counted afresh (a search not seen before); repeated = the same with the request cache on (the same search again);',
    '  before = the build before: hits and aggregations in one _search, then the same refinements, request cache off',
    table(
      ['search', 'floor', 'main', 'main/floor', 'whole', 'whole/floor', 'repeated', 'repeated/floor', 'before', 'before/floor'],
      facetRows,
    ),
    '',
    `Latency, ms (the same rounds: API and the whole engine work of the search as the API sends it, request cache on, side by side)`,
    table(['search', 'API p50', 'engine p50', 'API/engine', 'API p95', 'engine p95', 'API/engine'], latencyRows),
    '',
    `Throughput, searches/s (autocannon; per run ${r.throughput[0]?.rampSeconds ?? 0} s ramp not counted, then ${r.options.duration} s measured; every search in turn on each connection;`,
    '  the engine side sends the whole engine work of each search: its _search, then any refinement _msearch)',
    table(
      [
        'connections',
        'API searches/s',
        'engine searches/s',
        'API/engine',
        'API p50 / p99 ms',
        'engine p50 / p99 ms',
        'failed API / engine',
      ],
      throughputRows,
    ),
    ...failures(r.throughput),
    '',
    `Headline (same run): whole/floor p50 ${r.latency.map((l) => `${l.search} ${x(l.wholeP50)}`).join(', ')}; p95 ${r.latency.map((l) => `${l.search} ${x(l.wholeP95)}`).join(', ')}`,
    `Headline (same run): repeated/floor p50 ${r.latency.map((l) => `${l.search} ${x(l.repeatedP50)}`).join(', ')}; p95 ${r.latency.map((l) => `${l.search} ${x(l.repeatedP95)}`).join(', ')}`,
    `Headline (API / engine, same run): latency p50 ${r.latency.map((l) => `${l.search} ${x(l.ratioP50)}`).join(', ')}; searches/s ${r.throughput.map((t) => `c${t.connections} ${x(t.ratio)}`).join(', ')}`,
    '',
    'Ratio = API / engine for the same search in the same run. The engine side of latency and of throughput replays every engine request',
    'of the search (main and refinements). Skill labels: a warmed API holds them (no _mget).',
  ].join('\n');
}

/** Writes the figures as JSON; returns the file's path. */
export function writeReport(r: BenchReport, cacheDir: string): string {
  const dir = path.join(cacheDir, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `search-${r.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
