/**
 * The contract of credential intake: earners adding their own badges and
 * recognized issuers pushing theirs. The API takes the request (who asks,
 * limits, transport) and the indexer's pipeline does the work (read, verify,
 * recognize, store, project): the same code, reason codes and rules as an
 * ingest run.
 *
 * Why here: the API and the indexer may not import each other and share only
 * `mappings/`. The API depends on this interface; the process that runs both
 * (`npm start`, the tests) hands the API the indexer's implementation
 * (`indexer/intake/intake.ts`), as `scripts/start.ts` already composes them;
 * an API started alone reaches the indexer's intake service over HTTP
 * (`INTAKE_URL`, `credential-intake-wire.ts`), or without one says the
 * feature is unavailable (SERVICE_UNAVAILABLE).
 */

/** One item as received: a file's bytes (with the name it had), or a URL to fetch. */
export type IntakeItem = { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'url'; url: string };

/**
 * What happened to one credential (a file holding several, a CLR, a
 * presentation or an export, gives one result per credential or row).
 * `ADDED`: stored and shown; `ALREADY_ADDED`: it was already there (nothing
 * changed hands); `REFUSED`: not stored, `reasons` and `message` say why.
 */
export type IntakeOutcome = 'ADDED' | 'ALREADY_ADDED' | 'REFUSED';

export interface IntakeItemResult {
  /** Which item: the file name or URL as sent, with `#n` / `:row n` for one of several inside it. */
  source: string;
  outcome: IntakeOutcome;
  /** The verification status when the item could be read (`VERIFIED`, `UNVERIFIED`, `FAILED`). */
  status?: 'VERIFIED' | 'UNVERIFIED' | 'FAILED';
  /** Reason codes: the indexer's (BAD_SIGNATURE, REVOKED, ...) plus the intake's own (RECIPIENT_MISMATCH, ...). */
  reasons: string[];
  /** One plain sentence for a person. */
  message: string;
  credentialId?: string;
  badgeName?: string;
  issuerName?: string;
  /** The issuer registry's verdict on the proven issuer. */
  issuerRecognition?: 'RECOGNIZED' | 'UNKNOWN' | 'SUSPENDED';
}

/**
 * An earner adding badges: only credentials issued to `email` (their claimed,
 * proven address) or to one of `dids` (proven by DID Auth, see `did-auth.ts`)
 * are attached to `earnerId`. Both come from the API's records, never from
 * the request.
 */
export interface EarnerIntakeRequest {
  earnerId: string;
  email: string;
  /** DIDs the earner proved control of; absent or empty: none. */
  dids?: string[];
  items: IntakeItem[];
}

/** A recognized issuer pushing credentials: only credentials whose proven issuer is registry entry `issuerEntryId` are stored. */
export interface IssuerPushRequest {
  issuerEntryId: string;
  /** Each credential's bytes (a JSON credential, a compact JWS / VC-JWT, a baked image) and a label for the results. */
  items: { source: string; bytes: Uint8Array }[];
}

export interface CredentialIntake {
  addForEarner(request: EarnerIntakeRequest): Promise<IntakeItemResult[]>;
  pushForIssuer(request: IssuerPushRequest): Promise<IntakeItemResult[]>;
}

/** Limits of one request, enforced by the API before anything is read and named in its errors. */
export const INTAKE_LIMITS = {
  /** Files plus URLs an earner adds at once. */
  maxEarnerItems: 20,
  /** Credentials read from one earner request (an export's rows count one each); the rest are refused at once. */
  maxEarnerCredentials: 200,
  /** One uploaded file (decoded): a baked PNG badge is rarely over 1 MiB. */
  maxFileBytes: 2 * 1024 * 1024,
  /** All files of one request (decoded). */
  maxEarnerTotalBytes: 8 * 1024 * 1024,
  /** A URL, in characters. */
  maxUrlLength: 2048,
  /** Credentials an issuer pushes at once. */
  maxPushItems: 500,
  /** One pushed credential (bytes). */
  maxPushItemBytes: 1024 * 1024,
  /** A push request body. */
  maxPushBytes: 16 * 1024 * 1024,
} as const;
