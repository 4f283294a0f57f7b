/**
 * Indexer configuration, parsed once: environment variables, with command
 * line flags layered on top by the CLI. Every default is here.
 */
import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../mappings/env.ts';
import { connectionFromEnv, type EngineConnection } from '../mappings/connection.ts';
import { parseAllowHosts } from './net/address-policy.ts';
import { parseResolveMapping, type ResolveMapping } from './verify/resolver.ts';

const schema = z.object({
  /** `PREFIX=TARGET` pairs, comma-separated, as `--resolve` takes them. */
  INDEXER_RESOLVE: z.string().default(''),
  INDEXER_PATHWAYS: z.string().optional(),
  INDEXER_REJECTS_DIR: z.string().default(path.join('.cache', 'rejects')),
  /** Sources (files, folders, URLs) the refresh job re-ingests, comma-separated. */
  INDEXER_SOURCES: z.string().default(''),
  INDEXER_REVERIFY_CRON: z.string().default('0 3 * * *'),
  INDEXER_REFRESH_CRON: z.string().default('0 */6 * * *'),
  /** `false`: fetch nothing that no `--resolve` mapping covers. `true` fetches public addresses only. */
  INDEXER_ALLOW_NETWORK: z.enum(['true', 'false']).default('true'),
  /** Development allowance: `host:port` entries, comma-separated, that may be loopback or private (e.g. `127.0.0.1:3100`). */
  INDEXER_ALLOW_HOSTS: z.string().default(''),
  INDEXER_VERIFY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  INDEXER_CHUNK_SIZE: z.coerce.number().int().min(1).max(50_000).default(1000),
  INDEXER_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export interface IndexerConfig {
  engine: EngineConnection;
  resolve: ResolveMapping[];
  pathwaysFile?: string;
  rejectsDir: string;
  sources: string[];
  reverifyCron: string;
  refreshCron: string;
  allowNetwork: boolean;
  /** `host:port` entries fetched although private (development only). */
  allowHosts: string[];
  verifyConcurrency: number;
  chunkSize: number;
  httpTimeoutMs: number;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function indexerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const c = parseEnv(schema, env, 'indexer');
  return {
    engine: connectionFromEnv(env),
    resolve: list(c.INDEXER_RESOLVE).map((spec) => {
      try {
        return parseResolveMapping(spec);
      } catch (error) {
        throw new Error(`INDEXER_RESOLVE: ${(error as Error).message}`);
      }
    }),
    ...(c.INDEXER_PATHWAYS ? { pathwaysFile: c.INDEXER_PATHWAYS } : {}),
    rejectsDir: c.INDEXER_REJECTS_DIR,
    sources: list(c.INDEXER_SOURCES),
    reverifyCron: c.INDEXER_REVERIFY_CRON,
    refreshCron: c.INDEXER_REFRESH_CRON,
    allowNetwork: c.INDEXER_ALLOW_NETWORK === 'true',
    allowHosts: (() => {
      try {
        return parseAllowHosts(list(c.INDEXER_ALLOW_HOSTS));
      } catch (error) {
        throw new Error(`INDEXER_ALLOW_HOSTS: ${(error as Error).message}`);
      }
    })(),
    verifyConcurrency: c.INDEXER_VERIFY_CONCURRENCY,
    chunkSize: c.INDEXER_CHUNK_SIZE,
    httpTimeoutMs: c.INDEXER_HTTP_TIMEOUT_MS,
  };
}
