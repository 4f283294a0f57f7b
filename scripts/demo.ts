/**
 * The demo for `npm start`: the fictional issuers' web server (hosted
 * assertions, keys, revocation and status lists) on 127.0.0.1, the demo
 * accounts, and, when the indices are empty, the demo data set loaded
 * through the real ingest.
 */
import { seedDemoAccounts } from '../api/accounts/seed-demo.ts';
import { loadOrGenerateDemo } from '../indexer/demo/cache.ts';
import { startDemoIssuerServer, type DemoIssuerServer } from '../indexer/demo/issuer-server.ts';
import { loadDemo } from '../indexer/demo/load.ts';
import { formatSummary } from '../indexer/ingest/summary.ts';
import { createProgress } from '../indexer/progress.ts';
import type { IndexerRuntime } from '../indexer/runtime.ts';

export interface DemoOptions {
  /** Port of the demo issuers' server (DEMO_ISSUER_PORT, default 3100): the demo credentials name it. */
  issuerPort: number;
  /** Earners in the demo data set (DEMO_EARNERS, default 2000). */
  earners: number;
  log: (line: string) => void;
}

/**
 * The environment with the demo issuers' server added to INDEXER_ALLOW_HOSTS:
 * it listens on 127.0.0.1, which the indexer otherwise refuses to fetch from.
 */
export function withDemoIssuersAllowed(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const entry = `127.0.0.1:${env.DEMO_ISSUER_PORT ?? '3100'}`;
  const current = (env.INDEXER_ALLOW_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { ...env, INDEXER_ALLOW_HOSTS: [...new Set([...current, entry])].join(',') };
}

export function demoOptionsFromEnv(env: NodeJS.ProcessEnv, log: (line: string) => void): DemoOptions {
  const issuerPort = Number(env.DEMO_ISSUER_PORT ?? '3100');
  const earners = Number(env.DEMO_EARNERS ?? '2000');
  if (!Number.isInteger(issuerPort) || issuerPort < 1 || issuerPort > 65535) throw new Error(`DEMO_ISSUER_PORT must be a TCP port, got "${env.DEMO_ISSUER_PORT}"`);
  if (!Number.isInteger(earners) || earners < 1) throw new Error(`DEMO_EARNERS must be a whole number of earners, got "${env.DEMO_EARNERS}"`);
  return { issuerPort, earners, log };
}

/** Starts the issuers' server; loads the demo data when the earners index is empty. */
export async function startDemo(runtime: IndexerRuntime, options: DemoOptions): Promise<{ issuers: DemoIssuerServer; loaded: boolean }> {
  let issuers: DemoIssuerServer;
  try {
    issuers = await startDemoIssuerServer({ port: options.issuerPort });
  } catch (error) {
    throw new Error(`the demo issuers' server could not listen on 127.0.0.1:${options.issuerPort} (${(error as Error).message}); set DEMO_ISSUER_PORT to a free port`);
  }
  const started = Date.now();
  const demo = await loadOrGenerateDemo({ earners: options.earners, issuerBaseUrl: issuers.origin });
  issuers.serve(demo.dataset.hosted);
  if (!demo.cached) options.log(`Generated the demo data set (${demo.dataset.credentials.length} signed credentials) in ${((Date.now() - started) / 1000).toFixed(0)}s: ${demo.folder}`);
  // Demo accounts exist only in the demo (idempotent, so a restart keeps them).
  await seedDemoAccounts({ client: runtime.store.client, indexPrefix: runtime.store.target.prefix });
  if ((await runtime.store.count('earners')) > 0) return { issuers, loaded: false };

  options.log(`Loading demo data: ${demo.dataset.records.length} earners, ${demo.dataset.credentials.length} credentials`);
  const progress = createProgress({ label: 'demo ingest', total: demo.dataset.credentials.length });
  const summary = await loadDemo(demo.dataset, { ...runtime, onProgress: (s) => progress.update(s.inputs) });
  progress.finish();
  options.log(formatSummary(summary));
  return { issuers, loaded: true };
}
