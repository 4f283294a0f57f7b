/**
 * Earners claim their profile with a one-time link sent to an address their
 * credentials carry. The request answers the same, and as fast, whether or
 * not the address is known: the look-up and the sending happen after the
 * answer. Requests are limited per address (known or not) and per client IP.
 * A new link or a claim ends every older link of the earner; a link works once.
 */
import type { AccountDocument } from '../../mappings/accounts.ts';
import { claimLink, claimTokenProblem, hashClaimToken, looksLikeClaimToken, newClaimToken } from '../accounts/claim-token.ts';
import { accountIdFor } from '../accounts/identity.ts';
import { hashPassword } from '../accounts/password.ts';
import { signSession } from '../accounts/session.ts';
import { viewerOf } from '../accounts/token-viewer.ts';
import { BadInputError, RateLimitedError } from '../errors.ts';
import { claimLinkMessage } from '../outbox/messages.ts';
import { hideAtFirstClaim } from '../records/hidden-at-claim.ts';
import type { Platform } from '../platform.ts';
import { checkEmail, checkPassword, type AuthPayload } from './account-service.ts';

export interface ClaimServiceDependencies {
  platform: Platform;
  now: () => Date;
  /** The caller's address, for the per-IP limit. */
  clientIp?: string;
}

export const CLAIM_LINK_ANSWER =
  'If this address belongs to an earner in the directory, a link to claim the profile is on its way. It works once.';

export function createClaimService({ platform, now, clientIp = 'unknown' }: ClaimServiceDependencies) {
  async function earnerAccount(
    email: string,
    earnerId: string,
    passwordHash: string,
  ): Promise<{ account: AccountDocument; first: boolean }> {
    const id = accountIdFor(email);
    const at = now().toISOString();
    const existing = await platform.accounts.get(id);
    if (existing) {
      if (existing.doc.role !== 'earner' || existing.doc.earnerId !== earnerId) {
        throw new BadInputError('token', 'This address already belongs to another account; sign in with it instead.');
      }
      // Claiming again works as a password reset: the new password, and older sessions end.
      const updated = { ...existing.doc, passwordHash, sessionVersion: existing.doc.sessionVersion + 1, updatedAt: at };
      if (!(await platform.accounts.replace({ ...existing, doc: updated }))) throw new Error('the account changed while it was claimed');
      return { account: updated, first: false };
    }
    const account: AccountDocument = { id, email, role: 'earner', passwordHash, earnerId, sessionVersion: 0, createdAt: at, updatedAt: at };
    if (!(await platform.accounts.create(account))) throw new Error('the account was created twice at once');
    return { account, first: true };
  }

  async function sendClaimLink(address: string): Promise<void> {
    const earnerId = await platform.records.earnerWithIdentity(`email:${address}`);
    if (!earnerId) return;
    const { token, hash } = newClaimToken();
    const created = now();
    const ttlMs = platform.auth.claimTokenTtlMinutes * 60_000;
    await platform.claimTokens.create({
      tokenHash: hash,
      earnerId,
      email: address,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + ttlMs).toISOString(),
    });
    await platform.claimTokens.deleteOthersForEarner(earnerId, hash);
    await platform.outbox.send(claimLinkMessage(address, claimLink(platform.auth.publicUrl, token), Math.round(ttlMs / 3_600_000)));
  }

  return {
    async requestClaimLink(email: string): Promise<string> {
      const address = checkEmail('email', email);
      const { claimLinks, limits } = platform.abuse;
      const verdict = claimLinks.take(
        [
          { key: `address:${address}`, limit: limits.claimLinksPerAddressPerHour },
          { key: `ip:${clientIp}`, limit: limits.claimLinksPerIpPerHour },
        ],
        now(),
      );
      if (!verdict.allowed) throw new RateLimitedError(verdict.retryAt, 'claim link requests');
      platform.background.run('claim link', () => sendClaimLink(address));
      return CLAIM_LINK_ANSWER;
    },

    async claimProfile(token: string, password: string): Promise<AuthPayload> {
      if (!looksLikeClaimToken(token))
        throw new BadInputError('token', 'This claim link is not valid; check that you copied all of it, or request a new one.');
      checkPassword('password', password);
      const stored = await platform.claimTokens.get(hashClaimToken(token));
      if (!stored) throw new BadInputError('token', 'This claim link is not valid; request a new one.');
      const problem = claimTokenProblem(stored.doc, now());
      if (problem === 'used') throw new BadInputError('token', 'This claim link was already used; request a new one.');
      if (problem === 'expired') throw new BadInputError('token', 'This claim link has expired; request a new one.');
      const passwordHash = await hashPassword(password);
      if (!(await platform.claimTokens.markUsed(stored, now())))
        throw new BadInputError('token', 'This claim link was already used; request a new one.');
      const { account, first } = await earnerAccount(stored.doc.email, stored.doc.earnerId, passwordHash);
      // Hidden by default is what happens, as the claim email and page say (a later re-claim, a password reset, keeps the choice).
      if (first) await hideAtFirstClaim(platform.records, stored.doc.earnerId, now);
      await platform.claimTokens.deleteOthersForEarner(stored.doc.earnerId, stored.doc.tokenHash);
      const session = await signSession(
        platform.sessions,
        { accountId: account.id, role: account.role, sessionVersion: account.sessionVersion },
        now(),
      );
      return { ...session, viewer: viewerOf(account) };
    },
  };
}

export type ClaimService = ReturnType<typeof createClaimService>;
