/**
 * `npm run bench:load`: the API under a mixed workload as real users make it
 * (see workload.ts), at each concurrency for a fixed time. Prints requests
 * per second, p50/p95/p99 per operation, errors and timeouts, and the API's
 * and the engine's memory before and after; the figures also go to
 * `.cache/bench/load-<time>.json`.
 *
 *   npm run bench:load                                   2,000 demo earners, 32 and 64 clients, 60 s each
 *   npm run bench:load -- --duration 5 --earners 200     a smoke run
 *
 * Flags: --earners N (2000), --clients 32,64, --duration S (60), --warmup S (10),
 * --timeout MS (10000), --seed N (1). The demo data set is loaded once under
 * the prefix `bench-load-<earners>` through the real ingest and reused.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Client } from '@elastic/elasticsearch';
import { indexerConfigFromEnv } from '../../../indexer/config.ts';
import { createRuntime } from '../../../indexer/runtime/runtime.ts';
import { createEngineClient } from '../../../mappings/connection.ts';
import { aliasName } from '../../../mappings/indices.ts';
import { demoOptionsFromEnv, startDemo, withDemoIssuersAllowed } from '../../demo.ts';
import { ensureEngine } from '../../engine/server.ts';
import { engineSettings } from '../../engine/settings.ts';
import { currentLoad, describeMachine } from '../machine.ts';
import { createBenchUsers } from './users.ts';
import { OPERATIONS, runLoad, WEIGHTS, type LoadResult, type Vocabulary } from './workload.ts';

const API_MAIN = fileURLToPath(new URL('../../../api/main.ts', import.meta.url));
const log = (line: string) => console.error(`[bench:load] ${line}`);

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      earners: { type: 'string', default: '2000' },
      clients: { type: 'string', default: '32,64' },
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '10' },
      timeout: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const whole = (flag: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be a whole number of at least ${min} (got "${value}")`);
    return n;
  };
  return {
    earners: whole('earners', values.earners, 20),
    clients: values.clients.split(',').map((c) => whole('clients', c.trim(), 1)),
    duration: whole('duration', values.duration, 1),
    warmup: whole('warmup', values.warmup, 0),
    timeoutMs: whole('timeout', values.timeout, 100),
    seed: whole('seed', values.seed, 0),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The API exactly as deployed (api/main.ts, token sessions), in its own process. */
async function startApi(engineUrl: string, prefix: string): Promise<{ url: string; child: ChildProcess; outbox: string }> {
  const port = await freePort();
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-outbox-'));
  const child = fork(API_MAIN, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ELASTICSEARCH_URL: engineUrl,
      INDEX_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      // Contact requests are part of the mix: the per-employer daily limit would turn them into errors.
      CONTACT_RATE_LIMIT: '10000',
      OUTBOX: 'file',
      OUTBOX_DIR: outbox,
      REPORT_SNAPSHOTS_ENABLED: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child, outbox };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become ready within 120 s');
}

async function vocabulary(client: Client, prefix: string): Promise<Vocabulary> {
  const badgeClasses = await client.search<{ name?: string }>({ index: aliasName(prefix, 'badge-classes'), size: 500, _source: ['name'] });
  const words = [
    ...new Set(badgeClasses.hits.hits.flatMap((h) => (h._source?.name ?? '').toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 4)),
  ];
  const earners = await client.search({
    index: aliasName(prefix, 'earners'),
    size: 500,
    _source: false,
    aggs: {
      skills: { terms: { field: 'public.verified.skills', size: 100 } },
      regions: { terms: { field: 'location.region', size: 50 } },
      issuers: { terms: { field: 'public.verified.issuers', size: 50 } },
    },
  });
  const keys = (name: string) =>
    ((earners.aggregations?.[name] as { buckets?: { key: string }[] } | undefined)?.buckets ?? []).map((b) => b.key);
  return {
    words,
    skills: keys('skills'),
    regions: keys('regions'),
    issuers: keys('issuers'),
    earnerIds: earners.hits.hits.map((h) => h._id!),
  };
}

interface Memory {
  apiRssMb: number;
  engineHeapUsedMb: number;
  engineHeapMaxMb: number;
}

