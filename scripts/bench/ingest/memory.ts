/**
 * `npm run bench:ingest-memory [-- EARNERS]`: the peak memory (RSS, worker
 * threads included) of one end-to-end ingest of the demo data set of EARNERS
 * earners (default 23,810: about 100,000 credentials), in a process of its
 * own, so nothing else it held counts. Workers: `INDEXER_WORKERS` (default one
 * per core), each capped by `INDEXER_WORKER_HEAP_MB` when set. For the bounded
 * figure in the README, run it as
 * `INDEXER_WORKER_HEAP_MB=192 node --max-old-space-size=384 --import tsx scripts/bench/ingest/memory.ts`.
 * The demo issuers serve on 127.0.0.1:3192; the run's indices (prefix
 * `bench-memory`) are deleted at the end.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { createEngineClient } from '../../../mappings/connection.ts';
import { deleteAllIndices } from '../../../mappings/indices.ts';
import { indexerConfigFromEnv } from '../../../indexer/config.ts';
import { expandInputs } from '../../../indexer/ingest/inputs.ts';
import { ingest } from '../../../indexer/ingest/ingest.ts';
import { createVerifyPool } from '../../../indexer/ingest/verify-pool.ts';
import { skillLookup } from '../../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { ensureEngine } from '../../engine/server.ts';
import { prepareIngestTarget, rssSampler } from './demo-target.ts';
import { startIssuersProcess } from './issuers-process.ts';

const ISSUER_PORT = 3192;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

const earners = Number(process.argv[2] ?? 23_810);
if (!Number.isInteger(earners) || earners < 1)
  throw new Error(`bench:ingest-memory takes a whole number of earners, got "${process.argv[2]}"`);
const engine = await ensureEngine(process.env, (line) => console.error(`[engine] ${line}`));
const { workers, workerHeapMb } = indexerConfigFromEnv({ ...process.env, ELASTICSEARCH_URL: engine.url });
const client = createEngineClient(engine, { requestTimeoutMs: 120_000 });
const taxonomy = loadTaxonomy();
const issuers = await startIssuersProcess(earners, 42, ISSUER_PORT, () => {});
const target = { client, prefix: 'bench-memory', replicas: 0 };
try {
  const { store, pathways } = await prepareIngestTarget(target, issuers.folder, taxonomy);
  const resolverOptions = { allowHosts: [`127.0.0.1:${ISSUER_PORT}`] };
  const before = process.memoryUsage().rss;
  const sampler = rssSampler();
  const pool =
    workers > 1
      ? createVerifyPool(
          workers,
          { resolver: resolverOptions },
          workerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } } : undefined,
        )
      : undefined;
  const started = performance.now();
  const summary = await ingest(expandInputs([path.join(issuers.folder, 'credentials.jsonl')]), {
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways,
    now: () => new Date(),
    verify: { resolver: createResolver(resolverOptions) },
    chunkSize: 1000,
    ...(pool ? { verifyPool: pool } : {}),
  }).finally(() => pool?.close());
  const peak = sampler.stop();
  console.log(
    `${summary.inputs} credentials (${summary.verified} verified) in ${((performance.now() - started) / 1000).toFixed(1)} s with ${workers} workers; ` +
      `RSS ${mb(before)} before, peak ${mb(peak)}; main heap limit ${mb(v8.getHeapStatistics().heap_size_limit)}, worker heap ${workerHeapMb ? `${workerHeapMb} MB` : "Node's default"}`,
  );
} finally {
  await issuers.stop();
  await deleteAllIndices(target);
  await client.close();
}
