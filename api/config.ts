/**
 * API configuration, parsed and validated once at start-up. Every default is
 * here; a bad value stops the server with a message naming the variable.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { parseEnv } from '../mappings/env.ts';
import { connectionFromEnv, type EngineConnection } from '../mappings/connection.ts';
import { INTAKE_LIMITS } from '../mappings/credential-intake.ts';
import { INTAKE_TOKEN_MIN_LENGTH } from '../mappings/credential-intake-wire.ts';

const apiSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /**
     * Express's "trust proxy": which proxies may set X-Forwarded-For (the client IP of per-IP limits).
     * `false` (default: the socket's address), `true`, a hop count, or addresses/subnets such as `loopback,10.0.0.0/8`.
     */
    TRUST_PROXY: z.string().default('false'),
    /** Comma-separated origins allowed to call the API from a browser; empty means same origin only. */
    CORS_ORIGINS: z.string().default(''),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    NODE_ENV: z.string().default('development'),
    TALENT_CACHE_DIR: z.string().min(1).default('.cache'),
    /** Signs session tokens. Required in production; in development one is generated and kept in the cache dir. */
    SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    SESSION_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(8 * 3600),
    /** Where links in messages point (the web app's origin). */
    PUBLIC_URL: z.url({ message: 'must be a URL such as https://talent.example' }).optional(),
    CLAIM_TOKEN_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(24 * 60),
    /** Where messages go when SMTP_URL is not set: JSON lines in a file, or the outbox index. */
    OUTBOX: z.enum(['file', 'index']).default('file'),
    OUTBOX_DIR: z.string().min(1).optional(),
    SMTP_URL: z.url({ message: 'must be a URL such as smtps://user:pass@mail.example:465' }).optional(),
    MAIL_FROM: z.string().min(3).default('Talent directory <no-reply@talent-directory.invalid>'),
    /** Contact requests one employer may send per window. */
    CONTACT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
    CONTACT_RATE_WINDOW_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
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
    /** When saved-search alerts run (daily and weekly ones are due a day or a week after their last run). */
    SAVED_SEARCH_ALERT_CRON: z
      .string()
      .default('30 6 * * *')
      .refine((expression) => cron.validate(expression), { message: 'must be a cron expression such as "30 6 * * *"' }),
    /** `false`: the API does not schedule saved-search alerts (tests run the job on demand). */
    SAVED_SEARCH_ALERTS_ENABLED: z.enum(['true', 'false']).default('true'),
    /** Cost of one GraphQL operation (fields times the lists they sit in) for signed-in and anonymous callers. */
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
    GRAPHQL_ANONYMOUS_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(600),
    GRAPHQL_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1000).max(1_000_000_000).default(5_000_000),
    GRAPHQL_TIME_BUDGET_MS: z.coerce.number().int().min(10).max(600_000).default(15_000),
    /** Failed sign-ins allowed before back-off starts, per account and per client IP. */
    LOGIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_FREE_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
    /** The first back-off; each further failure doubles it, up to LOGIN_MAX_BACKOFF_SECONDS. */
    LOGIN_BACKOFF_SECONDS: z.coerce.number().min(0.01).max(3600).default(1),
    LOGIN_MAX_BACKOFF_SECONDS: z.coerce.number().min(0.01).max(86_400).default(900),
    /** Claim links one address may be sent, and one client IP may ask for, per hour. */
    CLAIM_LINKS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(3),
    CLAIM_LINKS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
    /** How long a password-reset link works (an employer's set-up link after approval lasts CLAIM_TOKEN_TTL_MINUTES). */
    PASSWORD_RESET_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /** Password-reset links one address may be sent, and one client IP may ask for, per hour. */
    PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(3),
    PASSWORD_RESETS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Employer account requests per address, and per client IP, per hour. */
    EMPLOYER_SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(2),
    EMPLOYER_SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(5),
    /** The indexer's intake service (`npm run indexer -- serve-intake`) for an API started alone; unset: none (npm start hands its own). */
    INTAKE_URL: z.url({ message: 'must be a URL such as http://indexer:3200' }).optional(),
    /** The secret the intake service checks; required with INTAKE_URL. */
    INTAKE_TOKEN: z
      .string()
      .min(INTAKE_TOKEN_MIN_LENGTH, { message: `must be at least ${INTAKE_TOKEN_MIN_LENGTH} characters` })
      .optional(),
    /** How long one call to the intake service may take before the request answers SERVICE_UNAVAILABLE. */
    INTAKE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** Files and URLs one earner may add per minute (a whole request always fits an empty minute). */
    INTAKE_EARNER_ITEMS_PER_MINUTE: z.coerce.number().int().min(INTAKE_LIMITS.maxEarnerItems).max(100_000).default(60),
    /** Push requests, and credentials pushed, per issuer API key per minute. */
    ISSUER_PUSH_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    ISSUER_PUSH_CREDENTIALS_PER_MINUTE: z.coerce.number().int().min(INTAKE_LIMITS.maxPushItems).max(10_000_000).default(5_000),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.SESSION_SECRET !== undefined, {
    path: ['SESSION_SECRET'],
    message: 'must be set in production (at least 32 random characters)',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.REPORT_NOISE_SECRET !== undefined, {
    path: ['REPORT_NOISE_SECRET'],
    message: 'must be set in production (at least 32 random characters, the same on every API instance)',
  })
  // The intake service refuses every caller without its secret: an API sent there without one would only ever fail.
  .refine((c) => c.INTAKE_URL === undefined || c.INTAKE_TOKEN !== undefined, {
    path: ['INTAKE_TOKEN'],
    message: "must be set with INTAKE_URL (the intake service's shared secret, at least 32 characters)",
  });

