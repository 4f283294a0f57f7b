/**
 * The earner-dids index: DIDs an earner proved control of (DID Auth, see
 * `did-auth.ts`). Private, like earner-ids: the API reads it only for the
 * earner themself (`myIdentities`, and to match credentials issued to those
 * DIDs in `addMyCredentials`). The document id is the SHA-256 of the DID, and
 * a link is created with `op_type: create`, so one DID belongs to at most one
 * earner: the first to prove it; it is never moved.
 */
import { createHash } from 'node:crypto';
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface EarnerDidDocument {
  did: string;
  earnerId: string;
  accountId: string;
  /** The verification method that signed the proof. */
  keyId: string;
  /** `did:key`, `did:jwk`, `did:web`. */
  method: string;
  linkedAt: string;
}

export function earnerDidDocumentId(did: string): string {
  return createHash('sha256').update(did).digest('hex');
}

export const earnerDidsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    did: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    accountId: { type: 'keyword' },
    keyId: { type: 'keyword' },
    method: { type: 'keyword' },
    linkedAt: { type: 'date' },
  },
};
