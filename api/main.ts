/** Starts the API server: `tsx api/main.ts` (npm start does this after the engine is up). */
import type { Server } from 'node:http';
import { createEngineClient } from '../mappings/connection.ts';
import { ensureAllIndices } from '../mappings/indices.ts';
import { createApp } from './app.ts';
import { apiConfigFromEnv, type ApiConfig } from './config.ts';
import { createLogger } from './log.ts';

export interface RunningApi {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startApi(config: ApiConfig = apiConfigFromEnv()): Promise<RunningApi> {
  const log = createLogger(config.logLevel);
  const engine = createEngineClient(config.engine, { requestTimeoutMs: config.requestTimeoutMs });
  await ensureAllIndices({ client: engine, prefix: config.engine.indexPrefix, replicas: config.engine.replicas });
  const app = createApp({ config, engine, log });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  server.requestTimeout = config.requestTimeoutMs * 3;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log.info('api listening', { url, indexPrefix: config.engine.indexPrefix });
  return {
    server,
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startApi().catch((error: Error) => {
    console.error(`api: ${error.message}`);
    process.exit(1);
  });
}
