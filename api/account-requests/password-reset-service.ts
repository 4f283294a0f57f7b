/**
 * Forgotten passwords. `requestPasswordReset` answers the same, and as fast,
 * for every address (the look-up and the sending happen after the answer),
 * and is limited per address (known or not) and per client IP. The link
 * carries a random token of which only the hash is stored; it works once,
 * expires, and a newer link or a reset ends every older one. A reset ends
 * every session of the account and signs in with the new password.
 */
import { randomBytes } from 'node:crypto';
import type { AccountDocument } from '../../mappings/accounts.ts';
import type { PasswordResetDocument } from '../../mappings/password-resets.ts';
import { claimTokenProblem, hashClaimToken, looksLikeClaimToken, newClaimToken } from '../accounts/claim-token.ts';
import { accountIdFor } from '../accounts/identity.ts';
import { hashPassword } from '../accounts/password.ts';
import { signSession } from '../accounts/session.ts';
import { viewerOf } from '../accounts/token-viewer.ts';
import { BadInputError, RateLimitedError } from '../errors.ts';
import { passwordResetMessage } from '../outbox/messages.ts';
import type { Platform } from '../platform.ts';
import type { AuthPayload } from '../services/account-service.ts';
import { checkEmailArgs, checkResetArgs } from './input.ts';

export const PASSWORD_RESET_ANSWER =
  'If this address has an account, a link to choose a new password is on its way. It works once, for a short time.';

const MAX_ACCOUNT_WRITES = 5;

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** A password nobody knows, hashed like any other: an account that has none yet costs a sign-in as long as any other. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

/**
 * Stores a new one-time link for the account, ends its older links and
 * returns the token (to send; it is never stored).
 */
export async function issuePasswordLink(
  platform: Platform,
  account: Pick<AccountDocument, 'id' | 'email'>,
  purpose: PasswordResetDocument['purpose'],
  ttlMinutes: number,
  now: Date,
): Promise<string> {
  const { token, hash } = newClaimToken();
  const { passwordResets } = platform.accountRequests;
  await passwordResets.create({
    tokenHash: hash,
    accountId: account.id,
    email: account.email,
    purpose,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
  });
  await passwordResets.deleteOthersForAccount(account.id, hash);
  return token;
}

export interface PasswordResetServiceDependencies {
  platform: Platform;
  now: () => Date;
  /** The caller's address, for the per-IP limit. */
  clientIp?: string;
}

export function createPasswordResetService({ platform, now, clientIp = 'unknown' }: PasswordResetServiceDependencies) {
  async function sendResetLink(address: string): Promise<void> {
    const account = await platform.accounts.get(accountIdFor(address));
    if (!account) return;
    const ttlMinutes = platform.auth.passwordResetTtlMinutes;
    const token = await issuePasswordLink(platform, account.doc, 'reset', ttlMinutes, now());
    await platform.outbox.send(passwordResetMessage(account.doc.email, resetLink(platform.auth.publicUrl, token), ttlMinutes));
  }

  /** The new password on the account, and every older session ended; retried while the account changes. */
  async function setPassword(accountId: string, passwordHash: string): Promise<AccountDocument> {
    for (let attempt = 0; attempt < MAX_ACCOUNT_WRITES; attempt++) {
      const account = await platform.accounts.get(accountId);
      if (!account) throw new BadInputError('token', 'The account of this link no longer exists.');
      const doc = { ...account.doc, passwordHash, sessionVersion: account.doc.sessionVersion + 1, updatedAt: now().toISOString() };
      if (await platform.accounts.replace({ ...account, doc })) return doc;
    }
    throw new Error('could not set the password: the account kept changing');
  }

  return {
    async requestPasswordReset(email: string): Promise<string> {
      const { email: address } = checkEmailArgs({ email });
      const { passwordResets, limits } = platform.abuse;
      const verdict = passwordResets.take(
        [
          { key: `address:${address}`, limit: limits.passwordResetsPerAddressPerHour },
          { key: `ip:${clientIp}`, limit: limits.passwordResetsPerIpPerHour },
        ],
        now(),
      );
      if (!verdict.allowed) throw new RateLimitedError(verdict.retryAt, 'password reset requests');
      platform.background.run('password reset link', () => sendResetLink(address));
      return PASSWORD_RESET_ANSWER;
    },

    async resetPassword(token: string, password: string): Promise<AuthPayload> {
      checkResetArgs({ token, password });
      if (!looksLikeClaimToken(token))
        throw new BadInputError('token', 'This link is not valid; check that you copied all of it, or ask for a new one.');
      const { passwordResets } = platform.accountRequests;
      const stored = await passwordResets.get(hashClaimToken(token));
      if (!stored) throw new BadInputError('token', 'This link is not valid (a newer one may have replaced it); ask for a new one.');
      const problem = claimTokenProblem(stored.doc, now());
      if (problem === 'used') throw new BadInputError('token', 'This link was already used; ask for a new one.');
      if (problem === 'expired') throw new BadInputError('token', 'This link has expired; ask for a new one.');
      const passwordHash = await hashPassword(password);
      // Marked used before the password changes: of two racing uses, exactly one wins.
      if (!(await passwordResets.markUsed(stored, now())))
        throw new BadInputError('token', 'This link was already used; ask for a new one.');
      const account = await setPassword(stored.doc.accountId, passwordHash);
      await passwordResets.deleteOthersForAccount(account.id, stored.doc.tokenHash);
      // The owner proved control of the address: sign-in back-off for it starts afresh.
      platform.abuse.loginByAccount.succeeded(`account:${account.email}`);
      const session = await signSession(
        platform.sessions,
        { accountId: account.id, role: account.role, sessionVersion: account.sessionVersion },
        now(),
      );
      return { ...session, viewer: viewerOf(account) };
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
