/**
 * Session tokens: HS256 JWTs (jose) naming the account and the session
 * version it was issued under. Logout bumps the account's version, which
 * invalidates every token issued before it. Pure apart from the clock.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AccountRole } from '../../mappings/accounts.ts';

const ISSUER = 'talent-directory';
const AUDIENCE = 'talent-directory-api';

/** What a valid token says. */
export interface SessionClaims {
  accountId: string;
  role: AccountRole;
  sessionVersion: number;
}

export interface SessionKeys {
  key: Uint8Array;
  ttlSeconds: number;
}

export function sessionKeys(secret: string, ttlSeconds: number): SessionKeys {
  return { key: new TextEncoder().encode(secret), ttlSeconds };
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export async function signSession(keys: SessionKeys, claims: SessionClaims, now: Date): Promise<IssuedSession> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + keys.ttlSeconds) * 1000);
  const token = await new SignJWT({ role: claims.role, sv: claims.sessionVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keys.key);
  return { token, expiresAt };
}

/** Why a token was refused, in words a user can act on. */
export type SessionProblem = 'expired' | 'invalid';

/** Clocks of the machines behind one deployment may differ by this much. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * A token must say when it was issued and when it expires: one without `exp`
 * would never expire, one issued in the future (beyond the skew) or living
 * longer than the configured lifetime was not made by `signSession`.
 */
export async function verifySession(keys: SessionKeys, token: string, now: Date): Promise<SessionClaims | SessionProblem> {
  try {
    const { payload } = await jwtVerify(token, keys.key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    const nowSeconds = now.getTime() / 1000;
    if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number') return 'invalid';
    if (payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'invalid';
    if (payload.exp - payload.iat > keys.ttlSeconds + CLOCK_SKEW_SECONDS) return 'invalid';
    if (typeof payload.sub !== 'string' || typeof payload.sv !== 'number' || typeof payload.role !== 'string') return 'invalid';
    return { accountId: payload.sub, role: payload.role as AccountRole, sessionVersion: payload.sv };
  } catch (error) {
    return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
  }
}

/** The token of `Authorization: Bearer <token>`; undefined without the header, null when it is malformed. */
export function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
