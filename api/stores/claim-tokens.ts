/** The claim-tokens index: one-time links, stored by the hash of their token. */
import type { Client } from '@elastic/elasticsearch';
import type { ClaimTokenDocument } from '../../mappings/claim-tokens.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from './versioned.ts';
import { deleteMatching, engineGuard } from './guard.ts';

export interface ClaimTokenStore {
  create(token: ClaimTokenDocument): Promise<void>;
  get(tokenHash: string): Promise<Versioned<ClaimTokenDocument> | undefined>;
  /** Marks the token used; false when someone used it first (it changed since it was read). */
  markUsed(token: Versioned<ClaimTokenDocument>, usedAt: Date): Promise<boolean>;
  deleteForEarner(earnerId: string): Promise<number>;
  /** Deletes every token of the earner but `keepHash`: a new link or a claim ends all older links. */
  deleteOthersForEarner(earnerId: string, keepHash: string): Promise<number>;
}

export function createClaimTokenStore(client: Client, indexPrefix: string, log: Logger): ClaimTokenStore {
  const index = aliasName(indexPrefix, 'claim-tokens');
  const guard = engineGuard(log);
  return {
    create: (token) =>
      guard(async () => {
        await client.create({ index, id: token.tokenHash, document: token });
      }),
    get: (tokenHash) => guard(() => getVersioned<ClaimTokenDocument>(client, index, tokenHash)),
    markUsed: (read, usedAt) =>
      guard(() => replaceIfUnchanged(client, index, read.doc.tokenHash, read, { ...read.doc, usedAt: usedAt.toISOString() })),
    deleteForEarner: (earnerId) => guard(() => deleteMatching(client, index, { term: { earnerId } })),
    deleteOthersForEarner: (earnerId, keepHash) =>
      guard(() =>
        deleteMatching(client, index, { bool: { filter: [{ term: { earnerId } }], must_not: [{ term: { tokenHash: keepHash } }] } }),
      ),
  };
}
