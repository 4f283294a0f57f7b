/**
 * Shared types of credential parsing and verification. Other parts of the
 * project (the earner document builder, the API) rely on these shapes.
 */
import type { Alignment } from '../../mappings/badge-classes.ts';
import type { CheckOutcome } from './checks.ts';
import type { Resolver } from './resolver.ts';

/** Overall outcome: VERIFIED (every check passed), FAILED (a check failed), UNVERIFIED (a check could not be run, e.g. the issuer was unreachable). */
export type VerificationStatus = 'VERIFIED' | 'UNVERIFIED' | 'FAILED';

/** Machine-readable reason why a credential is not VERIFIED. */
export type ReasonCode =
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'KEY_NOT_OWNED_BY_ISSUER'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'RECIPIENT_MISMATCH'
  | 'ISSUER_UNREACHABLE'
  | 'MALFORMED'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_PROOF'
  | 'HOSTED_MISMATCH'
  | 'OUT_OF_SCOPE'
  | 'STATUS_UNREACHABLE'
  | 'UNKNOWN_CONTEXT'
  /** A verifiable credential that is not an Open Badge: its checks ran and decide the status; it is not indexed. */
  | 'NOT_A_BADGE'
  /** A hosted assertion (or other document) that answers 404/410: it does not exist. */
  | 'NOT_FOUND';

/** Which verification procedure produced the result. */
export type VerificationMethod =
  | 'ob1-hosted'
  | 'ob2-hosted'
  | 'ob2-signed'
  | 'ob3-eddsa-rdfc-2022'
  | 'ob3-ed25519-signature-2020'
  | 'ob3-ed25519-signature-2018'
  | 'ob3-eddsa-2022'
  | 'ob3-vc-jwt'
  | 'sd-jwt-vc'
  | 'clr'
  | 'import';

/** Result of verifying one credential. */
export interface VerificationResult {
  status: VerificationStatus;
  /** Empty when VERIFIED. */
  reasons: ReasonCode[];
  /** Null when the input could not be identified well enough to pick a method. */
  method: VerificationMethod | null;
  /** ISO 8601 time of the check. */
  checkedAt: string;
  /** Human-readable notes: what was wrong and where (JSON path / field), or caveats of a pass. */
  details?: string[];
  /**
   * Who the passed cryptographic or hosting checks prove issued it: DIDs and
   * key ids of verifying keys, the web origin a hosted assertion or key was
   * served from. Set only when the signature (or hosting) check passed; the
   * issuer registry recognizes issuers by these, never by names.
   */
  authority?: string[];
  /** Each check that ran and its outcome (reported by `indexer verify --json`; not stored). */
  checks?: CheckOutcome[];
}

/** Wire format a credential arrived in. */
export type CredentialFormat = 'ob1-hosted' | 'ob2-hosted' | 'ob2-signed' | 'ob3-json-ld' | 'ob3-jwt' | 'clr';

/** A competency framework alignment (the contract's type: stored as read). */
export type { Alignment } from '../../mappings/badge-classes.ts';

/** One credential, normalized across OB 2.0 / 3.0 / CLR, ready for the indexer. */
export interface NormalizedCredential {
  /** Assertion id / credential id (stable; dedup key). For unreadable input: the source. */
  id: string;
  format: CredentialFormat;
  /** Path or URL it came from (for CLR inner credentials: `<source>#<index>`). */
  source: string;
  /**
   * Who earned it. A hashed email stays `hashed-email` with the hash as identity,
   * unless `VerifyOptions.recipient` matched it: then type `email`, the plain
   * address as identity and `hashed: true`.
   */
  recipient: {
    type: 'email' | 'did' | 'url' | 'telephone' | 'id' | 'hashed-email';
    identity: string;
    hashed: boolean;
    salt?: string;
    name?: string;
  };
  issuer: { id: string; name: string; url?: string; email?: string };
  achievement: {
    id: string;
    name: string;
    description?: string;
    criteria?: string;
    image?: string;
    /** Badge, MicroCredential, Certificate, ... (OB3 achievementType). */
    type?: string;
    tags: string[];
    alignments: Alignment[];
  };
  /** Evidence, and OB 3.0 results as entries of kind `result` (see mappings/earners.ts `Evidence`). */
  evidence: { id?: string; name?: string; narrative?: string; url?: string; kind?: 'result' }[];
  /** ISO 8601. */
  issuedOn: string;
  /** ISO 8601. */
  expiresOn?: string;
  verification: VerificationResult;
}

/** Options of one verification run. */
export interface VerifyOptions {
  /** Email address to check hashed recipient identities against. */
  recipient?: string;
  /** Fetches remote documents (hosted assertions, profiles, keys, DID documents, status lists). */
  resolver: Resolver;
  /** Clock for validity checks; defaults to the current time. */
  now?: Date;
}

/** One input item: raw bytes plus where they came from. */
export interface CredentialInput {
  source: string;
  bytes: Uint8Array;
}
