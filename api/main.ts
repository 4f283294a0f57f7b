/** Starts the API server: `tsx api/main.ts` (npm start does this after the engine is up). */
import type { Server } from 'node:http';
import { createEngineClient } from '../mappings/connection.ts';
import { ensureAllIndices } from '../mappings/indices.ts';
import { createApp } from './app.ts';
import { apiConfigFromEnv, type ApiConfig } from './config.ts';
import { contextFactory } from './context.ts';
import { createSearchEngine, hasDefaultScopeFields } from './engine.ts';
import { watchEngineAvailability } from './engine-availability.ts';
import { createGraphqlServer } from './graphql/server.ts';
import { tokenViewerResolver } from './accounts/token-viewer.ts';
import { createLogger, type Logger } from './log.ts';
import { createPlatform } from './platform.ts';
import { createReporting, type Reporting } from './reports/reporting.ts';
import { createSavedSearchAlertJob } from './saved-searches/alert-job.ts';
import type { Job } from '../mappings/runtime/scheduled-job.ts';
import type { ViewerResolver } from './viewer.ts';
import type { CredentialIntake } from '../mappings/credential-intake.ts';
import { createHttpDidAuthentication } from './intake-client/http-did-auth.ts';
import { createHttpIntake } from './intake-client/http-intake.ts';
import type { DidAuthentication } from '../mappings/did-auth.ts';

export interface RunningApi {
  server: Server;
  url: string;
  /** Skill-gap reports: `reporting.snapshotJob.runNow()` takes a snapshot on demand. */
  reporting: Reporting;
  /** Saved-search alerts: `savedSearchAlerts.runNow()` sends the digests that are due. */
  savedSearchAlerts: Job;
  /** Resolves when work done after answering (claim links) has finished. */
  idle(): Promise<void>;
  /**
   * Stops taking requests, lets requests in flight finish and a running
   * snapshot end, then closes the engine client. With `timeoutMs` (npm
   * start's shutdown budget) connections still open at 3/4 of it are cut and
   * a snapshot still running is left unfinished (it becomes visible only
   * once complete, so an unfinished one is never read).
   */
  close(timeoutMs?: number): Promise<void>;
}

export interface StartOptions {
  /** Who is asking, per request; by default the session token of `Authorization: Bearer`. */
  resolveViewer?: ViewerResolver;
  /** The clock for date filters, report windows and snapshots (tests pin it). */
  now?: () => Date;
  /** Where logs go (tests capture them); by default JSON lines on stdout at the configured level. */
  log?: Logger;
  /**
   * The indexer's credential intake (`addMyCredentials`, the issuer push
   * endpoint): the process that runs both hands it over (npm start, tests).
   * Without it the API uses the intake service at `INTAKE_URL`, if set;
   * with neither, those answer that the feature is not available here.
   */
  intake?: CredentialIntake;
  /** The indexer's DID Auth verifier (`proveDidControl`), handed over like `intake` (else the intake service's, with `INTAKE_URL`). */
  didAuth?: DidAuthentication;
}

/** A snapshot still running when the server closes gets this long to finish before the engine client closes. */
const SNAPSHOT_DRAIN_MS = 30_000;

function closeServer(server: Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections turn idle as their last request ends, and would hold close() open until they time out.
  const idle = setInterval(() => server.closeIdleConnections(), 50).unref();
  const cut = setTimeout(() => server.closeAllConnections(), timeoutMs).unref();
  return closed.finally(() => {
    clearInterval(idle);
    clearTimeout(cut);
  });
}

export async function startApi(config: ApiConfig = apiConfigFromEnv(), options: StartOptions = {}): Promise<RunningApi> {
  const log = options.log ?? createLogger(config.logLevel);
  const engine = createEngineClient(config.engine, { requestTimeoutMs: config.requestTimeoutMs });
  watchEngineAvailability(engine, log, config.engine.url);
  await ensureAllIndices({
    client: engine,
    prefix: config.engine.indexPrefix,
    replicas: config.engine.replicas,
    shards: config.engine.shards,
  });
  const flatDefaultScope = await hasDefaultScopeFields(engine, config.engine.indexPrefix);
  if (!flatDefaultScope)
    log.warn(
      'the earners index was built before public.recognizedVerified: searches use nested joins only (slower) until `npm run indexer -- reindex`',
    );
  const graphqlServer = createGraphqlServer(log, { production: config.production, budget: config.graphql });
  await graphqlServer.start();
  // In-process (npm start, tests) when handed one; else the indexer's intake service when INTAKE_URL is set; else none.
  const intake = options.intake ?? (config.intake ? createHttpIntake(config.intake, log) : undefined);
  if (!options.intake && config.intake) log.info('credential intake over HTTP', { url: config.intake.url });
  // The same service verifies DID Auth presentations for an API started alone.
  const didAuth = options.didAuth ?? (config.intake ? createHttpDidAuthentication(config.intake, log) : undefined);
  const platform = createPlatform(engine, config, log, {
    ...(intake ? { intake } : {}),
    ...(didAuth ? { didAuth } : {}),
  });
  const reporting = createReporting(engine, config.engine.indexPrefix, config.reports, log, options.now);
  const searchEngine = createSearchEngine(engine, config.engine.indexPrefix, log, { shards: config.engine.shards, flatDefaultScope });
  const savedSearchAlerts = createSavedSearchAlertJob({
    store: platform.savedSearches,
    accounts: platform.accounts,
    engine: searchEngine,
    outbox: platform.outbox,
    publicUrl: config.auth.publicUrl,
    now: options.now ?? (() => new Date()),
    log,
    expression: config.savedSearches.alertCron,
  });
  const resolveViewer =
    options.resolveViewer ??
    tokenViewerResolver({ accounts: platform.accounts, sessions: platform.sessions, ...(options.now ? { now: options.now } : {}) });
  const context = contextFactory({
    engine: searchEngine,
    resolveViewer,
    platform,
    reporting,
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createApp({ config, engine, log, graphql: { server: graphqlServer, context, resolveViewer }, platform });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  server.requestTimeout = config.requestTimeoutMs * 3;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log.info('api listening', { url, indexPrefix: config.engine.indexPrefix });
  if (config.reports.snapshotsEnabled) {
    reporting.snapshotJob.start();
    log.info('skill-gap snapshots scheduled', { cron: config.reports.snapshotCron });
  }
  if (config.savedSearches.alertsEnabled) {
    savedSearchAlerts.start();
    log.info('saved-search alerts scheduled', { cron: config.savedSearches.alertCron });
  }
  return {
    server,
    url,
    reporting,
    savedSearchAlerts,
    idle: () => platform.background.idle(),
    close: async (timeoutMs) => {
      const budget = timeoutMs ?? SNAPSHOT_DRAIN_MS;
      await Promise.all([
        closeServer(server, (budget * 3) / 4),
        reporting.snapshotJob.shutdown(budget * 0.8),
        savedSearchAlerts.shutdown(budget * 0.8),
      ]);
      await platform.background.idle();
      await graphqlServer.stop();
      await platform.outbox.close();
      await engine.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startApi().then(
    (api) => {
      // SIGTERM (docker stop, systemd) or SIGINT: finish requests in flight, then exit, within a container's 10 s.
      const stop = () => void api.close(8_000).finally(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: Error) => {
      console.error(`api: ${error.message}`);
      process.exit(1);
    },
  );
}
