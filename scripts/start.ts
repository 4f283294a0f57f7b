/**
 * `npm start`: the whole product on one machine. Starts (or reuses) the
 * engine, creates the indices, then serves the API on http://127.0.0.1:3000.
 * Ctrl-C stops the API, and the engine too if this run started it.
 */
import { startApi } from '../api/main.ts';
import { apiConfigFromEnv } from '../api/config.ts';
import { ensureEngine, stopEngine } from './engine/server.ts';

async function main(): Promise<void> {
  const engine = await ensureEngine(process.env, (line) => console.log(`[engine] ${line}`));
  const config = apiConfigFromEnv({ ...process.env, ELASTICSEARCH_URL: engine.url });
  const api = await startApi(config);
  console.log(`\nTalent directory running:\n  API health  ${api.url}/health\n  engine      ${engine.url}${engine.logFile ? ` (log: ${engine.logFile})` : ''}\nCtrl-C to stop.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await api.close();
    if (engine.started) await stopEngine(process.env, (line) => console.log(`[engine] ${line}`));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
