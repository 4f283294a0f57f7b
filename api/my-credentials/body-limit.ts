/**
 * The GraphQL body parser. Every request body is capped at 64 kB (no
 * operation needs more), except that a signed-in earner may send up to
 * `UPLOAD_BODY_LIMIT`: `addMyCredentials` carries files as base64 (about
 * 4/3 of `INTAKE_LIMITS.maxEarnerTotalBytes`). The session is checked only
 * for a body announced larger than 64 kB, so ordinary requests cost nothing
 * more; anyone else (or a body without a length) gets the 64 kB limit.
 *
 * Why base64 in GraphQL rather than multipart: one typed contract
 * (`addMyCredentials`) for the web app and any client, the same errors,
 * limits and request ids as every other operation, and no second parser
 * (Apollo Server 5 has no multipart support of its own).
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ViewerResolver } from '../viewer.ts';

const SMALL = 64 * 1024;
/** 8 MiB of files in base64, plus names, URLs and the operation. */
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024;

export function graphqlBody(resolveViewer: ViewerResolver | undefined): RequestHandler {
  const small = express.json({ limit: SMALL });
  const large = express.json({ limit: UPLOAD_BODY_LIMIT });
  return (req: Request, res: Response, next: NextFunction) => {
    const announced = Number(req.headers['content-length'] ?? 0);
    if (!resolveViewer || !(announced > SMALL)) return small(req, res, next);
    Promise.resolve()
      .then(() => resolveViewer(req))
      .then(
        (viewer) => (viewer.role === 'earner' ? large : small)(req, res, next),
        () => small(req, res, next),
      );
  };
}
