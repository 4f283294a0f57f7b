/**
 * The claim-tokens index: one-time links an earner uses to claim their
 * profile. Only the SHA-256 of a token is stored (it is the document id), so
 * the index alone never lets anyone claim a profile.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface ClaimTokenDocument {
  /** Hex SHA-256 of the token sent in the link. */
  tokenHash: string;
  earnerId: string;
  /** The address the link was sent to (an `email:` identity of the earner). */
  email: string;
  createdAt: string;
  expiresAt: string;
  /** Set when the link is used: a token works once. */
  usedAt?: string;
}

export const claimTokensMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    tokenHash: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    email: { type: 'keyword' },
    createdAt: { type: 'date' },
    expiresAt: { type: 'date' },
    usedAt: { type: 'date' },
  },
};
