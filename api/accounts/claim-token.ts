/** One-time claim links: a random token in the link, only its hash stored. Pure apart from randomness. */
import { createHash, randomBytes } from 'node:crypto';
import type { ClaimTokenDocument } from '../../mappings/claim-tokens.ts';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newClaimToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashClaimToken(token) };
}

export function hashClaimToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeClaimToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function claimLink(publicUrl: string, token: string): string {
  return `${publicUrl}/claim?token=${encodeURIComponent(token)}`;
}

/** Why a stored token (a claim link, a password link) can no longer be used, if it cannot. */
export function claimTokenProblem(token: Pick<ClaimTokenDocument, 'usedAt' | 'expiresAt'>, now: Date): 'used' | 'expired' | undefined {
  if (token.usedAt) return 'used';
  if (Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return undefined;
}
