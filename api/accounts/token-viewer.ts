/**
 * The viewer of a request, from `Authorization: Bearer <token>`: no header is
 * an anonymous caller; a malformed, forged or expired token, or one issued
 * before the account signed out, is refused with UNAUTHENTICATED.
 */
import type { AccountDocument } from '../../mappings/accounts.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { AccountStore } from '../stores/accounts.ts';
import { ANONYMOUS, type Viewer, type ViewerResolver } from '../viewer.ts';
import { bearerToken, verifySession, type SessionKeys } from './session.ts';

export function viewerOf(account: AccountDocument): Viewer {
  return {
    role: account.role,
    accountId: account.id,
    email: account.email,
    ...(account.earnerId ? { earnerId: account.earnerId } : {}),
    ...(account.organisation ? { organisation: account.organisation } : {}),
  };
}

export interface TokenViewerDependencies {
  accounts: AccountStore;
  sessions: SessionKeys;
  now?: () => Date;
}

export function tokenViewerResolver({ accounts, sessions, now = () => new Date() }: TokenViewerDependencies): ViewerResolver {
  return async (request) => {
    const token = bearerToken(request.get('authorization'));
    if (token === undefined) return ANONYMOUS;
    if (token === null) throw new UnauthenticatedError('Send the session token as "Authorization: Bearer <token>".');
    const claims = await verifySession(sessions, token, now());
    if (claims === 'expired') throw new UnauthenticatedError('Your session has expired; sign in again.');
    if (claims === 'invalid') throw new UnauthenticatedError('Your session token is not valid; sign in again.');
    const account = await accounts.get(claims.accountId);
    if (!account || account.doc.sessionVersion !== claims.sessionVersion || account.doc.role !== claims.role) {
      throw new UnauthenticatedError('This session has ended (you signed out or the account changed); sign in again.');
    }
    return viewerOf(account.doc);
  };
}
