/**
 * The earner-ids index: the private link from identities (`email:…`,
 * `did:…`, `sha256:…`, …) to the random public earner id assigned to that
 * person once. The only place that answers "which earner is this address?".
 * No API path that returns data reads it: the API uses it only to find the
 * earner behind a claimed account, and never returns the document.
 *
 * The document id is the SHA-256 of the identity key (keys can be longer
 * than an id may be).
 */
import { createHash } from 'node:crypto';
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface EarnerIdDocument {
  identityKey: string;
  earnerId: string;
  /** When the earner id was first assigned (the same on every link of one earner): the older id wins a merge. */
  assignedAt: string;
}

/** An earner id and when it was assigned. */
export type EarnerLink = Pick<EarnerIdDocument, 'earnerId' | 'assignedAt'>;

export function earnerIdDocumentId(identityKey: string): string {
  return createHash('sha256').update(identityKey).digest('hex');
}

export const earnerIdsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    identityKey: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    assignedAt: { type: 'date' },
  },
};
