/**
 * The credentials index: every credential the indexer accepted, as parsed and
 * verified, with its original bytes. It is what earner documents are built
 * from, what re-verification re-checks, and what a rebuild reads: nothing
 * accepted is lost. Never exposed by the API (it holds recipient identities).
 */
import { createHash } from 'node:crypto';
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { Alignment } from './badge-classes.ts';
import type { BadgeVerification, CredentialType, Evidence } from './earners.ts';
import type { RecognitionRecord } from './issuer-recognition.ts';

export interface CredentialDocument {
  /**
   * The stored identity (and document id): the issuer and the credential id
   * together (`credentialKey`), so another issuer's credential with the same
   * id is a different credential and can never replace this one.
   */
  key: string;
  /** Assertion / credential id as the issuer wrote it (what employers see). */
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
  /**
   * What verification proved about who issued it: DIDs, key ids and web
   * origins whose keys or hosting vouched for it. Empty unless authentic.
   */
  authority: string[];
  /** The issuer's standing in the registry, decided from `authority` (see `issuer-recognition.ts`). */
  issuerRecognition: RecognitionRecord;
  /** The bytes as received (base64), so the credential can be verified again later. */
  raw: string;
  ingestedAt: string;
}

export const credentialsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    key: { type: 'keyword' },
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
    authority: { type: 'keyword' },
    issuerRecognition: {
      properties: {
        status: { type: 'keyword' },
        entryId: { type: 'keyword' },
        name: { type: 'keyword', index: false },
        image: { type: 'keyword', index: false },
      },
    },
    raw: { type: 'binary' },
    ingestedAt: { type: 'date' },
  },
};

/**
 * The stored identity of a credential: (issuer, credential id). The issuer is
 * the one the credential names; a copy naming an issuer it cannot prove is
 * never authentic, and an authentic copy is never replaced by one that is not
 * (see the indexer's `keepsOver`), so nobody can take another issuer's slot.
 */
export function credentialKey(issuerId: string, credentialId: string): string {
  const key = `${issuerId} ${credentialId}`;
  // The engine caps document ids at 512 bytes; longer pairs are hashed (still one key per pair).
  return Buffer.byteLength(key) <= 500 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
