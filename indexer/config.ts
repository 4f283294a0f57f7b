/**
 * Indexer configuration, parsed once: environment variables, with command
 * line flags layered on top by the CLI. Every default is here.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../mappings/env.ts';
import { connectionFromEnv, type EngineConnection } from '../mappings/connection.ts';
import { parseAllowHosts } from './net/address-policy.ts';
import { parseResolveMapping, type ResolveMapping } from './verify/resolver.ts';
import { INTAKE_TOKEN_MIN_LENGTH } from '../mappings/credential-intake-wire.ts';

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
  /** Verification worker threads; unset: one per core; 1 verifies in the main thread. */
  INDEXER_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  /** Old-generation heap of each verification worker, MB; unset: Node's default. A worker over it is replaced, its items rejected (VERIFY_WORKER_CRASHED). */
  INDEXER_WORKER_HEAP_MB: z.coerce.number().int().min(64).max(65_536).optional(),
  INDEXER_VERIFY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  INDEXER_CHUNK_SIZE: z.coerce.number().int().min(1).max(50_000).default(1000),
  INDEXER_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  TALENT_CACHE_DIR: z.string().min(1).default('.cache'),
  /** Folder of the filesystem snapshot repository, as the engine sees it (the local engine's `path.repo`). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Snapshot repository name; registered as a filesystem repository at BACKUP_DIR unless it already exists (S3 and others are registered by the operator). */
  BACKUP_REPOSITORY: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,60}$/, { message: 'must be lowercase letters, digits, "-" or "_"' })
    .default('talent-backups'),
  /** When the scheduled backup runs; "off" disables it. */
  BACKUP_CRON: z.string().default('30 2 * * *'),
  /** Snapshots of this index prefix kept after each backup (older ones are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** API base URLs a restore checks before it replaces data (comma-separated); a live one makes it refuse without --force. */
  API_URLS: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});

export interface BackupConfig {
  repository: string;
  /** Absolute path of the filesystem repository (used when the repository is not registered yet). */
  dir: string;
  /** Cron expression, or null when scheduled backups are off. */
  cron: string | null;
  keep: number;
  /** Where a running API would answer (restore refuses while one does). */
  apiUrls: string[];
}

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
  /** Verification worker threads (1: in the main thread). */
  workers: number;
  /** Old-generation heap limit of each verification worker, MB (INDEXER_WORKER_HEAP_MB); absent: Node's default. */
  workerHeapMb?: number;
  chunkSize: number;
  httpTimeoutMs: number;
  backup: BackupConfig;
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function indexerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const c = parseEnv(schema, env, 'indexer');
  return {
    engine: connectionFromEnv(env),
    resolve: list(c.INDEXER_RESOLVE).map((spec) => {
      try {
        return parseResolveMapping(spec);
      } catch (error) {
        throw new Error(`INDEXER_RESOLVE: ${(error as Error).message}`, { cause: error });
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
        throw new Error(`INDEXER_ALLOW_HOSTS: ${(error as Error).message}`, { cause: error });
      }
    })(),
    verifyConcurrency: c.INDEXER_VERIFY_CONCURRENCY,
    workers: c.INDEXER_WORKERS ?? availableParallelism(),
    ...(c.INDEXER_WORKER_HEAP_MB ? { workerHeapMb: c.INDEXER_WORKER_HEAP_MB } : {}),
    chunkSize: c.INDEXER_CHUNK_SIZE,
    httpTimeoutMs: c.INDEXER_HTTP_TIMEOUT_MS,
    backup: {
      repository: c.BACKUP_REPOSITORY,
      dir: path.resolve(c.BACKUP_DIR ?? path.join(c.TALENT_CACHE_DIR, 'backups')),
      cron: c.BACKUP_CRON === 'off' ? null : c.BACKUP_CRON,
      keep: c.BACKUP_KEEP,
      apiUrls: list(c.API_URLS ?? `http://127.0.0.1:${c.PORT || 3000}`).map((u) => u.replace(/\/+$/, '')),
    },
  };
}

const intakeServiceSchema = z.object({
  /** Shared secret the API presents (`Authorization: Bearer`); required, at least 32 characters. */
  INTAKE_TOKEN: z
    .string({ message: 'must be set: the shared secret the API sends (e.g. openssl rand -hex 32)' })
    .min(INTAKE_TOKEN_MIN_LENGTH, { message: `must be at least ${INTAKE_TOKEN_MIN_LENGTH} characters` }),
  INTAKE_HOST: z.string().min(1).default('127.0.0.1'),
  INTAKE_PORT: z.coerce.number().int().min(0).max(65535).default(3200),
});

/** The intake service (`serve-intake`, `schedule --intake`): where it listens and the secret callers must present. */
export interface IntakeServiceConfig {
  token: string;
  host: string;
  port: number;
}

/** Throws, naming INTAKE_TOKEN, when the secret is missing or short: the service never starts open. */
export function intakeServiceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IntakeServiceConfig {
  const c = parseEnv(intakeServiceSchema, env, 'intake service');
  return { token: c.INTAKE_TOKEN, host: c.INTAKE_HOST, port: c.INTAKE_PORT };
}
