/**
 * API configuration, parsed and validated once at start-up. Every default is
 * here; a bad value stops the server with a message naming the variable.
 */
import { z } from 'zod';
import { connectionFromEnv, type EngineConnection } from '../mappings/connection.ts';

const apiSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Comma-separated origins allowed to call the API from a browser; empty means same origin only. */
  CORS_ORIGINS: z.string().default(''),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface ApiConfig {
  port: number;
  host: string;
  corsOrigins: string[];
  requestTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  engine: EngineConnection;
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = apiSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid API configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    corsOrigins: c.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    logLevel: c.LOG_LEVEL,
    engine: connectionFromEnv(env),
  };
}
