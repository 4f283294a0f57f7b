/**
 * Sign-in and sign-out. Wrong email and wrong password get the same answer.
 * Failed sign-ins back off per address and per client IP (doubling, capped,
 * forgotten after a while): while backed off every attempt, the right
 * password included, answers RATE_LIMITED with `retryAt`, without checking it.
 */
import { isEmailAddress, normalizeEmail, accountIdFor, PASSWORD_LIMITS } from '../accounts/identity.ts';
import { DECOY_HASH, verifyPassword } from '../accounts/password.ts';
import { signSession, type IssuedSession } from '../accounts/session.ts';
import { viewerOf } from '../accounts/token-viewer.ts';
import { BadInputError, RateLimitedError, UnauthenticatedError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import type { Viewer } from '../viewer.ts';
import { requireSignedIn } from './access.ts';

export interface AuthPayload extends IssuedSession {
  viewer: Viewer;
}

export interface AccountServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
  /** The caller's address, for the per-IP back-off. */
  clientIp?: string;
}

export function checkEmail(argument: string, email: string): string {
  const normalized = normalizeEmail(email);
  if (!isEmailAddress(normalized)) throw new BadInputError(argument, 'must be an email address such as name@example.org');
  return normalized;
}

export function checkPassword(argument: string, password: string): string {
  if (password.length < PASSWORD_LIMITS.min || password.length > PASSWORD_LIMITS.max) {
    throw new BadInputError(argument, `must be ${PASSWORD_LIMITS.min} to ${PASSWORD_LIMITS.max} characters`);
  }
  return password;
}

const MAX_LOGOUT_ATTEMPTS = 5;

export function createAccountService({ platform, viewer, now, clientIp = 'unknown' }: AccountServiceDependencies) {
  return {
    async login(email: string, password: string): Promise<AuthPayload> {
      const address = checkEmail('email', email);
      if (password.length === 0 || password.length > PASSWORD_LIMITS.max)
        throw new BadInputError('password', `must be 1 to ${PASSWORD_LIMITS.max} characters`);
      const { loginByAccount, loginByIp } = platform.abuse;
      const keys = { account: `account:${address}`, ip: `ip:${clientIp}` };
      const blocked = [loginByAccount.blockedUntil(keys.account, now()), loginByIp.blockedUntil(keys.ip, now())].filter(
        (d) => d !== undefined,
      );
      if (blocked.length > 0) throw new RateLimitedError(new Date(Math.max(...blocked.map((d) => d.getTime()))), 'failed sign-in attempts');
      const account = await platform.accounts.get(accountIdFor(address));
      // Hash even for an unknown address, so timing does not tell which addresses have accounts.
      const matches = await verifyPassword(password, account?.doc.passwordHash ?? DECOY_HASH);
      if (!account || !matches) {
        // Unknown addresses count too: the back-off must not tell which addresses have accounts.
        loginByAccount.failed(keys.account, now());
        loginByIp.failed(keys.ip, now());
        throw new UnauthenticatedError('That email and password do not match an account.');
      }
      loginByAccount.succeeded(keys.account);
      const session = await signSession(
        platform.sessions,
        { accountId: account.doc.id, role: account.doc.role, sessionVersion: account.doc.sessionVersion },
        now(),
      );
      return { ...session, viewer: viewerOf(account.doc) };
    },

    /** Ends every session of the account (the token carries the version it was issued under). */
    async logout(): Promise<boolean> {
      const accountId = requireSignedIn(viewer);
      for (let attempt = 0; attempt < MAX_LOGOUT_ATTEMPTS; attempt++) {
        const account = await platform.accounts.get(accountId);
        if (!account) return true;
        const next = {
          ...account,
          doc: { ...account.doc, sessionVersion: account.doc.sessionVersion + 1, updatedAt: now().toISOString() },
        };
        if (await platform.accounts.replace(next)) return true;
      }
      throw new Error('could not sign out: the account kept changing');
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
