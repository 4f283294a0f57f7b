/**
 * The issuer registry: the system of record for who issues badges here.
 * Loaded from registry files (`indexer issuers import`), changed by admins,
 * and extended with PENDING entries for issuers seen in verified credentials
 * that no registry lists. Whether a credential's issuer is recognized is
 * decided against it (`issuer-recognition.ts`), never by names in a credential.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export const ISSUER_STATUSES = ['RECOGNIZED', 'PENDING', 'SUSPENDED'] as const;
export type IssuerStatus = (typeof ISSUER_STATUSES)[number];

/** Where an entry came from. */
export interface IssuerProvenance {
  /** `directory-v1` (our file format), `dcc-legacy` (DCC known-issuer registry), `seen` (first met in a credential), `admin`. */
  format: 'directory-v1' | 'dcc-legacy' | 'seen' | 'admin';
  /** The registry's name or file (or the credential source for `seen`). */
  source: string;
  /** Position of the registry in the import that loaded it: 0 is the most authoritative. */
  rank: number;
}

export interface IssuerRegistryDocument {
  /** The entry's id: its first id (a DID or URL). */
  id: string;
  /** Every id the issuer uses in credentials (URLs, DIDs). */
  ids: string[];
  name: string;
  image?: string;
  url?: string;
  location?: string;
  /** Web origins (`https://host[:port]`) the issuer controls: hosted assertions and keys published there are theirs. */
  origins: string[];
  /** DIDs the issuer controls (a key of such a DID signs for it). */
  dids: string[];
  /** Individual key ids (`did:key:…#…`, `https://…/keys/1`) the issuer controls. */
  keys: string[];
  status: IssuerStatus;
  /** Why an admin suspended (or otherwise changed) the entry. */
  statusReason?: string;
  /** True once an admin set the status: a later import keeps it. */
  statusByAdmin?: boolean;
  provenance: IssuerProvenance;
  changedAt: string;
}

export const issuersMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    ids: { type: 'keyword' },
    name: { type: 'text', fields: { keyword: { type: 'keyword', normalizer: 'lowercase' } } },
    image: { type: 'keyword', index: false },
    url: { type: 'keyword' },
    location: { type: 'keyword' },
    origins: { type: 'keyword' },
    dids: { type: 'keyword' },
    keys: { type: 'keyword' },
    status: { type: 'keyword' },
    statusReason: { type: 'text', index: false },
    statusByAdmin: { type: 'boolean' },
    provenance: { properties: { format: { type: 'keyword' }, source: { type: 'keyword' }, rank: { type: 'integer' } } },
    changedAt: { type: 'date' },
  },
};
