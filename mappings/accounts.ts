/**
 * The accounts index: who can sign in, with which role. A system of record
 * written only by the API (sign-up flows, the demo seeder, earner claims).
 * The document id is derived from the normalized email, so one address is
 * one account and a sign-in is a read by id.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export const ACCOUNT_ROLES = ['employer', 'earner', 'agency', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface AccountDocument {
  id: string;
  /** Lowercased, trimmed. */
  email: string;
  role: AccountRole;
  /** `scrypt$N$r$p$<salt base64>$<hash base64>`: never returned by the API. */
  passwordHash: string;
  /** Employers and agencies: the organisation shown to earners they contact. */
  organisation?: string;
  /** Earners: the earner profile the account claimed. */
  earnerId?: string;
  /** Bumped by logout: every session token carries the version it was issued under. */
  sessionVersion: number;
  createdAt: string;
  updatedAt: string;
}

export const accountsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    email: { type: 'keyword' },
    role: { type: 'keyword' },
    passwordHash: { type: 'keyword', index: false, doc_values: false },
    organisation: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    sessionVersion: { type: 'integer' },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
};
