/**
 * Runs GraphQL operations through the real Apollo server (validation, limits,
 * formatError) against the real engine, with a chosen viewer, and counts the
 * engine requests each operation makes.
 */
import type { Client } from '@elastic/elasticsearch';
import { buildContext } from '../../api/context.ts';
import { createSearchEngine, type EarnerIndexLayout } from '../../api/engine.ts';
import { createGraphqlServer, type GraphqlServerOptions } from '../../api/graphql/server.ts';
import { createLogger } from '../../api/log.ts';
import type { Viewer } from '../../api/viewer.ts';
import { engineClient } from './engine.ts';

export const EMPLOYER: Viewer = { role: 'employer', accountId: 'employer-1' };

export interface GraphqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string; [key: string]: unknown } }[];
}

export interface EngineCall {
  method: string;
  path: string;
}

export interface GraphqlHarness {
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphqlResult<T>>;
  /** Engine requests made since the last `resetCalls`. */
  calls: EngineCall[];
  resetCalls(): void;
  close(): Promise<void>;
}

export async function graphqlHarness(
  prefix: string,
  now: Date,
  options: GraphqlServerOptions = {},
  layout: EarnerIndexLayout = { shards: 1, flatDefaultScope: true },
): Promise<GraphqlHarness> {
  const client: Client = engineClient();
  const calls: EngineCall[] = [];
  client.diagnostic.on('request', (_error, event) => {
    const params = event?.meta.request.params;
    if (params) calls.push({ method: params.method, path: params.path });
  });
  const log = createLogger('error', () => {});
  const engine = createSearchEngine(client, prefix, log, layout);
  const server = createGraphqlServer(log, options);
  await server.start();
  return {
    calls,
    resetCalls: () => void calls.splice(0),
    async run<T>(query: string, variables: Record<string, unknown> = {}, viewer: Viewer = EMPLOYER) {
      const response = await server.executeOperation({ query, variables }, { contextValue: buildContext(engine, viewer, () => now) });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GraphqlResult<T>;
    },
    async close() {
      await server.stop();
      await client.close();
    },
  };
}
