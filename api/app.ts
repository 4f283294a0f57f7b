/** The Express application: health endpoints now; GraphQL and the web build mount here. */
import type { Client } from '@elastic/elasticsearch';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ApiConfig } from './config.ts';
import { healthHandler, readyHandler } from './health.ts';
import type { Logger } from './log.ts';

export interface AppDependencies {
  config: ApiConfig;
  engine: Client;
  log: Logger;
}

export function createApp({ config, engine, log }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(requestLog(log));
  app.get('/health', healthHandler(engine));
  app.get('/ready', readyHandler(engine, config.engine.indexPrefix));
  return app;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info('request', { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  };
}