async function memory(client: Client, apiPid: number): Promise<Memory> {
  const status = fs.readFileSync(`/proc/${apiPid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stats = await client.nodes.stats({ metric: ['jvm'] });
  const jvm = Object.values(stats.nodes).map((n) => n.jvm?.mem);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    apiRssMb: Math.round(rssKb / 1024),
    engineHeapUsedMb: mb(jvm.reduce((s, m) => s + (m?.heap_used_in_bytes ?? 0), 0)),
    engineHeapMaxMb: mb(jvm.reduce((s, m) => s + (m?.heap_max_in_bytes ?? 0), 0)),
  };
}

function table(result: LoadResult): string {
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  const lines = [
    `${result.clients} clients, ${result.seconds} s: ${result.requests} requests, ${result.requestsPerSecond} requests/s`,
    `  ${'operation'.padEnd(10)}${pad('share', 7)}${pad('requests', 10)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}${pad('timeouts', 10)}`,
  ];
  for (const op of OPERATIONS) {
    const o = result.operations[op];
    const codes = Object.entries(o.errorCodes)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    lines.push(
      `  ${op.padEnd(10)}${pad(`${Math.round(WEIGHTS[op] * 100)}%`, 7)}${pad(o.requests, 10)}${pad(o.p50, 9)}${pad(o.p95, 9)}${pad(o.p99, 9)}${pad(o.errors, 8)}${pad(o.timeouts, 10)}${codes ? `  (${codes})` : ''}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const engine = await ensureEngine(process.env, log);
  const client = createEngineClient({ url: engine.url }, { requestTimeoutMs: 120_000 });
  const prefix = `bench-load-${opts.earners}`;
  const env = {
    ...process.env,
    ELASTICSEARCH_URL: engine.url,
    INDEX_PREFIX: prefix,
    BACKUP_CRON: 'off',
    DEMO_EARNERS: String(opts.earners),
    DEMO_ISSUER_PORT: process.env.DEMO_ISSUER_PORT ?? '3190',
  };
  // The demo issuers serve on 127.0.0.1: the indexer may fetch from that one host:port only.
  const runtime = await createRuntime(indexerConfigFromEnv(withDemoIssuersAllowed(env)));
  const demo = await startDemo(runtime, demoOptionsFromEnv(env, log));
  await demo.issuers.close();
  await runtime.close();
  log(
    `data set: ${prefix} (${(await client.count({ index: aliasName(prefix, 'earners') })).count} earners${demo.loaded ? ', loaded now' : ', reused'})`,
  );

  const api = await startApi(engine.url, prefix);
  try {
    const users = await createBenchUsers(client, prefix, api.url, { employers: 16, earners: 32 });
    const words = await vocabulary(client, prefix);
    const machine = describeMachine();
    if (opts.warmup > 0) {
      log(`warm-up: 8 clients for ${opts.warmup} s (not counted)`);
      await runLoad(api.url, words, users, 8, opts.warmup, opts.timeoutMs, opts.seed + 99);
    }
    const runs: { result: LoadResult; memoryBefore: Memory; memoryAfter: Memory }[] = [];
    for (const clients of opts.clients) {
      log(`${clients} clients for ${opts.duration} s`);
      const memoryBefore = await memory(client, api.child.pid!);
      const result = await runLoad(api.url, words, users, clients, opts.duration, opts.timeoutMs, opts.seed);
      runs.push({ result, memoryBefore, memoryAfter: await memory(client, api.child.pid!) });
    }
    machine.loadAverage.end = currentLoad();
    const mem = (m: Memory) => `API RSS ${m.apiRssMb} MB, engine heap ${m.engineHeapUsedMb}/${m.engineHeapMaxMb} MB`;
    console.log(
      `bench:load on ${machine.cores} cores (${machine.cpuModel}), ${machine.totalMemoryGb} GB, Node ${machine.node}; load average ${machine.loadAverage.start} -> ${machine.loadAverage.end}`,
    );
    console.log(
      `data set ${prefix}; mix ${OPERATIONS.map((op) => `${op} ${Math.round(WEIGHTS[op] * 100)}%`).join(', ')}; timeout ${opts.timeoutMs} ms; real session tokens (16 employers, ${users.earners.length} earners)\n`,
    );
    for (const run of runs) {
      console.log(table(run.result));
      console.log(`  memory before: ${mem(run.memoryBefore)}\n  memory after:  ${mem(run.memoryAfter)}\n`);
    }
    const dir = path.join(engineSettings(process.env).cacheDir, 'bench');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `load-${startedAt.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ startedAt, options: opts, prefix, machine, weights: WEIGHTS, runs }, null, 2));
    console.log(`Figures as JSON: ${file}`);
  } finally {
    api.child.kill('SIGTERM');
    fs.rmSync(api.outbox, { recursive: true, force: true });
    await client.close();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:load: ${error.message}`);
    process.exit(1);
  },
);
