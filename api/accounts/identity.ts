/** Account identity rules: how an email is normalized and which id it gets. Pure. */
import { createHash } from 'node:crypto';

/** Deliberately simple: one @, no spaces, a dot in the domain. The real check is the link we send. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmailAddress(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

/** One account per address: the id is derived from it, so a sign-in is a read by id. */
export function accountIdFor(email: string): string {
  return `acct_${createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 24)}`;
}

export const PASSWORD_LIMITS = { min: 8, max: 200 } as const;
