/**
 * `npm run bench:ingest [-- --sizes 10000,100000]`: credentials per second end
 * to end (parse, verify, normalize, merge, index) beside a raw `_bulk` of the
 * same finished documents, measured in the same run, and the peak memory.
 * Credentials stream from the demo data set's credentials.jsonl; the demo
 * issuers' server (in a child process) answers hosted assertions, keys and
 * status lists on 127.0.0.1, so verification does its real HTTP round trips.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngineClient } from '../../../mappings/connection.ts';
import { deleteAllIndices, type IndexTarget } from '../../../mappings/indices.ts';
import { readFile } from 'node:fs/promises';
import type { DirectorySettingsDocument } from '../../../mappings/directory-settings.ts';
import type { PathwayDefinition } from '../../../mappings/pathways.ts';
import { expandInputs, type InputUnit } from '../../../indexer/ingest/inputs.ts';
import { ingest } from '../../../indexer/ingest/ingest.ts';
import { IndexStore } from '../../../indexer/store/index-store.ts';
import { ensureSkillsIndex, skillLookup } from '../../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { registerDemoEarners } from '../../demo/load.ts';
import type { EarnerRecord } from '../../demo/types.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { ensureEngine } from '../../engine/server.ts';
import { currentLoad, describeMachine, engineFacts } from '../machine.ts';
import { startIssuersProcess } from './issuers-process.ts';
import { rawBulk, readFinishedDocuments } from './raw-bulk.ts';

/** Average credentials per demo earner, to size a data set for N credentials. */
const CREDENTIALS_PER_EARNER = 4.2;

interface SizeResult {
  credentials: number;
  earners: number;
  e2eSeconds: number;
  e2eRate: number;
  rawSeconds: number;
  rawRate: number;
  ratio: number;
  documentsWritten: number;
  bulkMb: number;
  peakRssMb: number;
  verified: number;
  failed: number;
}

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function* firstLines(file: string, limit: number): AsyncGenerator<InputUnit> {
  let n = 0;
  for await (const unit of expandInputs([file])) {
    if (n++ >= limit) return;
    yield unit;
  }
}

const readJsonLines = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '10000,100000' }, 'issuer-port': { type: 'string', default: '3190' } },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error(`--sizes takes whole numbers of credentials >= 100, got "${values.sizes}"`);
  const engine = await ensureEngine(process.env, (l) => console.error(`[engine] ${l}`));
  const client = createEngineClient(engine, { requestTimeoutMs: 120_000 });
  const machine = describeMachine();
  const facts = await engineFacts(client);
  const taxonomy = loadTaxonomy();
  const results: SizeResult[] = [];

  for (const credentials of sizes) {
    const earners = Math.ceil(credentials / CREDENTIALS_PER_EARNER);
    console.error(
      `\n== ${credentials} credentials: demo data set of ${earners} earners (signed once, then cached), issuers served by a child process`,
    );
    const issuers = await startIssuersProcess(earners, 42, Number(values['issuer-port']), console.error);
    const settings = await readJsonLines<DirectorySettingsDocument>(path.join(issuers.folder, 'settings.jsonl'));
    const pathways = JSON.parse(await readFile(path.join(issuers.folder, 'pathways.json'), 'utf8')) as PathwayDefinition[];

    const e2eTarget: IndexTarget = { client, prefix: `bench-ingest-${credentials}`, replicas: 0 };
    const rawTarget: IndexTarget = { client, prefix: `bench-raw-${credentials}`, replicas: 0 };
    await deleteAllIndices(e2eTarget);
    await deleteAllIndices(rawTarget);
    const store = new IndexStore(e2eTarget);
    await store.ensureIndices();
    await ensureSkillsIndex(store, taxonomy);
    // Consent is the earners' own data, and their ids are registered: loaded before, outside the timing.
    const records = JSON.parse(await readFile(path.join(issuers.folder, 'records.json'), 'utf8')) as EarnerRecord[];
    await registerDemoEarners({ records, settings }, { store, now: () => new Date() });
    await store.write(
      'directory-settings',
      settings.map((s) => ({ id: s.earnerId, document: s })),
      { refresh: true },
    );

    console.error(`   end to end: ingesting the first ${credentials} lines of ${path.join(issuers.folder, 'credentials.jsonl')}`);
    const sampler = rssSampler();
    const started = performance.now();
    const summary = await ingest(firstLines(path.join(issuers.folder, 'credentials.jsonl'), credentials), {
      store,
      taxonomy,
      skills: skillLookup(taxonomy),
      pathways,
      verify: { resolver: createResolver({ allowHosts: [`127.0.0.1:${Number(values['issuer-port'])}`] }) },
      now: () => new Date(),
      chunkSize: 1000,
    });
    const e2eMs = performance.now() - started;
    const peakRssMb = sampler.stop() / 1024 / 1024;
    await issuers.stop();

    console.error('   baseline: raw _bulk of the same finished documents');
    const finished = await readFinishedDocuments(client, e2eTarget.prefix);
    const rawMs = await rawBulk(rawTarget, finished);

    const e2eRate = summary.inputs / (e2eMs / 1000);
    const rawRate = summary.inputs / (rawMs / 1000);
    results.push({
      credentials: summary.inputs,
      earners: summary.earnersWritten,
      e2eSeconds: e2eMs / 1000,
      e2eRate,
      rawSeconds: rawMs / 1000,
      rawRate,
      ratio: e2eRate / rawRate,
      documentsWritten: finished.documents,
      bulkMb: finished.bytes / 1024 / 1024,
      peakRssMb,
      verified: summary.verified,
      failed: summary.failed,
    });
    await deleteAllIndices(rawTarget);
  }
  machine.loadAverage.end = currentLoad();

  const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    '',
    `Ingest benchmark — ${machine.cores} cores (${machine.cpuModel}), ${machine.totalMemoryGb} GB, Node ${machine.node}, Elasticsearch ${facts.version} (heap ${fmt(facts.heapMaxMb)} MB), load ${machine.loadAverage.start} -> ${machine.loadAverage.end}`,
    'Credentials per second, end to end (parse, verify incl. HTTP to the demo issuers, normalize skills, merge earners, index) vs a raw _bulk of the same finished documents:',
    '',
    '| credentials | earner documents written | end to end | raw _bulk | ratio (e2e / raw) | docs written | bulk MB | peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${fmt(r.credentials)} | ${fmt(r.earners)} | ${fmt(r.e2eRate)}/s (${fmt(r.e2eSeconds, 1)} s) | ${fmt(r.rawRate)}/s (${fmt(r.rawSeconds, 1)} s) | ${fmt(r.ratio, 3)} | ${fmt(r.documentsWritten)} | ${fmt(r.bulkMb, 1)} | ${fmt(r.peakRssMb)} MB |`,
    ),
    '',
    ...results.map(
      (r) =>
        `${fmt(r.credentials)} credentials: ${fmt(r.verified)} verified, ${fmt(r.failed)} failed (planted revoked/expired/tampered ones).`,
    ),
  ];
  console.log(lines.join('\n'));
  const out = path.join('.cache', 'bench', `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ machine, engine: facts, results }, null, 2));
  console.log(`\nFigures written to ${out}`);
  await client.close();
}

main().catch((error: Error) => {
  console.error(`bench:ingest: ${error.stack ?? error.message}`);
  process.exit(1);
});
