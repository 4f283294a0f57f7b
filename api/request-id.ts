/**
 * Every request gets a random id, sent back as `X-Request-Id` and carried by
 * its log lines and GraphQL errors (`extensions.requestId`), so a user's
 * report of an error finds its log entry. The caller's own header is ignored:
 * ids are never chosen by clients.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

const ids = new WeakMap<Request, string>();

export function newRequestId(): string {
  return randomUUID();
}

/** The id of a request (one is made if the middleware did not run). */
export function requestIdOf(req: Request): string {
  let id = ids.get(req);
  if (!id) {
    id = newRequestId();
    ids.set(req, id);
  }
  return id;
}

export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  res.setHeader(REQUEST_ID_HEADER, requestIdOf(req));
  next();
}
