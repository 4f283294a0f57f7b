/**
 * Why `indexer/store/bulk-write.ts` is not `client.helpers.bulk`: the two side
 * by side on the real engine, once on a clean run (throughput) and once in
 * each failure the writer must survive, with the engine behind a small proxy
 * on 127.0.0.1 that refuses whole `_bulk` requests or marks single items as
 * failed the way an overloaded node does. The figures are in the writer's
 * header; run it again after a client upgrade:
 *
 *   npx tsx scripts/bench/bulk-helper.ts [--docs 20000] [--rounds 3]
 *
 * It creates and deletes its own indices (prefix `bulk-helper-<random>`).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Client } from '@elastic/elasticsearch';
import { writeDocuments, type WriteItem } from '../../indexer/store/bulk-write.ts';
import { connectionFromEnv, createEngineClient, describeEngine } from '../../mappings/connection.ts';
import { deleteAllIndices, ensureIndex, type IndexTarget } from '../../mappings/indices.ts';
import type { IndexedSkillDocument } from '../../mappings/skills.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '3' } } });
const DOCS = Number(values.docs);
const ROUNDS = Number(values.rounds);
const FLUSH_BYTES = 5_000_000;
const CONCURRENCY = 3;

function skill(i: number): IndexedSkillDocument {
  const label = `Skill ${i} ${randomBytes(6).toString('hex')}`;
  return {
    id: `local:s${i}`,
    framework: 'local',
    code: `s${i}`,
    kind: 'skill',
    label,
    altLabels: Array.from({ length: 8 }, (_, k) => `${label} alternative wording number ${k}`),
    broader: [`local:g${i % 50}`],
    ancestors: [`local:g${i % 50}`, `local:r${i % 5}`],
    narrower: [],
    related: Array.from({ length: 4 }, (_, k) => `local:s${(i + k + 1) % DOCS}`),
    suggest: { input: [label] },
  };
}
async function* items(n: number, from = 0): AsyncGenerator<WriteItem<IndexedSkillDocument>> {
  for (let i = from; i < from + n; i++) yield { id: `local:s${i}`, document: skill(i) };
}

/** What one writer did with one data set. */
interface Outcome {
  ms: number;
  written: number;
  /** Reported as not written (the writer's `rejected`, the helper's `onDrop`). */
  dropped: number;
  retried: number;
  error?: string;
}

async function viaWriter(
  client: Client,
  index: string,
  n: number,
  options: { retries?: number; backoffMs?: number } = {},
): Promise<Outcome> {
  const started = performance.now();
  try {
    const r = await writeDocuments(client, index, items(n), { flushBytes: FLUSH_BYTES, concurrency: CONCURRENCY, ...options });
    return { ms: performance.now() - started, written: r.written, dropped: r.rejected.length, retried: r.retried };
  } catch (error) {
    return { ms: performance.now() - started, written: -1, dropped: 0, retried: 0, error: (error as Error).message };
  }
}

async function viaHelper(client: Client, index: string, n: number, options: { retries?: number; wait?: number } = {}): Promise<Outcome> {
  const started = performance.now();
  let dropped = 0;
  const helper = client.helpers.bulk<WriteItem<IndexedSkillDocument>>({
    datasource: items(n),
    onDocument: (item) => [{ index: { _index: index, _id: item.id } }, item.document],
    onDrop: () => dropped++,
    flushBytes: FLUSH_BYTES,
    concurrency: CONCURRENCY,
    ...options,
  });
  try {
    const stats = await helper;
    // stats.retry counts ndjson lines (two per indexed document).
    return { ms: performance.now() - started, written: stats.successful, dropped, retried: stats.retry / 2 };
  } catch (error) {
    return {
      ms: performance.now() - started,
      written: helper.stats.successful,
      dropped,
      retried: helper.stats.retry / 2,
      error: (error as Error).message,
    };
  }
}

