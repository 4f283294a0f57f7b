/**
 * A generated demo data set loaded through the real pipeline into a test
 * file's own indices: the demo issuers' server on a free port, credentials
 * verified over HTTP, earners merged, settings, pathways and postings loaded
 * (the skills and occupations indices are the run's shared ones).
 * The generator's records are the ground truth for the tests that use it.
 * The browser tests' stack (`test/web/support/web-stack.ts`) is this plus
 * the demo accounts and the API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrGenerateDemo } from '../../scripts/demo/cache.ts';
import { startDemoIssuerServer, type DemoIssuerServer } from '../../scripts/demo/issuers/issuer-server.ts';
import { loadDemo } from '../../scripts/demo/load.ts';
import type { DemoDataset } from '../../scripts/demo/types.ts';
import type { RunSummary } from '../../indexer/ingest/summary.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import type { Taxonomy } from '../../indexer/taxonomy/index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { testIndices, useSharedTaxonomy, type TestIndices } from './engine.ts';

export interface DemoDirectory {
  dataset: DemoDataset;
  target: TestIndices;
  store: IndexStore;
  issuers: DemoIssuerServer;
  summary: RunSummary;
  close(): Promise<void>;
}

export async function loadDemoDirectory(
  name: string,
  taxonomy: Taxonomy,
  /** `now`: the data set's and the verifier's clock; without it, the real time. */
  options: { earners: number; seed: number; now?: Date },
): Promise<DemoDirectory> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const issuers = await startDemoIssuerServer();
  const target = testIndices(name);
  const close = async () => {
    await issuers.close();
    await target.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  };
  try {
    const { dataset } = await loadOrGenerateDemo(
      { earners: options.earners, seed: options.seed, issuerBaseUrl: issuers.origin, ...(options.now ? { now: options.now } : {}) },
      cacheDir,
    );
    issuers.serve(dataset.hosted);
    const store = new IndexStore(target);
    await useSharedTaxonomy(target);
    await store.ensureIndices();
    const summary = await loadDemo(dataset, {
      store,
      taxonomy,
      skills: skillLookup(taxonomy),
      pathways: dataset.pathways,
      verify: { resolver: createResolver({ allowHosts: [new URL(issuers.origin).host] }) },
      now: () => options.now ?? new Date(),
    });
    return { dataset, target, store, issuers, summary, close };
  } catch (error) {
    await close();
    throw error;
  }
}
