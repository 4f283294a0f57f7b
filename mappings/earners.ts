/**
 * The earners index: one document per earner, built by the indexer from their
 * credentials joined with their directory settings. Search, facets and
 * reports read it.
 *
 * Privacy by construction: the flat `public` fields hold only what employers
 * may see (badges the earner chose to show, of an earner who opted in). The
 * nested `badges` array holds every badge with its `visible` flag, so
 * badge-level filters can match within one badge; readers must always filter
 * on `badges.visible` and `directory.listed` (the API does this in one place).
 */
import type { MappingProperty, MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { IssuerRecognition } from './issuer-recognition.ts';

export const VERIFICATION_STATUSES = ['VERIFIED', 'UNVERIFIED', 'FAILED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * What employers (and agencies) may learn of a badge's verification: VERIFIED,
 * or EXPIRED for a badge whose only fault is its passed end date. Revoked,
 * tampered, unverified or otherwise failed badges are never shown to them,
 * and reason codes are never shown either; earners still see all their own.
 */
export const EMPLOYER_VERIFICATION_STATUSES = ['VERIFIED', 'EXPIRED'] as const;
export type EmployerVerificationStatus = (typeof EMPLOYER_VERIFICATION_STATUSES)[number];

/** The status employers see, or null when the badge must not be shown to them at all. */
export function employerVerificationStatus(verification: Pick<BadgeVerification, 'status' | 'reasons'>): EmployerVerificationStatus | null {
  if (verification.status === 'VERIFIED') return 'VERIFIED';
  if (verification.status === 'FAILED' && verification.reasons.length > 0 && verification.reasons.every((r) => r === 'EXPIRED'))
    return 'EXPIRED';
  return null;
}

export const CREDENTIAL_TYPES = ['badge', 'micro-credential', 'certificate'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** The recorded outcome of checking one credential. */
export interface BadgeVerification {
  status: VerificationStatus;
  /** Reason codes such as BAD_SIGNATURE, REVOKED, EXPIRED (empty when verified). */
  reasons: string[];
  /** How it was checked, e.g. `ob3-eddsa-rdfc-2022`, `ob2-hosted`, `import`. */
  method: string | null;
  checkedAt: string;
}

/**
 * Evidence of a badge as the credential gives it (OB 2.0 / 3.0 `evidence`),
 * or one of its OB 3.0 results (`kind: 'result'`: the result description's
 * name, and the value or level achieved as the narrative). Issuer-provided
 * text: shown as plain text, links only when http(s).
 */
export interface Evidence {
  id?: string;
  name?: string;
  narrative?: string;
  url?: string;
  /** Absent for evidence. */
  kind?: 'result';
}

/** One badge (assertion or credential) held by the earner. */
export interface EarnerBadge {
  /** The assertion / credential id: the dedup key. */
  credentialId: string;
  badgeClassId: string;
  name: string;
  description?: string;
  criteria?: string;
  image?: string;
  credentialType: CredentialType;
  issuerId: string;
  /** The registry's name for a recognized issuer; otherwise the name the credential gives. */
  issuerName: string;
  /** RECOGNIZED only where the registry recognizes the key, DID or origin that verified the badge. */
  issuerRecognition: IssuerRecognition;
  /** The registry entry that matched, if any. */
  registryIssuerId?: string;
  issuedOn: string;
  expiresOn?: string;
  /**
   * Employers may see it: the earner is listed and did not hide it, and its
   * verification is one employers see (`employerVerificationStatus`). Badges
   * that are not visible are never shown, counted or matched for employers.
   */
  visible: boolean;
  verification: BadgeVerification;
  /** Canonical skill ids the badge aligns to. */
  skills: string[];
  /** `skills` plus every taxonomy ancestor, so a filter on a broad skill matches narrower ones. */
  skillsExpanded: string[];
  /** Alignments that matched no taxonomy entry, kept by their label. */
  unmappedSkills: string[];
  frameworks: string[];
  evidence: Evidence[];
  source: string;
}

/** Progress toward a stackable micro-credential (a pathway of badges). */
export interface PathwayProgress {
  pathwayId: string;
  name: string;
  earned: number;
  required: number;
  completed: boolean;
}

export interface EarnerLocation {
  city: string;
  /** Region code used for filters and reports, e.g. `US-OH`. */
  region: string;
  country: string;
  geo?: { lat: number; lon: number };
}

/**
 * Facet and filter values over the badges employers may see, by verification
 * status of the badge they come from. Empty when the earner is not listed.
 */
export interface PublicFacetValues {
  badgeClasses: string[];
  skills: string[];
  issuers: string[];
  frameworks: string[];
  credentialTypes: string[];
}

/**
 * Facet values of the default search scope: shown, VERIFIED badges of
 * RECOGNIZED issuers. Flat, so a default search counts and filters them
 * without a nested join where no same-badge check is needed.
 */
export interface DefaultScopeValues extends PublicFacetValues {
  /** The newest such badge's issue date: "a badge issued since X" is "this is since X". */
  latestIssuedOn?: string;
}

/** Which default-scope field holds each badge facet's values (keyed by the API's facet ids). */
export const DEFAULT_SCOPE_FIELDS = {
  badges: 'badgeClasses',
  skills: 'skills',
  issuers: 'issuers',
  frameworks: 'frameworks',
  credentialTypes: 'credentialTypes',
  issued: 'latestIssuedOn',
} as const satisfies Record<string, keyof DefaultScopeValues>;

export interface EarnerDocument {
  earnerId: string;
  name: string;
  headline?: string;
  location?: EarnerLocation;
  directory: {
    /** Opted in to the directory (hidden by default). */
    listed: boolean;
    contactable: boolean;
    /** Opted in to anonymous statistics (skill-gap reports). */
    statsOptIn: boolean;
    openTo: string[];
  };
  badges: EarnerBadge[];
  public: {
    verified: PublicFacetValues;
    unverified: PublicFacetValues;
    failed: PublicFacetValues;
    recognizedVerified: DefaultScopeValues;
    /** Labels of visible skills and badges of recognized issuers, for full-text search. */
    text: string;
    /** The same for badges of unknown or suspended issuers: searched only when a search asks for them. */
    textUnrecognized?: string;
    latestIssuedOn?: string;
  };
  microCredentials: PathwayProgress[];
  updatedAt: string;
}

const keyword: MappingProperty = { type: 'keyword' };
const text: MappingProperty = { type: 'text', analyzer: 'standard' };

const facetValues: MappingProperty = {
  properties: { badgeClasses: keyword, skills: keyword, issuers: keyword, frameworks: keyword, credentialTypes: keyword },
};
// Aggregated by every search: global ordinals built at refresh, not by the first search after it.
const facetKeyword: MappingProperty = { type: 'keyword', eager_global_ordinals: true };
const defaultScopeValues: MappingProperty = {
  properties: {
    badgeClasses: facetKeyword,
    skills: facetKeyword,
    issuers: facetKeyword,
    frameworks: facetKeyword,
    credentialTypes: facetKeyword,
    latestIssuedOn: { type: 'date' },
  },
};

export const earnersMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    earnerId: keyword,
    name: { type: 'text', fields: { keyword: { type: 'keyword' } } },
    headline: text,
    location: {
      properties: { city: keyword, region: facetKeyword, country: keyword, geo: { type: 'geo_point' } },
    },
    directory: {
      properties: { listed: { type: 'boolean' }, contactable: { type: 'boolean' }, statsOptIn: { type: 'boolean' }, openTo: keyword },
    },
    badges: {
      type: 'nested',
      properties: {
        credentialId: keyword,
        badgeClassId: facetKeyword,
        name: { type: 'text', fields: { keyword: { type: 'keyword' } } },
        description: text,
        criteria: { type: 'text', index: false },
        image: { type: 'keyword', index: false },
        credentialType: facetKeyword,
        issuerId: facetKeyword,
        issuerName: { type: 'text', fields: { keyword: { type: 'keyword' } } },
        issuerRecognition: keyword,
        registryIssuerId: keyword,
        issuedOn: { type: 'date' },
        expiresOn: { type: 'date' },
        visible: { type: 'boolean' },
        verification: {
          properties: { status: keyword, reasons: keyword, method: keyword, checkedAt: { type: 'date' } },
        },
        skills: keyword,
        skillsExpanded: facetKeyword,
        unmappedSkills: keyword,
        frameworks: facetKeyword,
        // Shown on the earner page, never searched.
        evidence: { type: 'object', enabled: false },
        source: { type: 'keyword', index: false },
      },
    },
    public: {
      properties: {
        verified: facetValues,
        unverified: facetValues,
        failed: facetValues,
        recognizedVerified: defaultScopeValues,
        text,
        textUnrecognized: text,
        latestIssuedOn: { type: 'date' },
      },
    },
    microCredentials: {
      properties: {
        pathwayId: keyword,
        name: keyword,
        earned: { type: 'integer' },
        required: { type: 'integer' },
        completed: { type: 'boolean' },
      },
    },
    updatedAt: { type: 'date' },
  },
};
