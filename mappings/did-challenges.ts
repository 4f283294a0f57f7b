/**
 * The did-challenges index: one-time DID Auth challenges (see
 * `did-auth.ts`), stored in the engine so every API process agrees on which
 * are open. Only the SHA-256 of a challenge is stored (the document id); a
 * challenge is bound to the account that asked for it, expires after
 * `DID_CHALLENGE_TTL_MS`, and is marked used with optimistic concurrency so
 * it works once however many answers race.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface DidChallengeDocument {
  /** Hex SHA-256 of the challenge. */
  challengeHash: string;
  accountId: string;
  earnerId: string;
  /** The domain the proof must name (this directory's host). */
  domain: string;
  createdAt: string;
  expiresAt: string;
  /** Set when a presentation answered it (whatever its outcome): a challenge works once. */
  usedAt?: string;
}

export const didChallengesMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    challengeHash: { type: 'keyword' },
    accountId: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    domain: { type: 'keyword' },
    createdAt: { type: 'date' },
    expiresAt: { type: 'date' },
    usedAt: { type: 'date' },
  },
};
