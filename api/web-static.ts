/**
 * Serves the built web app (`web/build`) at `/`: hashed assets with long
 * cache headers, and `index.html` for every other page path so the app's own
 * router handles it (not for the API's paths).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

export const DEFAULT_WEB_BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'build');

/** Paths the API owns: never answered with the app. */
const API_PATHS = ['/graphql', '/health', '/ready'];

/** The app's own scripts and styles only; badge images may come from issuers' sites. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function isApiPath(urlPath: string): boolean {
  return API_PATHS.some((p) => urlPath === p || urlPath.startsWith(`${p}/`));
}

export function webStatic(buildDir: string = DEFAULT_WEB_BUILD): Router {
  const router = express.Router();
  const indexFile = path.join(buildDir, 'index.html');

  // File names under assets/ carry a content hash: cache them for a year.
  router.use(
    '/assets',
    express.static(path.join(buildDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }),
  );
  router.use(express.static(buildDir, { index: false, maxAge: '1h' }));

  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || req.path.startsWith('/assets/')) return next();
    if (!existsSync(indexFile)) {
      res.status(404).type('text/plain').send('The web app is not built yet: run `npm run build:web`.');
      return;
    }
    // The page must always be fresh so it names the current hashed assets.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.sendFile(indexFile);
  });
  return router;
}
