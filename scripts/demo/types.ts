/**
 * The demo data set: what `generateDemo` returns, what `writeDemo` writes and
 * what tests and benchmarks read back as ground truth.
 */
import type { PostingRow } from './data/postings.ts';
import type { DirectorySettingsDocument, ContactChannel } from '../../mappings/directory-settings.ts';
import type { CredentialType, EarnerLocation } from '../../mappings/earners.ts';
import type { PathwayDefinition } from '../../indexer/runtime/pathways.ts';
import type { CredentialInput } from '../../indexer/verify/types.ts';
import type { IssuingMethod } from './data/catalog-types.ts';

/** Options of one generation run. */
export interface DemoOptions {
  /** How many earners (default 2,000). */
  earners?: number;
  /** Seed of every random choice (default 1). Same seed and options, byte-identical data set. */
  seed?: number;
  /** Origin the issuer server answers on; every hosted URL starts with it (default `http://127.0.0.1:3100`). */
  issuerBaseUrl?: string;
  /**
   * The generator's "today": issue dates, expiry and not-yet-valid dates are
   * relative to it. Default: the first day of the current UTC month, so a
   * cached data set is reused for a month and still verifies as recorded.
   */
  now?: Date;
  /** Worker threads for signing (default: up to 2 when the run is large enough to gain from them; 0 = sign in this thread). */
  workers?: number;
}

/** Options with every default filled in. */
export interface ResolvedDemoOptions {
  earners: number;
  seed: number;
  issuerBaseUrl: string;
  now: Date;
  workers: number;
}

/** Reason codes the generator plants on purpose. */
export type PlantedReason = 'REVOKED' | 'EXPIRED' | 'NOT_YET_VALID' | 'BAD_SIGNATURE';

/** Ground truth of one badge (credential) of an earner. */
export interface BadgeRecord {
  /** Assertion / credential id (the indexer's dedup key). */
  credentialId: string;
  /** 0-based position in `credentials` and line index in `credentials.jsonl`. */
  line: number;
  badgeClassId: string;
  badgeClassName: string;
  issuerId: string;
  issuerName: string;
  method: IssuingMethod;
  credentialType: CredentialType;
  /** ISO 8601, exactly as the credential states it. */
  issuedOn: string;
  expiresOn?: string;
  /** The status `readCredentials` must report (as of `now`). */
  status: 'VERIFIED' | 'FAILED';
  /** The reason codes it must report (empty when VERIFIED). */
  reasons: PlantedReason[];
  /** Canonical skill ids the badge's alignments map to, first-seen order. */
  skills: string[];
  /** Labels of alignments that map to nothing, then the plain-text tags (none of which maps). */
  unmappedSkills: string[];
  /** Pathways this badge class counts toward. */
  pathwayIds: string[];
  /** The earner hid it. */
  hidden: boolean;
  /** `listed && !hidden` and not failed for any reason but expiry: what employers may see. */
  visible: boolean;
}

/** Ground truth of one earner: identity, consent and badges. */
export interface EarnerRecord {
  earnerId: string;
  email: string;
  /** The name on their OB 3.0 credentials (OB 2.0 assertions carry no name). */
  name: string;
  displayName?: string;
  headline?: string;
  location: EarnerLocation;
  listed: boolean;
  contactable: boolean;
  contactChannel?: ContactChannel;
  statsOptIn: boolean;
  openTo: string[];
  hiddenBadges: string[];
  badges: BadgeRecord[];
}

/** One issuer of the data set, as the indexer will see it. */
export interface DemoIssuerSummary {
  slug: string;
  /** `did:key:…` for OB 3.0 issuers, the issuer profile URL for OB 2.0 ones. */
  id: string;
  name: string;
  method: IssuingMethod;
  /** How revocation is published: `bitstring`, `1edtech` (OB 3.0) or `ob2-revocation-list`. */
  revocation: 'bitstring' | '1edtech' | 'ob2-revocation-list';
  recipients: 'plain' | 'hashed';
  homepage: string;
}

/** Served documents by URL path under `issuerBaseUrl` (`/ob2/…/issuer.json`), as the exact text served. */
export type HostedDocuments = Map<string, string>;

/** A generated data set. */
export interface DemoDataset {
  options: ResolvedDemoOptions;
  issuers: DemoIssuerSummary[];
  /** One item per credential, in `records` order (`BadgeRecord.line`). */
  credentials: CredentialInput[];
  hosted: HostedDocuments;
  settings: DirectorySettingsDocument[];
  pathways: PathwayDefinition[];
  records: EarnerRecord[];
  /** Job postings in the data set's regions (demand for the skill-gap reports). */
  postings: PostingRow[];
}
