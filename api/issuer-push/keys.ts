/**
 * Issuer API keys: `tdk_<id>_<secret>`. The id (random, 16 hex
 * characters) finds the stored record; the secret (32 random bytes) is shown
 * once and stored only as its SHA-256: a key this random needs no slow hash,
 * and a leaked index gives nobody a working key. Pure.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY = /^tdk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newIssuerApiKey(): { id: string; secret: string; key: string; secretHash: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: `tdk_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The id and secret of a presented key, or undefined when it does not have the shape of one. */
export function parseIssuerApiKey(key: string): { id: string; secret: string } | undefined {
  const match = KEY.exec(key.trim());
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(secretHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
