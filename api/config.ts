/**
 * API configuration, parsed and validated once at start-up. Every default is
 * here; a bad value stops the server with a message naming the variable.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { parseEnv } from '../mappings/env.ts';
import { connectionFromEnv, type EngineConnection } from '../mappings/connection.ts';

const apiSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Comma-separated origins allowed to call the API from a browser; empty means same origin only. */
    CORS_ORIGINS: z.string().default(''),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    NODE_ENV: z.string().default('development'),
    TALENT_CACHE_DIR: z.string().min(1).default('.cache'),
    /** Signs session tokens. Required in production; in development one is generated and kept in the cache dir. */
    SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(8 * 3600),
    /** Where links in messages point (the web app's origin). */
    PUBLIC_URL: z.url({ message: 'must be a URL such as https://talent.example' }).optional(),
    CLAIM_TOKEN_TTL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(24 * 60),
    /** Where messages go when SMTP_URL is not set: JSON lines in a file, or the outbox index. */
    OUTBOX: z.enum(['file', 'index']).default('file'),
    OUTBOX_DIR: z.string().min(1).optional(),
    SMTP_URL: z.url({ message: 'must be a URL such as smtps://user:pass@mail.example:465' }).optional(),
    MAIL_FROM: z.string().min(3).default('Talent directory <no-reply@talent-directory.invalid>'),
    /** Contact requests one employer may send per window. */
    CONTACT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
    CONTACT_RATE_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
    /** Skill-gap reports suppress every noised count from 1 to this minus 1. */
    REPORT_MIN_CELL: z.coerce.number().int().min(2).max(1000).default(5),
    /** Keys the reports' per-cell noise; required in production (development generates one into the cache). */
    REPORT_NOISE_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    /** When the skill-gap snapshot job runs (node-cron syntax; a leading seconds field is allowed). */
    REPORT_SNAPSHOT_CRON: z
      .string()
      .default('15 2 * * *')
      .refine((expression) => cron.validate(expression), { message: 'must be a cron expression such as "15 2 * * *"' }),
    /** `false`: the API does not schedule snapshots (tests; a deployment that runs them elsewhere). */
    REPORT_SNAPSHOTS_ENABLED: z.enum(['true', 'false']).default('true'),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.SESSION_SECRET !== undefined, {
    path: ['SESSION_SECRET'],
    message: 'must be set in production (at least 32 random characters)',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.REPORT_NOISE_SECRET !== undefined, {
    path: ['REPORT_NOISE_SECRET'],
    message: 'must be set in production (at least 32 random characters, the same on every API instance)',
  });

/** Sign-in and session settings. */
export interface AuthConfig {
  /** Absent in development: `accounts/session-secret.ts` generates and keeps one. */
  sessionSecret?: string;
  sessionTtlSeconds: number;
  claimTokenTtlMinutes: number;
  /** Origin of links sent in messages, without a trailing slash. */
  publicUrl: string;
  /** Holds the generated development session secret. */
  cacheDir: string;
}

/** Where outgoing messages go: SMTP when configured, else a file or the outbox index. */
export interface OutboxConfig {
  kind: 'file' | 'index' | 'smtp';
  /** Folder of the file outbox (`messages.jsonl` inside). */
  dir: string;
  smtpUrl?: string;
  from: string;
}

/** Contact requests per employer per window, counted from the contacts index. */
export interface ContactConfig {
  rateLimit: number;
  windowHours: number;
}

/** Skill-gap reports: the disclosure control and the snapshot schedule. */
export interface ReportConfig {
  /** Noised counts from 1 to `minCell - 1` are suppressed in every output. */
  minCell: number;
  /** Absent in development: `reports/noise-secret.ts` generates and keeps one. */
  noiseSecret?: string;
  /** Holds the generated development noise secret. */
  cacheDir: string;
  snapshotCron: string;
  snapshotsEnabled: boolean;
}

export interface ApiConfig {
  port: number;
  host: string;
  corsOrigins: string[];
  requestTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  engine: EngineConnection;
  auth: AuthConfig;
  outbox: OutboxConfig;
  contacts: ContactConfig;
  reports: ReportConfig;
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const c = parseEnv(apiSchema, env, 'API');
  return {
    port: c.PORT,
    host: c.HOST,
    corsOrigins: c.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    logLevel: c.LOG_LEVEL,
    engine: connectionFromEnv(env),
    auth: {
      ...(c.SESSION_SECRET ? { sessionSecret: c.SESSION_SECRET } : {}),
      sessionTtlSeconds: c.SESSION_TTL_SECONDS,
      claimTokenTtlMinutes: c.CLAIM_TOKEN_TTL_MINUTES,
      publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT || 3000}`).replace(/\/+$/, ''),
      cacheDir: c.TALENT_CACHE_DIR,
    },
    outbox: {
      kind: c.SMTP_URL ? 'smtp' : c.OUTBOX,
      dir: c.OUTBOX_DIR ?? `${c.TALENT_CACHE_DIR}/outbox`,
      ...(c.SMTP_URL ? { smtpUrl: c.SMTP_URL } : {}),
      from: c.MAIL_FROM,
    },
    contacts: { rateLimit: c.CONTACT_RATE_LIMIT, windowHours: c.CONTACT_RATE_WINDOW_HOURS },
    reports: {
      minCell: c.REPORT_MIN_CELL,
      ...(c.REPORT_NOISE_SECRET ? { noiseSecret: c.REPORT_NOISE_SECRET } : {}),
      cacheDir: c.TALENT_CACHE_DIR,
      snapshotCron: c.REPORT_SNAPSHOT_CRON, snapshotsEnabled: c.REPORT_SNAPSHOTS_ENABLED === 'true',
    },
  };
}
