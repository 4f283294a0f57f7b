/**
 * The Express application: health endpoints, GraphQL at /graphql, its IDE at
 * /graphql/ide (not in production); the web build mounts here. Every response
 * carries `X-Request-Id`; an error never shows a stack trace or a server path.
 */
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
import { shortlistCsvHandler } from './shortlists/csv-route.ts';
import { assignRequestId, requestIdOf } from './request-id.ts';
import { webStatic } from './web-static.ts';
import { issuerPushRoute } from './issuer-push/route.ts';
import type { Platform } from './platform.ts';
import { graphqlBody } from './my-credentials/body-limit.ts';
import type { ViewerResolver } from './viewer.ts';

/** A started Apollo server and the function that builds each request's context. */
export interface GraphqlMount {
  server: ApolloServer<RequestContext>;
  context: (args: { req: Request }) => Promise<RequestContext>;
  /** Who asks: lets a signed-in earner send a body large enough to add badges (`my-credentials/body-limit.ts`). */
  resolveViewer?: ViewerResolver;
}

export interface AppDependencies {
  config: ApiConfig;
  engine: Client;
  log: Logger;
  /** Mounted at /graphql when given. */
  graphql?: GraphqlMount;
  /** Issuers' push endpoint (POST /api/issuer/credentials) when given. */
  platform?: Platform;
}

export function createApp({ config, engine, log, graphql, platform }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(assignRequestId);
  app.use(securityHeaders);
  app.use(requestLog(log));
  app.get('/health', healthHandler(engine));
  app.get('/ready', readyHandler(engine, config.engine.indexPrefix));
  if (graphql) {
    // Before the GraphQL mount, which would otherwise take /graphql/ide as a GraphQL GET. Production has no IDE.
    if (!config.production) app.use('/graphql/ide', graphiqlRouter());
    app.use(
      '/graphql',
      // No listed origins: same origin only (no CORS headers at all).
      cors({
        origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
        maxAge: 600,
      }),
      graphqlBody(graphql.resolveViewer),
      expressMiddleware(graphql.server, { context: graphql.context }),
    );
    // CSV downloads: GET with a bearer token, the file name readable by the page.
    const csvCors = cors({
      origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
      methods: ['GET'],
      allowedHeaders: ['authorization'],
      exposedHeaders: ['content-disposition'],
      maxAge: 600,
    });
    // The skill-gap report as CSV: same viewer, services and suppression as GraphQL.
    app.get('/reports/skill-gap.csv', csvCors, skillGapCsvHandler(graphql.context, log));
    // A shortlist as CSV: the employer's own list, read through the same privacy rules as GraphQL.
    app.get('/shortlists/:id.csv', csvCors, shortlistCsvHandler(graphql.context, log));
  }
  // No CORS: issuers push from their servers, not from browsers.
  if (platform) app.post('/api/issuer/credentials', ...issuerPushRoute(platform, log));
  app.use(webStatic());
  app.use(errorAnswer(log));
  return app;
}

/** Body parser errors Express raises, by `type`, in words for the caller. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large (at most 64 kB).',
  'encoding.unsupported': 'The request body has an unsupported encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request body was cut off.',
};

/**
 * The last handler: any error that reached Express (a malformed or oversized
 * body, a bug) answers in the GraphQL error shape with the request id, in
 * every mode; Express's own handler would print the stack and server paths.
 */
function errorAnswer(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = requestIdOf(req);
    const { status, type } = error as { status?: number; type?: string };
    const { limit } = error as { limit?: number };
    // Earners adding badges have a larger limit than the 64 kB of every other body (`my-credentials/body-limit.ts`).
    const known =
      type === 'entity.too.large' && typeof limit === 'number'
        ? `The request body is too large (at most ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} kB`}).`
        : type
          ? BODY_ERRORS[type]
          : undefined;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (known === undefined || !clientError)
      log.error('request failed', {
        requestId,
        method: req.method,
        path: req.path,
        message: (error as Error)?.message,
        stack: (error as Error)?.stack,
      });
    if (res.headersSent) return;
    const message = known ?? (clientError ? 'The request could not be read.' : 'Something went wrong on our side; try again later.');
    res
      .status(clientError ? status : 500)
      .json({ errors: [{ message, extensions: { code: clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', requestId } }] });
  };
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
      log.info('request', {
        requestId: requestIdOf(req),
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}
