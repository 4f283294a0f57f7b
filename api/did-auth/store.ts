/**
 * The did-challenges and earner-dids indices. Challenges are read by id
 * (realtime) and marked used with optimistic concurrency, so one works once
 * however many answers race; a DID link is created with `op_type: create`
 * under the DID's hash, so two earners racing for one DID cannot both win.
 */
import { errors, type Client } from '@elastic/elasticsearch';
import { MAX_DIDS_PER_EARNER } from '../../mappings/did-auth.ts';
import type { DidChallengeDocument } from '../../mappings/did-challenges.ts';
import { earnerDidDocumentId, type EarnerDidDocument } from '../../mappings/earner-dids.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import { deleteMatching, engineGuard, isConflict } from '../stores/guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from '../stores/versioned.ts';

export interface DidAuthStore {
  createChallenge(challenge: DidChallengeDocument): Promise<void>;
  getChallenge(challengeHash: string): Promise<Versioned<DidChallengeDocument> | undefined>;
  /** Marks the challenge used; false when someone used it first (it changed since it was read). */
  markChallengeUsed(read: Versioned<DidChallengeDocument>, usedAt: Date): Promise<boolean>;
  /** Deletes the account's expired challenges; returns how many unused ones remain. */
  pruneChallenges(accountId: string, now: Date): Promise<number>;
  /** The link of a DID, whoever holds it. */
  getDid(did: string): Promise<Versioned<EarnerDidDocument> | undefined>;
  /** Creates the link; false when the DID is linked already (to this earner or another). */
  linkDid(link: EarnerDidDocument): Promise<boolean>;
  /** The earner's DIDs, oldest first (at most `max`). */
  didsOf(earnerId: string, max: number): Promise<EarnerDidDocument[]>;
  /** Removes the link if it is still the one read; false when it changed. */
  unlinkDid(read: Versioned<EarnerDidDocument>): Promise<boolean>;
  /** Removes every DID link of an earner (their data is deleted). */
  deleteEarner(earnerId: string): Promise<void>;
}

export function createDidAuthStore(client: Client, indexPrefix: string, log: Logger): DidAuthStore {
  const challenges = aliasName(indexPrefix, 'did-challenges');
  const dids = aliasName(indexPrefix, 'earner-dids');
  const guard = engineGuard(log);
  return {
    createChallenge: (challenge) =>
      guard(async () => {
        await client.create({ index: challenges, id: challenge.challengeHash, document: challenge });
      }),
    getChallenge: (hash) => guard(() => getVersioned<DidChallengeDocument>(client, challenges, hash)),
    markChallengeUsed: (read, usedAt) =>
      guard(() => replaceIfUnchanged(client, challenges, read.doc.challengeHash, read, { ...read.doc, usedAt: usedAt.toISOString() })),
    pruneChallenges: (accountId, now) =>
      guard(async () => {
        const at = now.toISOString();
        // Expired ones go; used ones stay until they expire, so a replay is told CHALLENGE_USED.
        await deleteMatching(client, challenges, { bool: { filter: [{ term: { accountId } }, { range: { expiresAt: { lte: at } } }] } });
        const open = await client.count({
          index: challenges,
          query: { bool: { filter: [{ term: { accountId } }], must_not: [{ exists: { field: 'usedAt' } }] } },
        });
        return open.count;
      }),
    getDid: (did) => guard(() => getVersioned<EarnerDidDocument>(client, dids, earnerDidDocumentId(did))),
    linkDid: (link) =>
      guard(async () => {
        try {
          // wait_for: `myIdentities` and the next addMyCredentials see it at once.
          await client.create({ index: dids, id: earnerDidDocumentId(link.did), document: link, refresh: 'wait_for' });
          return true;
        } catch (error) {
          if (isConflict(error)) return false;
          throw error;
        }
      }),
    didsOf: (earnerId, max) =>
      guard(async () => {
        const response = await client.search<EarnerDidDocument>({
          index: dids,
          size: max,
          query: { bool: { filter: [{ term: { earnerId } }] } },
          sort: [{ linkedAt: 'asc' }, { did: 'asc' }],
        });
        return response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
      }),
    unlinkDid: (read) =>
      guard(async () => {
        try {
          await client.delete({
            index: dids,
            id: earnerDidDocumentId(read.doc.did),
            if_seq_no: read.seqNo,
            if_primary_term: read.primaryTerm,
            refresh: 'wait_for',
          });
          return true;
        } catch (error) {
          // Changed or removed since it was read (a second tab removing it too).
          if (isConflict(error) || (error instanceof errors.ResponseError && error.statusCode === 404)) return false;
          throw error;
        }
      }),
    deleteEarner: (earnerId) =>
      guard(async () => {
        // Links are written with wait_for, so a search finds them all; open challenges die with the account (no session answers them).
        const response = await client.search({ index: dids, size: MAX_DIDS_PER_EARNER * 2, _source: false, query: { term: { earnerId } } });
        const ids = response.hits.hits.map((hit) => hit._id!);
        if (ids.length === 0) return;
        await client.bulk({ operations: ids.map((id) => ({ delete: { _index: dids, _id: id } })), refresh: 'wait_for' });
      }),
  };
}
