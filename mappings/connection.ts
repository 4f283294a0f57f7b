/**
 * How every part of the product reaches the engine: the cluster URL and the
 * index-name prefix. Parsed and validated once, with a message that names the
 * bad variable.
 */
import { Client } from '@elastic/elasticsearch';
import { z } from 'zod';
import { parseEnv } from './env.ts';

const prefixPattern = /^[a-z0-9][a-z0-9_-]{0,40}$/;

const connectionSchema = z.object({
  ELASTICSEARCH_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:9200' }).optional(),
  ENGINE_PORT: z.coerce.number().int().min(1).max(65535).default(9200),
  INDEX_PREFIX: z
    .string()
    .regex(prefixPattern, { message: 'must be 1-41 lowercase letters, digits, "-" or "_", starting with a letter or digit' })
    .default('talent'),
  INDEX_REPLICAS: z.coerce.number().int().min(0).max(5).default(0),
  INDEX_SHARDS: z.coerce.number().int().min(1).max(64).default(1),
});

export interface EngineConnection {
  /** Cluster URL (ELASTICSEARCH_URL, or the local engine on ENGINE_PORT). */
  url: string;
  /** Prefix of every index and alias name, so the demo, tests and tenants never touch each other's indices. */
  indexPrefix: string;
  /** Replicas per index: 0 for a single node; raise it on a real cluster. */
  replicas: number;
  /** Primary shards of the earners index (1 by default; see "Scaling" in the README). Every other index keeps one. */
  shards: number;
}

export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): EngineConnection {
  const c = parseEnv(connectionSchema, env, 'engine');
  return {
    url: (c.ELASTICSEARCH_URL ?? `http://127.0.0.1:${c.ENGINE_PORT}`).replace(/\/+$/, ''),
    indexPrefix: c.INDEX_PREFIX,
    replicas: c.INDEX_REPLICAS,
    shards: c.INDEX_SHARDS,
  };
}

export function isValidIndexPrefix(prefix: string): boolean {
  return prefixPattern.test(prefix);
}

export function createEngineClient(connection: Pick<EngineConnection, 'url'>, options: { requestTimeoutMs?: number } = {}): Client {
  return new Client({ node: connection.url, requestTimeout: options.requestTimeoutMs ?? 30_000, maxRetries: 2 });
}

/** What the engine says about itself, for health checks and logs. */
export interface EngineDescription {
  version: string;
  /** The root endpoint's tagline; absent on distributions without it (the integ-test zip has no `GET /`). */
  tagline?: string;
  clusterName: string;
  health: string;
}

/**
 * Reads version and health. `GET /` answers only where the rest-root module is
 * installed (full distributions and the Docker image); elsewhere the version
 * comes from the local node's info.
 */
export async function describeEngine(client: Client): Promise<EngineDescription> {
  // A health probe answers quickly or not at all: no retries.
  const quick = { maxRetries: 0, requestTimeout: 3000 };
  const health = await client.cluster.health({}, quick);
  const root = await client.transport
    .request<{ version?: { number?: string }; tagline?: string }>({ method: 'GET', path: '/' }, { ...quick, ignore: [405, 404] })
    .catch(() => undefined);
  if (root?.version?.number) {
    return { version: root.version.number, tagline: root.tagline, clusterName: health.cluster_name, health: health.status };
  }
  const nodes = await client.nodes.info({ node_id: '_local', metric: '_none' }, quick);
  const version = Object.values(nodes.nodes)[0]?.version;
  if (!version) throw new Error('the engine did not report its version');
  return { version, clusterName: health.cluster_name, health: health.status };
}
