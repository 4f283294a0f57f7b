/** The Express application: health endpoints, GraphQL at /graphql, its IDE at /graphql/ide; the web build mounts here. */
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Client } from '@elastic/elasticsearch';
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ApiConfig } from './config.ts';
import { graphiqlRouter } from './graphql/ide.ts';
import type { RequestContext } from './context.ts';
import { healthHandler, readyHandler } from './health.ts';
import type { Logger } from './log.ts';
import { skillGapCsvHandler } from './reports/csv-route.ts';
import { webStatic } from './web-static.ts';

/** A started Apollo server and the function that builds each request's context. */
export interface GraphqlMount {
  server: ApolloServer<RequestContext>;
  context: (args: { req: Request }) => Promise<RequestContext>;
}

export interface AppDependencies {
  config: ApiConfig;
  engine: Client;
  log: Logger;
  /** Mounted at /graphql when given. */
  graphql?: GraphqlMount;
}

export function createApp({ config, engine, log, graphql }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(requestLog(log));
  app.get('/health', healthHandler(engine));
  app.get('/ready', readyHandler(engine, config.engine.indexPrefix));
  if (graphql) {
    // Before the GraphQL mount, which would otherwise take /graphql/ide as a GraphQL GET.
    app.use('/graphql/ide', graphiqlRouter());
    app.use(
      '/graphql',
      // No listed origins: same origin only (no CORS headers at all).
      cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'], maxAge: 600 }),
      express.json({ limit: '64kb' }),
      expressMiddleware(graphql.server, { context: graphql.context }),
    );
    // The skill-gap report as CSV: same viewer, services and suppression as GraphQL.
    app.get(
      '/reports/skill-gap.csv',
      cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, methods: ['GET'], allowedHeaders: ['authorization'], exposedHeaders: ['content-disposition'], maxAge: 600 }),
      skillGapCsvHandler(graphql.context, log),
    );
  }
  app.use(webStatic());
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