/** Sign-in and session settings. */
export interface AuthConfig {
  /** Absent in development: `accounts/session-secret.ts` generates and keeps one. */
  sessionSecret?: string;
  sessionTtlSeconds: number;
  claimTokenTtlMinutes: number;
  passwordResetTtlMinutes: number;
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

/** Saved-search alerts: when the job runs. */
export interface SavedSearchConfig {
  alertCron: string;
  alertsEnabled: boolean;
}

/** Limits of one GraphQL operation (see `graphql/operation-budget.ts`). */
export interface GraphqlLimits {
  anonymousMaxCost: number;
  maxCost: number;
  maxResolvedFields: number;
  maxResponseBytes: number;
  timeBudgetMs: number;
}

/** Sign-in back-off and claim-link limits (see `accounts/throttle.ts`). */
export interface AbuseLimits {
  loginFreeAttempts: number;
  loginFreeAttemptsPerIp: number;
  loginBackoffMs: number;
  loginMaxBackoffMs: number;
  claimLinksPerAddressPerHour: number;
  claimLinksPerIpPerHour: number;
  passwordResetsPerAddressPerHour: number;
  passwordResetsPerIpPerHour: number;
  employerSignupsPerAddressPerHour: number;
  employerSignupsPerIpPerHour: number;
}

/** The indexer's intake service, reached over HTTP (`intake-client/http-intake.ts`). */
export interface IntakeClientConfig {
  url: string;
  token: string;
  timeoutMs: number;
}

/** Rate limits of credential intake, per earner and per issuer API key, per minute (kept in memory). */
export interface IntakeRateLimits {
  earnerItemsPerMinute: number;
  pushRequestsPerMinute: number;
  pushCredentialsPerMinute: number;
}

export interface ApiConfig {
  /** NODE_ENV=production: no introspection, no IDE, no field suggestions. */
  production: boolean;
  /** Express "trust proxy" value. */
  trustProxy: boolean | number | string;
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
  savedSearches: SavedSearchConfig;
  graphql: GraphqlLimits;
  abuse: AbuseLimits;
  /** Absent: no intake service configured (npm start and tests hand the API an in-process intake instead). */
  intake?: IntakeClientConfig;
  intakeLimits: IntakeRateLimits;
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const c = parseEnv(apiSchema, env, 'API');
  return {
    production: c.NODE_ENV === 'production',
    trustProxy:
      c.TRUST_PROXY === 'true'
        ? true
        : c.TRUST_PROXY === 'false'
          ? false
          : /^\d+$/.test(c.TRUST_PROXY)
            ? Number(c.TRUST_PROXY)
            : c.TRUST_PROXY,
    port: c.PORT,
    host: c.HOST,
    corsOrigins: c.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    logLevel: c.LOG_LEVEL,
    engine: connectionFromEnv(env),
    auth: {
      ...(c.SESSION_SECRET ? { sessionSecret: c.SESSION_SECRET } : {}),
      sessionTtlSeconds: c.SESSION_TTL_SECONDS,
      claimTokenTtlMinutes: c.CLAIM_TOKEN_TTL_MINUTES,
      passwordResetTtlMinutes: c.PASSWORD_RESET_TTL_MINUTES,
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
      snapshotCron: c.REPORT_SNAPSHOT_CRON,
      snapshotsEnabled: c.REPORT_SNAPSHOTS_ENABLED === 'true',
    },
    savedSearches: { alertCron: c.SAVED_SEARCH_ALERT_CRON, alertsEnabled: c.SAVED_SEARCH_ALERTS_ENABLED === 'true' },
    graphql: {
      anonymousMaxCost: c.GRAPHQL_ANONYMOUS_MAX_COST,
      maxCost: c.GRAPHQL_MAX_COST,
      // A backstop behind the cost estimate, which counts about one per field.
      maxResolvedFields: c.GRAPHQL_MAX_COST * 2,
      maxResponseBytes: c.GRAPHQL_MAX_RESPONSE_BYTES,
      timeBudgetMs: c.GRAPHQL_TIME_BUDGET_MS,
    },
    abuse: {
      loginFreeAttempts: c.LOGIN_FREE_ATTEMPTS,
      loginFreeAttemptsPerIp: c.LOGIN_FREE_ATTEMPTS_PER_IP,
      loginBackoffMs: Math.round(c.LOGIN_BACKOFF_SECONDS * 1000),
      loginMaxBackoffMs: Math.round(c.LOGIN_MAX_BACKOFF_SECONDS * 1000),
      claimLinksPerAddressPerHour: c.CLAIM_LINKS_PER_ADDRESS_PER_HOUR,
      claimLinksPerIpPerHour: c.CLAIM_LINKS_PER_IP_PER_HOUR,
      passwordResetsPerAddressPerHour: c.PASSWORD_RESETS_PER_ADDRESS_PER_HOUR,
      passwordResetsPerIpPerHour: c.PASSWORD_RESETS_PER_IP_PER_HOUR,
      employerSignupsPerAddressPerHour: c.EMPLOYER_SIGNUPS_PER_ADDRESS_PER_HOUR,
      employerSignupsPerIpPerHour: c.EMPLOYER_SIGNUPS_PER_IP_PER_HOUR,
    },
    ...(c.INTAKE_URL && c.INTAKE_TOKEN ? { intake: { url: c.INTAKE_URL, token: c.INTAKE_TOKEN, timeoutMs: c.INTAKE_TIMEOUT_MS } } : {}),
    intakeLimits: {
      earnerItemsPerMinute: c.INTAKE_EARNER_ITEMS_PER_MINUTE,
      pushRequestsPerMinute: c.ISSUER_PUSH_REQUESTS_PER_MINUTE,
      pushCredentialsPerMinute: c.ISSUER_PUSH_CREDENTIALS_PER_MINUTE,
    },
  };
}
