/**
 * DID Auth for earners: ask for a challenge, answer it with a signed
 * presentation, and the DID becomes one of the earner's verified identities
 * (credentials issued to it can then be added, see `addMyCredentials`).
 *
 * The API owns the bookkeeping: a challenge is random (256 bits), bound to
 * the account that asked, short-lived, stored hashed in the engine (every
 * API process agrees) and used once: the first answer that names it marks it
 * used with optimistic concurrency, before any verification, so 20 racing
 * answers give one verification and one success, and a failed answer cannot
 * be retried with the same challenge. The indexer verifies the presentation
 * (`mappings/did-auth.ts`). A DID belongs to the first earner who proves it;
 * it is never moved.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  DID_CHALLENGE_TTL_MS,
  MAX_DIDS_PER_EARNER,
  MAX_OPEN_DID_CHALLENGES,
  MAX_PRESENTATION_CHARS,
  presentedChallenge,
  type DidAuthCode,
} from '../../mappings/did-auth.ts';
import type { EarnerDidDocument } from '../../mappings/earner-dids.ts';
import { BadInputError, RateLimitedError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { requireEarner } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import { refusalMessage } from './explain.ts';

export interface DidChallenge {
  challenge: string;
  domain: string;
  expiresAt: string;
}

export type DidProofOutcome = 'LINKED' | 'ALREADY_LINKED' | 'REFUSED';

export interface DidProofPayload {
  outcome: DidProofOutcome;
  /** The refusal's code, absent on success. */
  code?: DidAuthCode;
  message: string;
  identity?: EarnerDidDocument;
}

const hashOf = (challenge: string) => createHash('sha256').update(challenge).digest('hex');

/** The domain a proof must name: this directory's public host (PUBLIC_URL). */
export function didAuthDomain(publicUrl: string): string {
  return new URL(publicUrl).host;
}

export function createDidAuthService({ platform, viewer, now }: { platform: Platform; viewer: Viewer; now: () => Date }) {
  // Read when used: the search-only harness's platform throws on any property read.
  const links = () => platform.didLinks;
  const refused = (code: DidAuthCode, detail?: string): DidProofPayload => ({
    outcome: 'REFUSED',
    code,
    message: refusalMessage(code, detail),
  });

  return {
    async requestChallenge(): Promise<DidChallenge> {
      const earnerId = requireEarner(viewer);
      const accountId = viewer.accountId!;
      const at = now();
      const open = await links().pruneChallenges(accountId, at);
      if (open >= MAX_OPEN_DID_CHALLENGES)
        throw new RateLimitedError(new Date(at.getTime() + DID_CHALLENGE_TTL_MS), `${MAX_OPEN_DID_CHALLENGES} open DID challenges`);
      const challenge = randomBytes(32).toString('base64url');
      const domain = didAuthDomain(platform.auth.publicUrl);
      const expiresAt = new Date(at.getTime() + DID_CHALLENGE_TTL_MS).toISOString();
      await links().createChallenge({
        challengeHash: hashOf(challenge),
        accountId,
        earnerId,
        domain,
        createdAt: at.toISOString(),
        expiresAt,
      });
      return { challenge, domain, expiresAt };
    },

    async prove(presentation: string): Promise<DidProofPayload> {
      const earnerId = requireEarner(viewer);
      if (presentation.length > MAX_PRESENTATION_CHARS)
        throw new BadInputError('presentation', `the presentation is longer than ${MAX_PRESENTATION_CHARS} characters`);
      const challenge = presentedChallenge(presentation);
      if (!challenge) return refused('CHALLENGE_MISMATCH');
      const read = await links().getChallenge(hashOf(challenge));
      if (!read) return refused('CHALLENGE_UNKNOWN');
      if (read.doc.accountId !== viewer.accountId) return refused('CHALLENGE_NOT_YOURS');
      if (read.doc.usedAt) return refused('CHALLENGE_USED');
      const at = now();
      if (Date.parse(read.doc.expiresAt) <= at.getTime()) return refused('CHALLENGE_EXPIRED');
      const verifier = platform.didAuth;
      if (!verifier) return refused('DID_AUTH_UNAVAILABLE');
      // Used before it is verified: one answer per challenge, whatever its outcome.
      if (!(await links().markChallengeUsed(read, at))) return refused('CHALLENGE_USED');
      const verdict = await verifier.verifyDidAuth({ presentation, challenge, domain: read.doc.domain });
      if (!verdict.ok) return refused(verdict.code, verdict.message);

      const existing = await links().getDid(verdict.did);
      if (existing) return existingLink(existing.doc);
      if ((await links().didsOf(earnerId, MAX_DIDS_PER_EARNER)).length >= MAX_DIDS_PER_EARNER) return refused('TOO_MANY_DIDS');
      const link: EarnerDidDocument = {
        did: verdict.did,
        earnerId,
        accountId: viewer.accountId!,
        keyId: verdict.keyId,
        method: verdict.did.split(':').slice(0, 2).join(':'),
        linkedAt: at.toISOString(),
      };
      if (await links().linkDid(link))
        return {
          outcome: 'LINKED',
          message: `Linked ${link.did}: badges issued to this DID can now be added to your profile.`,
          identity: link,
        };
      // Someone linked it between the read and the create.
      const winner = await links().getDid(verdict.did);
      return winner ? existingLink(winner.doc) : refused('DID_HELD_BY_ANOTHER_EARNER');

      function existingLink(doc: EarnerDidDocument): DidProofPayload {
        if (doc.earnerId !== earnerId) return refused('DID_HELD_BY_ANOTHER_EARNER');
        return { outcome: 'ALREADY_LINKED', message: `${doc.did} was already linked to your profile.`, identity: doc };
      }
    },

    async list(): Promise<EarnerDidDocument[]> {
      const earnerId = requireEarner(viewer);
      return links().didsOf(earnerId, MAX_DIDS_PER_EARNER);
    },

    /** Unlinks one of the earner's DIDs; true when it was linked. Another earner's DID is left alone (and not revealed). */
    async remove(did: string): Promise<boolean> {
      const earnerId = requireEarner(viewer);
      const read = await links().getDid(did.trim());
      if (!read || read.doc.earnerId !== earnerId) return false;
      return links().unlinkDid(read);
    },
  };
}

export type DidAuthService = ReturnType<typeof createDidAuthService>;
