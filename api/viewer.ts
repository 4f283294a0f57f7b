/**
 * Who is asking. The server plugs in `accounts/token-viewer.ts`, which reads
 * `Authorization: Bearer <token>`; without a token the caller is anonymous.
 * Tests plug in the viewer they need.
 */
import type { Request } from 'express';

export const ROLES = ['anonymous', 'employer', 'earner', 'agency', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller of one request. */
export interface Viewer {
  role: Role;
  /** The signed-in account, absent for anonymous callers. */
  accountId?: string;
  /** For earners: the earner profile the account has claimed. */
  earnerId?: string;
  /** The signed-in account's address (shown back to its owner only). */
  email?: string;
  /** Employers and agencies: their organisation. */
  organisation?: string;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: 'anonymous' });

/** Resolves the viewer of a request; throwing an UnauthenticatedError rejects a bad credential. */
export type ViewerResolver = (request: Request) => Viewer | Promise<Viewer>;

export const anonymousViewer: ViewerResolver = () => ANONYMOUS;

/** A resolver that returns the same viewer for every request (tests, single-user tools). */
export const fixedViewer =
  (viewer: Viewer): ViewerResolver =>
  () =>
    viewer;
