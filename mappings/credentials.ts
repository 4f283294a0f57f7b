/**
 * The credentials index: every credential the indexer accepted, as parsed and
 * verified, with its original bytes. It is what earner documents are built
 * from, what re-verification re-checks, and what a rebuild reads: nothing
 * accepted is lost. Never exposed by the API (it holds recipient identities).
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { Alignment } from './badge-classes.ts';
import type { BadgeVerification, CredentialType, Evidence } from './earners.ts';

export interface CredentialDocument {
  /** Assertion / credential id: the dedup key. */
  id: string;
  /** The earner this credential belongs to (assigned by identity merging). */
  earnerId: string;
  /** Normalized identity keys of the recipient (`email:…`, `did:…`, `sha256:…`). */
  identityKeys: string[];
  recipientName?: string;
  format: string;
  source: string;
  issuer: { id: string; name: string; url?: string };
  achievement: {
    id: string;
    name: string;
    description?: string;
    criteria?: string;
    image?: string;
    credentialType: CredentialType;
    tags: string[];
    alignments: Alignment[];
  };
  /** Canonical skill ids the alignments and tags map to. */
  skills: string[];
  /** Alignments and tags that matched nothing, by label. */
  unmappedSkills: string[];
  evidence: Evidence[];
  issuedOn: string;
  expiresOn?: string;
  verification: BadgeVerification & { details?: string[] };
  /** The bytes as received (base64), so the credential can be verified again later. */
  raw: string;
  ingestedAt: string;
}

export const credentialsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    identityKeys: { type: 'keyword' },
    recipientName: { type: 'keyword', index: false },
    format: { type: 'keyword' },
    source: { type: 'keyword' },
    issuer: { properties: { id: { type: 'keyword' }, name: { type: 'keyword' }, url: { type: 'keyword', index: false } } },
    achievement: {
      properties: {
        id: { type: 'keyword' },
        name: { type: 'keyword' },
        description: { type: 'text', index: false },
        criteria: { type: 'text', index: false },
        image: { type: 'keyword', index: false },
        credentialType: { type: 'keyword' },
        tags: { type: 'keyword' },
        alignments: { type: 'object', enabled: false },
      },
    },
    skills: { type: 'keyword' },
    unmappedSkills: { type: 'keyword' },
    evidence: { type: 'object', enabled: false },
    issuedOn: { type: 'date' },
    expiresOn: { type: 'date' },
    verification: {
      properties: {
        status: { type: 'keyword' },
        reasons: { type: 'keyword' },
        method: { type: 'keyword' },
        checkedAt: { type: 'date' },
        details: { type: 'text', index: false },
      },
    },
    raw: { type: 'binary' },
    ingestedAt: { type: 'date' },
  },
};
