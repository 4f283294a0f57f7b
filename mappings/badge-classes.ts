/**
 * The badge-classes index: one document per achievement (OB 2.0 BadgeClass,
 * OB 3.0 Achievement), for badge pages, facet labels and typeahead.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { CredentialType } from './earners.ts';

/** An Open Badges alignment (OB 2.0 `AlignmentObject`, OB 3.0 `Alignment`) as the issuer wrote it. */
export interface Alignment {
  targetName?: string;
  targetUrl?: string;
  targetFramework?: string;
  targetCode?: string;
  targetType?: string;
}

export interface BadgeClassDocument {
  id: string;
  name: string;
  description?: string;
  criteria?: string;
  image?: string;
  credentialType: CredentialType;
  issuerId: string;
  issuerName: string;
  issuerUrl?: string;
  tags: string[];
  alignments: Alignment[];
  /** Canonical skill ids the alignments map to. */
  skills: string[];
  /** Pathways (stackable micro-credentials) this badge counts toward. */
  pathways: string[];
  /** Issue date of the credential this version came from: a newer authentic version replaces an older one. */
  issuedOn?: string;
  updatedAt: string;
}

export interface IndexedBadgeClassDocument extends BadgeClassDocument {
  suggest: { input: string[]; weight?: number };
}

/** What a badge class says, before the fields the index derives (update time, typeahead input). */
export type BadgeClassContent = Omit<BadgeClassDocument, 'updatedAt'>;

/**
 * The badge-classes index document for a badge class: the one place its
 * derived fields are set, for the indexer and for generated test and bench
 * data alike (so they cannot drift apart).
 */
export function indexedBadgeClass(content: BadgeClassContent, now: Date): IndexedBadgeClassDocument {
  return { ...content, updatedAt: now.toISOString(), suggest: { input: [content.name] } };
}

export const badgeClassesMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    name: { type: 'text', fields: { keyword: { type: 'keyword' } } },
    description: { type: 'text' },
    criteria: { type: 'text' },
    image: { type: 'keyword', index: false },
    credentialType: { type: 'keyword' },
    issuerId: { type: 'keyword' },
    issuerName: { type: 'text', fields: { keyword: { type: 'keyword' } } },
    issuerUrl: { type: 'keyword', index: false },
    tags: { type: 'keyword' },
    alignments: { type: 'object', enabled: false },
    skills: { type: 'keyword' },
    pathways: { type: 'keyword' },
    issuedOn: { type: 'date' },
    updatedAt: { type: 'date' },
    suggest: { type: 'completion', analyzer: 'standard' },
  },
};
