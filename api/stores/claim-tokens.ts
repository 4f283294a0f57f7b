/** The claim-tokens index: one-time links, stored by the hash of their token. */
import type { Client } from '@elastic/elasticsearch';
import type { ClaimTokenDocument } from '../../mappings/claim-tokens.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import type { Versioned } from './accounts.ts';
import { deleteMatching, engineGuard, isConflict } from './guard.ts';

export interface ClaimTokenStore {
  create(token: ClaimTokenDocument): Promise<void>;
  get(tokenHash: string): Promise<Versioned<ClaimTokenDocument> | undefined>;
  /** Marks the token used; false when someone used it first (it changed since it was read). */
  markUsed(token: Versioned<ClaimTokenDocument>, usedAt: Date): Promise<boolean>;
  deleteForEarner(earnerId: string): Promise<number>;
}

export function createClaimTokenStore(client: Client, indexPrefix: string, log: Logger): ClaimTokenStore {
  const index = aliasName(indexPrefix, 'claim-tokens');
  const guard = engineGuard(log);
  return {
    create: (token) =>
      guard(async () => {
        await client.create({ index, id: token.tokenHash, document: token });
      }),
    get: (tokenHash) =>
      guard(async () => {
        const response = await client.get<ClaimTokenDocument>({ index, id: tokenHash }, { ignore: [404] });
        if (!response.found || !response._source) return undefined;
        return { doc: response._source, seqNo: response._seq_no!, primaryTerm: response._primary_term! };
      }),
    markUsed: ({ doc, seqNo, primaryTerm }, usedAt) =>
      guard(async () => {
        try {
          await client.index({ index, id: doc.tokenHash, document: { ...doc, usedAt: usedAt.toISOString() }, if_seq_no: seqNo, if_primary_term: primaryTerm });
          return true;
        } catch (error) {
          if (isConflict(error)) return false;
          throw error;
        }
      }),
    deleteForEarner: (earnerId) => guard(() => deleteMatching(client, index, { term: { earnerId } })),
  };
}
