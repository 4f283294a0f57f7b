/**
 * The password-resets index: one-time links to choose a new password (asked
 * for from the sign-in page, or sent when an admin approves an employer
 * account). Only the SHA-256 of a token is stored (it is the document id),
 * so the index alone never lets anyone set a password.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface PasswordResetDocument {
  /** Hex SHA-256 of the token sent in the link. */
  tokenHash: string;
  accountId: string;
  /** The account's address, where the link was sent. */
  email: string;
  /** `reset`: asked for by the account's owner; `setup`: a new employer account's first password. */
  purpose: 'reset' | 'setup';
  createdAt: string;
  expiresAt: string;
  /** Set when the link is used: a token works once. */
  usedAt?: string;
}

export const passwordResetsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    tokenHash: { type: 'keyword' },
    accountId: { type: 'keyword' },
    email: { type: 'keyword' },
    purpose: { type: 'keyword' },
    createdAt: { type: 'date' },
    expiresAt: { type: 'date' },
    usedAt: { type: 'date' },
  },
};
