/** Starts the API server: `tsx api/main.ts` (npm start does this after the engine is up). */
import type { Server } from 'node:http';
import { createEngineClient } from '../mappings/connection.ts';
import { ensureAllIndices } from '../mappings/indices.ts';
import { createApp } from './app.ts';
import { apiConfigFromEnv, type ApiConfig } from './config.ts';
import { contextFactory } from './context.ts';
import { createSearchEngine } from './engine.ts';
import { createGraphqlServer } from './graphql/server.ts';
import { tokenViewerResolver } from './accounts/token-viewer.ts';
import { createLogger } from './log.ts';
import { createPlatform } from './platform.ts';
import type { ViewerResolver } from './viewer.ts';

export interface RunningApi {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Who is asking, per request; by default the session token of `Authorization: Bearer`. */
  resolveViewer?: ViewerResolver;
  /** The clock for date filters (tests pin it). */
  now?: () => Date;
}

export async function startApi(config: ApiConfig = apiConfigFromEnv(), options: StartOptions = {}): Promise<RunningApi> {
  const log = createLogger(config.logLevel);
  const engine = createEngineClient(config.engine, { requestTimeoutMs: config.requestTimeoutMs });
  await ensureAllIndices({ client: engine, prefix: config.engine.indexPrefix, replicas: config.engine.replicas });
  const graphqlServer = createGraphqlServer(log);
  await graphqlServer.start();
  const platform = createPlatform(engine, config, log);
  const context = contextFactory({
    engine: createSearchEngine(engine, config.engine.indexPrefix, log),
    resolveViewer: options.resolveViewer ?? tokenViewerResolver({ accounts: platform.accounts, sessions: platform.sessions, ...(options.now ? { now: options.now } : {}) }),
    platform,
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createApp({ config, engine, log, graphql: { server: graphqlServer, context } });
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
      await graphqlServer.stop();
      await platform.outbox.close();
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
