/**
 * `npm start`: the whole product on one machine. Starts (or reuses) the
 * engine, loads the demo data when the indices are empty (with the demo
 * issuers' server), runs the indexer's scheduled jobs, and serves the API on
 * http://127.0.0.1:3000.
 *
 * SIGTERM or SIGINT to this process alone (Ctrl-C, a service manager, a
 * container runtime) stops everything it started within 10 s: running jobs
 * and a demo load stop at a safe point, the API finishes requests in flight,
 * and the engine stops too if this run started it (see lifecycle/shutdown.ts).
 */
import { startApi } from '../api/main.ts';
import { apiConfigFromEnv } from '../api/config.ts';
import { indexerConfigFromEnv } from '../indexer/config.ts';
import { indexerJobs } from '../indexer/jobs/indexer-jobs.ts';
import { createRuntime } from '../indexer/runtime/runtime.ts';
import { createCredentialIntake } from '../indexer/intake/intake.ts';
import { createDidAuthentication } from '../indexer/did-auth/did-auth.ts';
import { demoOptionsFromEnv, startDemo, withDemoIssuersAllowed } from './demo.ts';
import { ensureWebBuild } from './build-web.ts';
import { ensureEngine, stopEngine } from './engine/server.ts';
import { installShutdown } from './lifecycle/shutdown.ts';

const log = (line: string) => console.log(line);
// Before anything slow: a signal during start-up must already stop cleanly.
const shutdown = installShutdown({ log });

async function main(): Promise<void> {
  const { signal, track } = shutdown;
  const engineLog = (line: string) => log(`[engine] ${line}`);
  const engine = await track(
    ensureEngine(process.env, engineLog, {
      signal,
      // Registered as soon as a start is attempted, so a signal during the engine's start-up stops it too.
      onStarting: () => shutdown.add('engine', () => stopEngine(process.env, engineLog)),
    }),
  );
  signal.throwIfAborted();
  const env = { ...process.env, ELASTICSEARCH_URL: engine.url };

  const indexer = await track(createRuntime(indexerConfigFromEnv(withDemoIssuersAllowed(env))));
  shutdown.add('indexer', () => indexer.close());
  const demo = await track(
    startDemo(indexer, demoOptionsFromEnv(env, log), {
      signal,
      onIssuers: (issuers) => shutdown.add('demo issuers', () => issuers.close()),
    }),
  );
  signal.throwIfAborted();

  const jobs = indexerJobs(indexer);
  shutdown.add('indexer jobs', (budgetMs) => Promise.all(jobs.map((job) => job.shutdown(budgetMs))));
  for (const job of jobs) job.start();

  await track(ensureWebBuild({ signal }));
  signal.throwIfAborted();
  // The API and the indexer share only mappings/: this process hands the API the indexer's intake (earners' and issuers' badges)
  // and its DID Auth verifier (earners proving control of a DID).
  const api = await track(
    startApi(apiConfigFromEnv(env), { intake: createCredentialIntake(indexer), didAuth: createDidAuthentication(indexer) }),
  );
  shutdown.add('API', (budgetMs) => api.close(budgetMs));
  // A fresh demo gets its first skill-gap snapshot now, so agencies see a baseline at once.
  if (demo.loaded) await track(api.reporting.snapshotJob.runNow());
  log(
    [
      '',
      'Talent directory running:',
      `  web app      ${api.url}/`,
      `  API          ${api.url}/graphql   (IDE: ${api.url}/graphql/ide, health: ${api.url}/health)`,
      `  engine       ${engine.url}${engine.logFile ? `   (log: ${engine.logFile})` : ''}`,
      `  demo issuers ${demo.issuers.origin}`,
      `Ctrl-C (or SIGTERM to pid ${process.pid}) to stop.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  // A step interrupted by a signal: the shutdown in progress closes what started and exits.
  if (shutdown.signal.aborted) return;
  console.error(`start: ${error.message}`);
  void shutdown.stop('a start-up failure', 1);
});
