/**
 * The whole product for browser tests: the web app (built once per run by
 * the global setup), a small demo data set loaded through the real pipeline
 * by `loadDemoDirectory` (the same set-up the API tests use: signed
 * credentials verified over HTTP by the demo issuers' server), the demo
 * accounts, and the API serving both under the test's index prefix with a
 * file outbox the test can read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoAccounts } from '../../../scripts/demo/accounts/seed-demo.ts';
import { apiConfigFromEnv } from '../../../api/config.ts';
import { startApi, type RunningApi } from '../../../api/main.ts';
import type { DemoDataset } from '../../../scripts/demo/types.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import type { OutboxMessageDocument } from '../../../mappings/outbox.ts';
import { loadDemoDirectory, type DemoDirectory } from '../../support/demo-directory.ts';
import { engineUrl, type TestIndices } from '../../support/engine.ts';
import { readFileOutbox } from '../../support/file-outbox.ts';
import { createCredentialIntake } from '../../../indexer/intake/intake.ts';
import { createDidAuthentication } from '../../../indexer/did-auth/did-auth.ts';
import { indexerConfigFromEnv } from '../../../indexer/config.ts';
import type { IndexerRuntime } from '../../../indexer/runtime/runtime.ts';
import { skillLookup } from '../../../indexer/taxonomy/skills-index.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';

/** The indexer runtime over the demo's store (its engine client stays the demo's), allowing the demo issuers' host. */
function intakeRuntime(demo: DemoDirectory): IndexerRuntime {
  const taxonomy = loadTaxonomy();
  const allowHosts = [new URL(demo.issuers.origin).host];
  const config = indexerConfigFromEnv({
    ELASTICSEARCH_URL: engineUrl(),
    INDEX_PREFIX: demo.target.prefix,
    INDEXER_ALLOW_HOSTS: allowHosts.join(','),
  });
  return {
    config,
    store: demo.store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: demo.dataset.pathways,
    verify: { resolver: createResolver({ allowHosts }) },
    now: () => new Date(),
    close: async () => {},
  };
}

/** What npm start hands the API from the indexer: the credential intake and the DID Auth verifier. */
function indexerServices(runtime: IndexerRuntime) {
  return { intake: createCredentialIntake(runtime), didAuth: createDidAuthentication(runtime) };
}

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
  /** Hands the API the indexer's credential intake and DID Auth verifier over the stack's own indices (earners adding badges, linking DIDs), as npm start does. */
  intake?: boolean;
}

export async function startWebStack(
  name: string,
  { earners = 120, seed = 5, env = {}, intake = false }: WebStackOptions = {},
): Promise<WebStack> {
  const scratch = mkdtempSync(join(tmpdir(), `web-${name}-`));
  let demo: DemoDirectory | undefined;
  let api: RunningApi | undefined;
  try {
    demo = await loadDemoDirectory(name, loadTaxonomy(), { earners, seed });
    await seedDemoAccounts({ client: demo.target.client, indexPrefix: demo.target.prefix });
    const outboxDir = join(scratch, 'outbox');
    api = await startApi(
      apiConfigFromEnv({
        ELASTICSEARCH_URL: engineUrl(),
        INDEX_PREFIX: demo.target.prefix,
        PORT: '0',
        LOG_LEVEL: 'error',
        SESSION_SECRET: 'web-test-session-secret-0123456789abcdef-0123',
        OUTBOX: 'file',
        OUTBOX_DIR: outboxDir,
        TALENT_CACHE_DIR: join(scratch, 'cache'),
        ...env,
      }),
      intake ? indexerServices(intakeRuntime(demo)) : {},
    );
    const running = api;
    const loaded = demo;
    return {
      url: running.url,
      dataset: loaded.dataset,
      api: running,
      indices: { client: loaded.target.client, prefix: loaded.target.prefix },
      outbox: () => readFileOutbox(outboxDir),
      async close() {
        await running.close();
        await loaded.close();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await api?.close();
    await demo?.close();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
