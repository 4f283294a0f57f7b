/**
 * The issuer-api-keys index: keys an admin created for a recognized issuer to
 * push credentials (`POST /api/issuer/credentials`). Only a SHA-256 hash of
 * each key's secret is stored (the secret is shown once, at creation); a key
 * is revoked by stamping `revokedAt`, never deleted, so the record remains.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface IssuerApiKeyDocument {
  /** Random, public part of the key (also the document id). */
  id: string;
  /** The issuer registry entry the key pushes for. */
  issuerEntryId: string;
  /** What the admin called it ("Registrar's nightly export"). */
  label: string;
  /** SHA-256 (hex) of the secret part. */
  secretHash: string;
  createdAt: string;
  /** The admin account that created it. */
  createdBy: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

export const issuerApiKeysMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    issuerEntryId: { type: 'keyword' },
    label: { type: 'keyword', index: false },
    secretHash: { type: 'keyword', index: false },
    createdAt: { type: 'date' },
    createdBy: { type: 'keyword' },
    revokedAt: { type: 'date' },
    lastUsedAt: { type: 'date' },
  },
};
