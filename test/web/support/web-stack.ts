/**
 * The whole product for browser tests: a built web app, a small demo data set
 * loaded through the real pipeline (signed credentials verified over HTTP by
 * the demo issuers' server), the demo accounts, and the API serving both under
 * a test index prefix with a file outbox the test can read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoAccounts } from '../../../api/accounts/seed-demo.ts';
import { apiConfigFromEnv } from '../../../api/config.ts';
import { startApi, type RunningApi } from '../../../api/main.ts';
import { OUTBOX_FILE } from '../../../api/outbox/file-outbox.ts';
import { loadOrGenerateDemo } from '../../../indexer/demo/cache.ts';
import { startDemoIssuerServer, type DemoIssuerServer } from '../../../indexer/demo/issuer-server.ts';
import { loadDemo } from '../../../indexer/demo/load.ts';
import type { DemoDataset } from '../../../indexer/demo/types.ts';
import { IndexStore } from '../../../indexer/store.ts';
import { ensureSkillsIndex, skillLookup } from '../../../indexer/taxonomy-index.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import type { OutboxMessageDocument } from '../../../mappings/outbox.ts';
import { ensureWebBuild } from '../../../scripts/build-web.ts';
import { engineUrl, testIndices, type TestIndices } from '../../support/engine.ts';

export interface WebStack {
  /** Origin of the API, which serves the web app at `/`. */
  url: string;
  dataset: DemoDataset;
  api: RunningApi;
  /** The stack's own indices (client and prefix), for tests that change data behind the API's back. */
  indices: { client: TestIndices['client']; prefix: string };
  /** Every message the file outbox holds, oldest first. */
  outbox(): OutboxMessageDocument[];
  close(): Promise<void>;
}

export interface WebStackOptions {
  earners?: number;
  seed?: number;
  /** Extra API environment (rate limits and the like). */
  env?: Record<string, string>;
}

export async function startWebStack(name: string, { earners = 120, seed = 5, env = {} }: WebStackOptions = {}): Promise<WebStack> {
  await ensureWebBuild({ log: () => {} });
  const target = testIndices(name);
  const scratch = mkdtempSync(join(tmpdir(), `web-${name}-`));
  const issuers: DemoIssuerServer = await startDemoIssuerServer();
  let api: RunningApi | undefined;
  try {
    const taxonomy = loadTaxonomy();
    const dataset = (await loadOrGenerateDemo({ earners, seed, issuerBaseUrl: issuers.origin }, join(scratch, 'cache'))).dataset;
    issuers.serve(dataset.hosted);
    const store = new IndexStore(target);
    await store.ensureIndices();
    await ensureSkillsIndex(store, taxonomy);
    await loadDemo(dataset, {
      store,
      taxonomy,
      skills: skillLookup(taxonomy),
      pathways: dataset.pathways,
      verify: { resolver: createResolver({ allowHosts: [new URL(issuers.origin).host] }) },
      now: () => new Date(),
    });
    await seedDemoAccounts({ client: target.client, indexPrefix: target.prefix });
    const outboxDir = join(scratch, 'outbox');
    api = await startApi(
      apiConfigFromEnv({
        ELASTICSEARCH_URL: engineUrl(),
        INDEX_PREFIX: target.prefix,
        PORT: '0',
        LOG_LEVEL: 'error',
        SESSION_SECRET: 'web-test-session-secret-0123456789abcdef-0123',
        OUTBOX: 'file',
        OUTBOX_DIR: outboxDir,
        TALENT_CACHE_DIR: join(scratch, 'cache'),
        ...env,
      }),
    );
    const running = api;
    return {
      url: running.url,
      dataset,
      api: running,
      indices: { client: target.client, prefix: target.prefix },
      outbox() {
        try {
          return readFileSync(join(outboxDir, OUTBOX_FILE), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as OutboxMessageDocument);
        } catch {
          return [];
        }
      },
      async close() {
        await running.close();
        await issuers.close();
        await target.cleanup();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await api?.close();
    await issuers.close();
    await target.cleanup();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
