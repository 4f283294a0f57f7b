/** `npm run engine [start|stop|status|install]`: manage the local Elasticsearch. */
import { installDistribution } from './distribution.ts';
import { clusterHealth, engineSettings, ensureEngine, stopEngine } from './server.ts';

async function main(command: string): Promise<void> {
  switch (command) {
    case 'start': {
      const engine = await ensureEngine();
      console.log(`Elasticsearch: ${engine.url}${engine.started ? ' (started)' : ' (already running)'}`);
      if (engine.logFile) console.log(`Log: ${engine.logFile}`);
      return;
    }
    case 'stop':
      await stopEngine();
      return;
    case 'status': {
      const url = process.env.ELASTICSEARCH_URL ?? engineSettings().url;
      const status = await clusterHealth(url);
      console.log(status ? `${url}: ${status}` : `${url}: not running`);
      process.exitCode = status ? 0 : 1;
      return;
    }
    case 'install':
      installDistribution(engineSettings(), console.log);
      console.log(`Elasticsearch distribution ready in ${engineSettings().homeDir}`);
      return;
    default:
      throw new Error(`unknown command "${command}"; use start, stop, status or install`);
  }
}

main(process.argv[2] ?? 'start').catch((error: Error) => {
  console.error(`engine: ${error.message}`);
  process.exit(1);
});
