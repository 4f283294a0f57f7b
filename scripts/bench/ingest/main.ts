/**
 * `npm run bench:ingest [-- --sizes 10000,100000 --workers N --peer-credentials 500]`, in one run per
 * size: end-to-end ingest first (parse, verify, normalize, merge, index; N
 * workers), as a run starts, with its own peak memory (worker threads
 * included: they share the process); then verification alone with 1 worker
 * (in-process) and with N worker threads (default one per core), beside the
 * end to end and a raw `_bulk` of the same finished documents; `reindex`
 * (earners and badge classes from the stored credentials) beside a raw
 * `_bulk` of the documents it writes; and the peer comparison.
 * Credentials stream from the demo data set's credentials.jsonl; the demo
 * issuers' server (in a child process) answers hosted assertions, keys and
 * status lists on 127.0.0.1, so verification does its real HTTP round trips.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngineClient } from '../../../mappings/connection.ts';
import { deleteAllIndices, type IndexTarget } from '../../../mappings/indices.ts';
import { expandInputs, type InputUnit } from '../../../indexer/ingest/inputs.ts';
import { ingest } from '../../../indexer/ingest/ingest.ts';
import { createVerifyPool } from '../../../indexer/ingest/verify-pool.ts';
import { reindexBadgeClasses, reindexEarners } from '../../../indexer/rebuild/reindex.ts';
import { skillLookup } from '../../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { createResolver, type ResolverOptions } from '../../../indexer/verify/resolver.ts';
import { ensureEngine } from '../../engine/server.ts';
import { currentLoad, describeMachine, engineFacts } from '../machine.ts';
import { startIssuersProcess } from './issuers-process.ts';
import { rawBulk, readFinishedDocuments } from './raw-bulk.ts';
import { verifyOnly } from './verify-only.ts';
import { prepareIngestTarget, rssSampler } from './demo-target.ts';
import { comparePeer, type PeerComparison } from './peer-compare.ts';

/** Average credentials per demo earner, to size a data set for N credentials. */
const CREDENTIALS_PER_EARNER = 4.2;

interface SizeResult {
  credentials: number;
  workers: number;
  verify1Rate: number;
  verifyNRate: number;
  verify1ColdRate: number;
  verifyNColdRate: number;
  reindexSeconds: number;
  reindexRate: number;
  rawDerivedSeconds: number;
  rawDerivedRate: number;
  derivedDocuments: number;
  earners: number;
  e2eSeconds: number;
  e2eRate: number;
  rawSeconds: number;
  rawRate: number;
  ratio: number;
  documentsWritten: number;
  bulkMb: number;
  peakRssMb: number;
  /** Peak RSS while the end-to-end ingest ran (the first thing the run does). */
  ingestPeakRssMb: number;
  verified: number;
  failed: number;
  peer: PeerComparison;
}

async function* firstLines(file: string, limit: number): AsyncGenerator<InputUnit> {
  let n = 0;
  for await (const unit of expandInputs([file])) {
    if (n++ >= limit) return;
    yield unit;
  }
}

