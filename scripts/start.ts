/**
 * `npm start`: the whole product on one machine. Starts (or reuses) the
 * engine, loads the demo data when the indices are empty (with the demo
 * issuers' server), runs the indexer's scheduled jobs, and serves the API on
 * http://127.0.0.1:3000. Ctrl-C stops everything, and the engine too if this
 * run started it.
 */
import { startApi } from '../api/main.ts';
import { apiConfigFromEnv } from '../api/config.ts';
import { indexerConfigFromEnv } from '../indexer/config.ts';
import { indexerJobs } from '../indexer/jobs.ts';
import { createRuntime } from '../indexer/runtime.ts';
import { demoOptionsFromEnv, startDemo, withDemoIssuersAllowed } from './demo.ts';
import { ensureWebBuild } from './build-web.ts';
import { ensureEngine, stopEngine } from './engine/server.ts';

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const engine = await ensureEngine(process.env, (line) => log(`[engine] ${line}`));
  const env = { ...process.env, ELASTICSEARCH_URL: engine.url };

  const indexer = await createRuntime(indexerConfigFromEnv(withDemoIssuersAllowed(env)));
  const demo = await startDemo(indexer, demoOptionsFromEnv(env, log));
  const jobs = indexerJobs(indexer);
  for (const job of jobs) job.start();

  await ensureWebBuild();
  const api = await startApi(apiConfigFromEnv(env));
  // A fresh demo gets its first skill-gap snapshot now, so agencies see a baseline at once.
  if (demo.loaded) await api.reporting.snapshotJob.runNow();
  log(
    [
      '',
      'Talent directory running:',
      `  web app      ${api.url}/`,
      `  API          ${api.url}/graphql   (IDE: ${api.url}/graphql/ide, health: ${api.url}/health)`,
      `  engine       ${engine.url}${engine.logFile ? `   (log: ${engine.logFile})` : ''}`,
      `  demo issuers ${demo.issuers.origin}`,
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('\nStopping...');
    for (const job of jobs) job.stop();
    await api.close();
    await demo.issuers.close();
    await indexer.close();
    if (engine.started) await stopEngine(process.env, (line) => log(`[engine] ${line}`));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
