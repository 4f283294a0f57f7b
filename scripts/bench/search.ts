/**
 * `npm run bench:search`: the GraphQL search API against the same searches
 * sent straight to the engine, in one run on one machine. Loads (or reuses)
 * a seeded data set, captures the engine request the API sends for each
 * search, then measures latency side by side and requests per second under
 * load. Progress goes to stderr; the table to stdout; the figures to JSON.
 */
import { createEngineClient } from '../../mappings/connection.ts';
import { ensureEngine, stopEngine } from '../engine/server.ts';
import { engineSettings } from '../engine/settings.ts';
import { startApiProcess } from './api-process.ts';
import { VIEWER_NOTE } from './bench-viewer.ts';
import { captureSearches } from './capture.ts';
import { ensureDataset } from './dataset.ts';
import { waitForEngineIdle } from './engine-idle.ts';
import { compareLatency, type LatencyComparison } from './latency.ts';
import { currentLoad, describeMachine, engineFacts, indexSizes } from './machine.ts';
import { parseBenchOptions } from './options.ts';
import { formatReport, searchesForReport, writeReport, type BenchReport } from './report.ts';
import { compareThroughput, warmUp, type ThroughputComparison } from './throughput.ts';

const API_LOG_LEVEL = 'warn';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const log = (line: string) => console.error(`[bench] ${line}`);
  const engine = await ensureEngine(process.env, log);
  // Loading and force-merging 100,000 earners takes longer than a search.
  const client = createEngineClient({ url: engine.url }, { requestTimeoutMs: 120_000 });
  try {
    const dataset = await ensureDataset(client, options, log);
    const machine = describeMachine();
    const [facts, indices] = await Promise.all([engineFacts(client), indexSizes(client, dataset.prefix)]);

    log('capturing the engine request of each search through the API');
    const captured = await captureSearches(engine.url, dataset.prefix, dataset.searches);
    const api = await startApiProcess({ engineUrl: engine.url, prefix: dataset.prefix, logLevel: API_LOG_LEVEL });
    const latency: LatencyComparison[] = [];
    const throughput: ThroughputComparison[] = [];
    try {
      for (const search of captured) {
        log(`latency: ${search.search.description}`);
        latency.push(await compareLatency(api.url, engine.url, search, options));
      }
      log('throughput: warming up');
      await warmUp(api.url, engine.url, captured);
      for (const connections of options.connections) {
        log(`throughput: ${connections} connections, ${options.duration} s per side`);
        const settle = async () => {
          if (!(await waitForEngineIdle(client))) log('the engine stayed busy (another user?); measuring anyway');
        };
        throughput.push(await compareThroughput(api.url, engine.url, captured, connections, options.duration, settle));
      }
    } finally {
      await api.stop();
    }
    machine.loadAverage.end = currentLoad();

    const { searches: _searches, ...datasetFacts } = dataset;
    const report: BenchReport = {
      startedAt,
      options,
      dataset: datasetFacts,
      indices,
      machine,
      engine: facts,
      setup: [
        `API in a child process (Express 5 + Apollo 5, startApi) on 127.0.0.1, NODE_ENV=production, LOG_LEVEL=${API_LOG_LEVEL}; ${VIEWER_NOTE}`,
        'clients: fetch with keep-alive (latency), autocannon (throughput), both in the benchmark process; everything on loopback',
        'engine request bodies captured byte for byte from the API through a recording proxy, then sent straight to the engine',
      ],
      searches: searchesForReport(captured),
      latency,
      throughput,
    };
    console.log(formatReport(report));
    const file = writeReport(report, engineSettings(process.env).cacheDir);
    console.log(`\nFigures as JSON: ${file}`);
  } finally {
    await client.close();
    if (engine.started && process.env.KEEP_ENGINE !== '1') await stopEngine(process.env, log);
  }
}

main().catch((error: Error) => {
  console.error(`bench:search: ${error.message}`);
  process.exit(1);
});