/** In memory for the verification-only runs (not for ingest, which streams: its peak RSS stays its own). */
async function collect(units: AsyncIterable<InputUnit>): Promise<InputUnit[]> {
  const out: InputUnit[] = [];
  for await (const unit of units) out.push(unit);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      'issuer-port': { type: 'string', default: '3190' },
      workers: { type: 'string', default: String(availableParallelism()) },
      'peer-only': { type: 'boolean', default: false },
      'peer-credentials': { type: 'string', default: '500' },
    },
  });
  const workers = Number(values.workers);
  const peerLimit = Number(values['peer-credentials']);
  if (!Number.isInteger(peerLimit) || peerLimit < 1)
    throw new Error(`--peer-credentials takes a whole number >= 1, got "${values['peer-credentials']}"`);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers takes a whole number >= 1, got "${values.workers}"`);
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
    const e2eTarget: IndexTarget = { client, prefix: `bench-ingest-${credentials}`, replicas: 0 };
    const rawTarget: IndexTarget = { client, prefix: `bench-raw-${credentials}`, replicas: 0 };
    await deleteAllIndices(rawTarget);
    const { store, pathways } = await prepareIngestTarget(e2eTarget, issuers.folder, taxonomy);

    const file = path.join(issuers.folder, 'credentials.jsonl');
    // The issuers' documents are served on loopback: the allow-list the workers must honour too.
    const resolverOptions: ResolverOptions = { allowHosts: [`127.0.0.1:${Number(values['issuer-port'])}`] };
    const sampler = rssSampler();

    // End to end first, as a run starts: its peak memory is its own (nothing else has been held in this process yet).
    let e2eMs = NaN;
    let summary: Awaited<ReturnType<typeof ingest>> | undefined;
    let ingestPeakRssMb = NaN;
    const context = { store, skills: skillLookup(taxonomy), pathways, now: () => new Date() };
    if (!values['peer-only']) {
      console.error(`   end to end: ingesting the first ${credentials} lines of ${file} with ${workers} workers`);
      const ingestSampler = rssSampler();
      const verifyPool = workers > 1 ? createVerifyPool(workers, { resolver: resolverOptions }) : undefined;
      const started = performance.now();
      summary = await ingest(firstLines(file, credentials), {
        ...context,
        taxonomy,
        verify: { resolver: createResolver(resolverOptions) },
        chunkSize: 1000,
        ...(verifyPool ? { verifyPool } : {}),
      }).finally(() => verifyPool?.close());
      e2eMs = performance.now() - started;
      ingestPeakRssMb = ingestSampler.stop() / 1024 / 1024;
    }

    // In a function so the units held in memory are garbage before what follows.
    const { verify1, verifyN, verified, peer } = await (async () => {
      const units = await collect(firstLines(file, credentials));
      console.error(`   verification only: ${units.length} credentials, 1 worker (in-process), then ${workers} workers`);
      const verify1 = values['peer-only'] ? { coldMs: NaN, warmMs: NaN } : await verifyOnly(units, 1, resolverOptions);
      const verifyN = values['peer-only'] ? { coldMs: NaN, warmMs: NaN } : await verifyOnly(units, workers, resolverOptions);
      console.error('   peer: the same credentials that @digitalcredentials/verifier-core understands, ours and theirs');
      const peer = await comparePeer(units, workers, resolverOptions, peerLimit);
      return { verify1, verifyN, verified: units.length, peer };
    })();
    await issuers.stop();
    if (values['peer-only'] || !summary) {
      console.log(peerLines(peer, machine).join('\n'));
      continue;
    }

    console.error('   reindex: earners and badge classes rebuilt from the stored credentials');
    const reindexStarted = performance.now();
    await reindexBadgeClasses(context);
    await reindexEarners(context);
    const reindexMs = performance.now() - reindexStarted;
    const peakRssMb = sampler.stop() / 1024 / 1024;

    console.error('   baseline: raw _bulk of the same finished documents');
    const finished = await readFinishedDocuments(client, e2eTarget.prefix);
    const rawMs = await rawBulk(rawTarget, finished);
    await deleteAllIndices(rawTarget);
    const derived = await readFinishedDocuments(client, e2eTarget.prefix, ['earners', 'badge-classes']);
    const rawDerivedMs = await rawBulk(rawTarget, derived);

    const e2eRate = summary.inputs / (e2eMs / 1000);
    const rawRate = summary.inputs / (rawMs / 1000);
    results.push({
      credentials: summary.inputs,
      workers,
      verify1Rate: verified / (verify1.warmMs / 1000),
      verifyNRate: verified / (verifyN.warmMs / 1000),
      verify1ColdRate: verified / (verify1.coldMs / 1000),
      verifyNColdRate: verified / (verifyN.coldMs / 1000),
      reindexSeconds: reindexMs / 1000,
      reindexRate: derived.documents / (reindexMs / 1000),
      rawDerivedSeconds: rawDerivedMs / 1000,
      rawDerivedRate: derived.documents / (rawDerivedMs / 1000),
      derivedDocuments: derived.documents,
      earners: summary.earnersWritten,
      e2eSeconds: e2eMs / 1000,
      e2eRate,
      rawSeconds: rawMs / 1000,
      rawRate,
      ratio: e2eRate / rawRate,
      documentsWritten: finished.documents,
      bulkMb: finished.bytes / 1024 / 1024,
      peakRssMb,
      ingestPeakRssMb,
      verified: summary.verified,
      failed: summary.failed,
      peer,
    });
    await deleteAllIndices(rawTarget);
  }
  machine.loadAverage.end = currentLoad();

  const lines = [
    '',
    `Ingest benchmark — ${machine.cores} cores (${machine.cpuModel}), ${machine.totalMemoryGb} GB, Node ${machine.node}, Elasticsearch ${facts.version} (heap ${fmt(facts.heapMaxMb)} MB), load ${machine.loadAverage.start} -> ${machine.loadAverage.end}`,
    'Verification only (no engine), credentials per second, 1 worker (in-process) vs N worker threads (goal: >= 1.8x on 2 cores).',
    'Cold: first pass (worker start-up, HTTP to the demo issuers on 127.0.0.1); warm: a second pass over the same credentials (documents cached: the verification work alone):',
    '',
    '| credentials | pass | 1 worker | N workers | ratio (N / 1) |',
    '| ---: | --- | ---: | ---: | ---: |',
    ...results.flatMap((r) => [
      `| ${fmt(r.credentials)} | cold | ${fmt(r.verify1ColdRate)}/s | ${r.workers}: ${fmt(r.verifyNColdRate)}/s | ${fmt(r.verifyNColdRate / r.verify1ColdRate, 2)}x |`,
      `| ${fmt(r.credentials)} | warm | ${fmt(r.verify1Rate)}/s | ${r.workers}: ${fmt(r.verifyNRate)}/s | ${fmt(r.verifyNRate / r.verify1Rate, 2)}x |`,
    ]),
    '',
    'End-to-end ingest (N workers, a cold start like any run) vs verification only (N workers, cold pass) (goal: >= 0.8x):',
    '',
    '| credentials | end to end | verification only | ratio (e2e / verify) |',
    '| ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) => `| ${fmt(r.credentials)} | ${fmt(r.e2eRate)}/s | ${fmt(r.verifyNColdRate)}/s | ${fmt(r.e2eRate / r.verifyNColdRate, 2)}x |`,
    ),
    '',
    '`reindex` (earners and badge classes rebuilt from the stored credentials, no re-verification) vs a raw _bulk of the same documents, documents per second (goal: >= 0.6x):',
    '',
    '| credentials | documents | reindex | raw _bulk | ratio (reindex / raw) |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${fmt(r.credentials)} | ${fmt(r.derivedDocuments)} | ${fmt(r.reindexRate)}/s (${fmt(r.reindexSeconds, 1)} s) | ${fmt(r.rawDerivedRate)}/s (${fmt(r.rawDerivedSeconds, 1)} s) | ${fmt(r.reindexRate / r.rawDerivedRate, 2)}x |`,
    ),
    '',
    'Credentials per second, end to end vs a raw _bulk of the same finished documents (credentials, earners, badge classes); peak RSS of the',
    'end-to-end ingest (the first thing each size runs; goal: <= 1 GB at 100,000 credentials) and of the whole run (which also holds every',
    'credential in memory for the verification-only passes), worker threads included:',
    '',
    '| credentials | earner documents written | end to end | raw _bulk | ratio (e2e / raw) | docs written | bulk MB | peak RSS, ingest | peak RSS, whole run |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${fmt(r.credentials)} | ${fmt(r.earners)} | ${fmt(r.e2eRate)}/s (${fmt(r.e2eSeconds, 1)} s) | ${fmt(r.rawRate)}/s (${fmt(r.rawSeconds, 1)} s) | ${fmt(r.ratio, 3)} | ${fmt(r.documentsWritten)} | ${fmt(r.bulkMb, 1)} | ${fmt(r.ingestPeakRssMb)} MB | ${fmt(r.peakRssMb)} MB |`,
    ),
    '',
    ...results.flatMap((r) => peerLines(r.peer, machine)),
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

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function peerLines(p: PeerComparison, machine: ReturnType<typeof describeMachine>): string[] {
  const refused = Object.entries(p.refused).map(([host, n]) => `${host} x${n}`);
  return [
    '',
    `Peer: @digitalcredentials/verifier-core in this process, on the ${fmt(p.compared)} of ${fmt(p.offered)} credentials it understands (OB 3.0 JSON-LD with a Data Integrity proof; it reads no VC-JWT and no OB 2.0), 8 in flight, load ${machine.loadAverage.start} -> ${currentLoad()} (goal: ours >= 2x):`,
    '',
    '| pass | ours, 1 thread | ours, N workers | DCC verifier-core | ours 1 / DCC | ours N / DCC |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...(['cold', 'warm'] as const).map(
      (pass) =>
        `| ${pass === 'warm' ? 'warm (median of 3, alternating)' : pass} | ${fmt(p.ours1[pass])}/s | ${p.oursN.workers}: ${fmt(p.oursN[pass])}/s | ${fmt(p.peer[pass])}/s | ${fmt(p.ours1[pass] / p.peer[pass], 2)}x | ${fmt(p.oursN[pass] / p.peer[pass], 2)}x |`,
    ),
    '',
    'Answers (ours -> theirs: credentials):',
    ...p.answers.map((a) => `- ${a.ours} -> ${a.theirs}: ${fmt(a.count)}${a.ours === a.theirs ? '' : '  (DISAGREE)'}`),
    ...(p.disagreements.length ? ['', 'Disagreements (up to 5 per pair):'] : []),
    ...p.disagreements.map((d) => `- ${d.id}: ours ${d.ours} [${d.ourDetails}]; theirs ${d.theirs} [${d.theirDetails}]`),
    `Fetches the guard refused (nothing leaves 127.0.0.1): ${refused.length ? refused.join(', ') : 'none'}; the peer's console lines while timed (muted): ${fmt(p.peerLogLines)}`,
  ];
}

main().catch((error: Error) => {
  console.error(`bench:ingest: ${error.stack ?? error.message}`);
  process.exit(1);
});
