/**
 * `npm run bench:ingest-memory [-- EARNERS]`: the peak memory (RSS, worker
 * threads included) of one end-to-end ingest of the demo data set of EARNERS
 * earners (default 23,810: about 100,000 credentials), in a process of its
 * own, so nothing else it held counts. Run it as
 * `node --max-old-space-size=384 --import tsx scripts/bench/ingest/memory.ts`
 * with `INDEXER_WORKER_HEAP_MB=192` to see the bounded figure (README,
 * Benchmarks). The demo issuers serve on 127.0.0.1:3192; the run's indices
 * (prefix `bench-memory`) are deleted at the end.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { readFile } from 'node:fs/promises';
import { createEngineClient } from '../../../mappings/connection.ts';
import { deleteAllIndices } from '../../../mappings/indices.ts';
import { expandInputs } from '../../../indexer/ingest/inputs.ts';
import { ingest } from '../../../indexer/ingest/ingest.ts';
import { createVerifyPool } from '../../../indexer/ingest/verify-pool.ts';
import { IndexStore } from '../../../indexer/store/index-store.ts';
import { ensureSkillsIndex, skillLookup } from '../../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { registerDemoEarners } from '../../demo/load.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { startIssuersProcess } from './issuers-process.ts';
const workerMb = Number(process.env.INDEXER_WORKER_HEAP_MB ?? 0);
const earners = Number(process.argv[2] ?? 23_810);
const client = createEngineClient({ url: 'http://127.0.0.1:9200' }, { requestTimeoutMs: 120_000 });
const taxonomy = loadTaxonomy();
const issuers = await startIssuersProcess(earners, 42, 3192, () => {});
const settings = (await readFile(path.join(issuers.folder, 'settings.jsonl'), 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const pathways = JSON.parse(await readFile(path.join(issuers.folder, 'pathways.json'), 'utf8'));
const target = { client, prefix: 'bench-memory', replicas: 0 };
await deleteAllIndices(target);
const store = new IndexStore(target);
await store.ensureIndices();
await ensureSkillsIndex(store, taxonomy);
const records = JSON.parse(await readFile(path.join(issuers.folder, 'records.json'), 'utf8'));
await registerDemoEarners({ records, settings }, { store, now: () => new Date() });
await store.write('directory-settings', settings.map((s: { earnerId: string }) => ({ id: s.earnerId, document: s })) as never, {
  refresh: true,
});
const resolverOptions = { allowHosts: ['127.0.0.1:3192'] };
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const before = process.memoryUsage().rss;
const pool = createVerifyPool(
  2,
  { resolver: resolverOptions },
  workerMb ? { resourceLimits: { maxOldGenerationSizeMb: workerMb } } : undefined,
);
const t = performance.now();
const summary = await ingest(expandInputs([path.join(issuers.folder, 'credentials.jsonl')]), {
  store,
  taxonomy,
  skills: skillLookup(taxonomy),
  pathways,
  now: () => new Date(),
  verify: { resolver: createResolver(resolverOptions) },
  chunkSize: 1000,
  verifyPool: pool,
}).finally(() => pool.close());
clearInterval(timer);
console.log(
  `inputs ${summary.inputs} verified ${summary.verified} in ${((performance.now() - t) / 1000).toFixed(1)} s; rss before ${(before / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB; main heap limit ${Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20)} MB, worker heap ${workerMb ? `${workerMb} MB` : 'default'}`,
);
await issuers.stop();
await deleteAllIndices(target);
await client.close();