/** A proxy in front of the engine that refuses the next N `_bulk` requests, or reports the first item of the next one as failed. */
async function misbehavingProxy(engineUrl: string) {
  let refuse = { count: 0, status: 429 };
  let itemStatus = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const isBulk = (req.url ?? '').includes('/_bulk');
    if (isBulk && refuse.count > 0) {
      refuse.count--;
      res.writeHead(refuse.status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' }).end(
        JSON.stringify({
          error: { type: 'es_rejected_execution_exception', reason: 'rejected execution of coordinating operation' },
          status: refuse.status,
        }),
      );
      return;
    }
    const upstream = await fetch(new URL(req.url ?? '/', engineUrl), {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    let text = await upstream.text();
    if (isBulk && itemStatus) {
      const body = JSON.parse(text) as { errors: boolean; items: Record<string, Record<string, unknown>>[] };
      const first = body.items[0]!;
      const op = Object.keys(first)[0]!;
      first[op] = {
        ...first[op],
        status: itemStatus,
        error: { type: 'unavailable_shards_exception', reason: 'primary shard is not active' },
      };
      body.errors = true;
      itemStatus = 0;
      text = JSON.stringify(body);
    }
    res.writeHead(upstream.status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' }).end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    refuseNextBulk: (count: number, status: number) => (refuse = { count, status }),
    failFirstItemOfNextBulk: (status: number) => (itemStatus = status),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (o: Outcome) =>
  `${o.error ? `FAILED (${o.error.slice(0, 80)})` : 'ok'}; written ${o.written}, dropped ${o.dropped}, retried ${o.retried}, ${Math.round(o.ms)} ms`;

async function main(): Promise<void> {
  const connection = connectionFromEnv();
  const client = createEngineClient(connection, { requestTimeoutMs: 120_000 });
  const engine = await describeEngine(client);
  const prefixBase = `bulk-helper-${randomBytes(3).toString('hex')}`;
  const targets: IndexTarget[] = [];
  const fresh = async (c: Client = client) => {
    const target = { client, prefix: `${prefixBase}-${targets.length}`, replicas: 0 };
    targets.push(target);
    await ensureIndex({ ...target, client: c }, 'skills');
    return `${target.prefix}-skills`;
  };
  const sample = Buffer.byteLength(JSON.stringify(skill(1)));
  console.log(
    `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, Elasticsearch ${engine.version}, load ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(`${DOCS} documents of about ${sample} bytes, flushBytes ${FLUSH_BYTES}, concurrency ${CONCURRENCY}, ${ROUNDS} rounds`);
  try {
    // 1. Clean runs, alternating which goes first, each into a fresh index.
    const rates = { writer: [] as number[], helper: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 ? (['helper', 'writer'] as const) : (['writer', 'helper'] as const)) {
        const index = await fresh();
        const o = which === 'writer' ? await viaWriter(client, index, DOCS) : await viaHelper(client, index, DOCS);
        if (o.error || o.written !== DOCS) throw new Error(`${which}: ${show(o)}`);
        rates[which].push(DOCS / (o.ms / 1000));
      }
    }
    const w = median(rates.writer);
    const h = median(rates.helper);
    const list = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    console.log(`clean run, docs/s: writer ${list(rates.writer)}; helper ${list(rates.helper)}`);
    console.log(`  median of ${ROUNDS}: writer ${Math.round(w)}, helper ${Math.round(h)}, writer/helper ${(w / h).toFixed(2)}`);

    // 2. Failures, through the proxy (200 documents: one request each).
    const proxy = await misbehavingProxy(connection.url);
    const viaProxy = createEngineClient({ url: proxy.url });
    const cases: [string, () => void][] = [
      ['whole request refused once with 429 (coordinating indexing pressure)', () => proxy.refuseNextBulk(1, 429)],
      ['whole request refused 3 times with 503', () => proxy.refuseNextBulk(3, 503)],
      ['first item failed with 503 (unavailable shard)', () => proxy.failFirstItemOfNextBulk(503)],
      ['first item failed with 429', () => proxy.failFirstItemOfNextBulk(429)],
    ];
    for (const [what, arrange] of cases) {
      arrange();
      const writer = await viaWriter(viaProxy, await fresh(), 200, { backoffMs: 500 });
      arrange();
      const helper = await viaHelper(viaProxy, await fresh(), 200, { wait: 500 });
      console.log(`${what}:\n  writer: ${show(writer)}\n  helper: ${show(helper)}`);
    }
    await viaProxy.close();
    await proxy.close();
  } finally {
    for (const target of targets) await deleteAllIndices(target);
    await client.close();
  }
}

await main();
