/**
 * The demo for `npm start`: the fictional issuers' web server (hosted
 * assertions, keys, revocation and status lists) on 127.0.0.1, the demo
 * accounts, and, when the indices are empty, the demo data set loaded
 * through the real ingest.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedDemoAccounts } from './demo/accounts/seed-demo.ts';
import { loadOrGenerateDemo } from './demo/cache.ts';
import { startDemoIssuerServer, type DemoIssuerServer } from './demo/issuers/issuer-server.ts';
import { loadDemo } from './demo/load.ts';
import { formatSummary } from '../indexer/ingest/summary.ts';
import { createProgress } from '../indexer/ingest/progress.ts';
import type { IndexerRuntime } from '../indexer/runtime/runtime.ts';

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
  const current = (env.INDEXER_ALLOW_HOSTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { ...env, INDEXER_ALLOW_HOSTS: [...new Set([...current, entry])].join(',') };
}

export function demoOptionsFromEnv(env: NodeJS.ProcessEnv, log: (line: string) => void): DemoOptions {
  const issuerPort = Number(env.DEMO_ISSUER_PORT ?? '3100');
  const earners = Number(env.DEMO_EARNERS ?? '2000');
  if (!Number.isInteger(issuerPort) || issuerPort < 1 || issuerPort > 65535)
    throw new Error(`DEMO_ISSUER_PORT must be a TCP port, got "${env.DEMO_ISSUER_PORT}"`);
  if (!Number.isInteger(earners) || earners < 1)
    throw new Error(`DEMO_EARNERS must be a whole number of earners, got "${env.DEMO_EARNERS}"`);
  return { issuerPort, earners, log };
}

export interface StartDemoHooks {
  /** Stops the load between chunks (a chunk is written whole or not at all); the next start resumes it. */
  signal?: AbortSignal;
  /** Called once the issuers' server listens, so the caller can close it on shutdown. */
  onIssuers?: (issuers: DemoIssuerServer) => void;
}

/**
 * A load in progress leaves this marker (named for the engine and index
 * prefix) until it completes, so a load that was stopped or killed is
 * resumed by the next start even though some earners exist. Ingest is
 * idempotent: loading again adds nothing twice.
 */
function loadingMarker(folder: string, runtime: IndexerRuntime): string {
  const key = createHash('sha256').update(`${runtime.config.engine.url}|${runtime.store.target.prefix}`).digest('hex').slice(0, 16);
  // Beside the data set's folder, which is replaced when the data set is generated again.
  return path.join(path.dirname(folder), `loading-${key}`);
}

/** Starts the issuers' server; loads the demo data when the earners index is empty or a load did not finish. */
export async function startDemo(
  runtime: IndexerRuntime,
  options: DemoOptions,
  hooks: StartDemoHooks = {},
): Promise<{ issuers: DemoIssuerServer; loaded: boolean }> {
  let issuers: DemoIssuerServer;
  try {
    issuers = await startDemoIssuerServer({ port: options.issuerPort });
  } catch (error) {
    throw new Error(
      `the demo issuers' server could not listen on 127.0.0.1:${options.issuerPort} (${(error as Error).message}); set DEMO_ISSUER_PORT to a free port`,
      { cause: error },
    );
  }
  hooks.onIssuers?.(issuers);
  const started = Date.now();
  const demo = await loadOrGenerateDemo({ earners: options.earners, issuerBaseUrl: issuers.origin });
  issuers.serve(demo.dataset.hosted);
  if (!demo.cached)
    options.log(
      `Generated the demo data set (${demo.dataset.credentials.length} signed credentials) in ${((Date.now() - started) / 1000).toFixed(0)}s: ${demo.folder}`,
    );
  // Demo accounts exist only in the demo (idempotent, so a restart keeps them).
  await seedDemoAccounts({ client: runtime.store.client, indexPrefix: runtime.store.target.prefix });
  const marker = loadingMarker(demo.folder, runtime);
  const unfinished = existsSync(marker);
  if (!unfinished && (await runtime.store.count('earners')) > 0) return { issuers, loaded: false };
  hooks.signal?.throwIfAborted();

  options.log(
    `${unfinished ? 'Resuming an unfinished demo load' : 'Loading demo data'}: ${demo.dataset.records.length} earners, ${demo.dataset.credentials.length} credentials`,
  );
  writeFileSync(marker, new Date().toISOString());
  const progress = createProgress({ label: 'demo ingest', total: demo.dataset.credentials.length });
  try {
    const summary = await loadDemo(demo.dataset, {
      ...runtime,
      onProgress: (s) => progress.update(s.inputs),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
    rmSync(marker, { force: true });
    options.log(formatSummary(summary));
  } finally {
    progress.finish();
  }
  return { issuers, loaded: true };
}
