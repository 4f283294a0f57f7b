/**
 * Which checks ran on a credential and how each came out (pure), so a
 * disagreement with another verifier can be read from `indexer verify --json`
 * without a debugger. A verifier names the checks it ran; every finding is
 * attributed to the check its reason belongs to.
 */
import { asArray, type JsonObject } from './json.ts';
import type { ReasonCode } from './types.ts';

/** The checks a verification may run. */
export type CheckName =
  | 'shape' // required fields and types of the credential (and OB 2.0 badge class and issuer)
  | 'badge' // is it an Open Badge at all (NOT_A_BADGE otherwise)
  | 'contexts' // every JSON-LD context is pinned
  | 'documents' // issuer, badge class and key documents could be fetched
  | 'hosted-copy' // OB 2.0 hosted: the copy at the assertion id exists and equals the given one
  | 'scope' // OB 2.0 hosted: the id lies in the issuer's verification scope
  | 'proof' // the signature verifies
  | 'key' // the key exists and belongs to the issuer
  | 'status' // revocation / status list
  | 'dates' // validity window
  | 'recipient'; // the expected earner

/** How one check came out: `not-checked` when it could not run (a document was unreachable). */
export interface CheckOutcome {
  /** A `CheckName`; `container <name>` for the checks of a CLR around the credential. */
  check: string;
  outcome: 'passed' | 'failed' | 'not-checked';
  reasons?: ReasonCode[];
}

const CHECK_OF: Record<ReasonCode, CheckName> = {
  BAD_SIGNATURE: 'proof',
  NO_PROOF: 'proof',
  UNSUPPORTED_FORMAT: 'proof',
  UNKNOWN_KEY: 'key',
  KEY_NOT_OWNED_BY_ISSUER: 'key',
  REVOKED: 'status',
  STATUS_UNREACHABLE: 'status',
  EXPIRED: 'dates',
  NOT_YET_VALID: 'dates',
  RECIPIENT_MISMATCH: 'recipient',
  ISSUER_UNREACHABLE: 'documents',
  HOSTED_MISMATCH: 'hosted-copy',
  NOT_FOUND: 'hosted-copy',
  OUT_OF_SCOPE: 'scope',
  MALFORMED: 'shape',
  UNKNOWN_CONTEXT: 'contexts',
  NOT_A_BADGE: 'badge',
};

const INCONCLUSIVE: ReadonlySet<ReasonCode> = new Set(['ISSUER_UNREACHABLE', 'STATUS_UNREACHABLE']);

const ORDER: readonly CheckName[] = [
  'shape',
  'badge',
  'contexts',
  'documents',
  'hosted-copy',
  'scope',
  'proof',
  'key',
  'status',
  'dates',
  'recipient',
];

/** The check a finding belongs to: its own attribution (a key document that could not be fetched is the key check), else its reason's. */
export function checkOf(finding: { reason: ReasonCode; check?: CheckName }): CheckName {
  return finding.check ?? CHECK_OF[finding.reason];
}

/** The outcome of every check that ran or produced a finding, in a stable order. */
export function checkOutcomes(findings: readonly { reason: ReasonCode; check?: CheckName }[], ran: readonly CheckName[]): CheckOutcome[] {
  const names = new Set<CheckName>([...ran, ...findings.map(checkOf)]);
  const outcomes = ORDER.filter((name) => names.has(name)).map((check): CheckOutcome => {
    const own = [...new Set(findings.filter((f) => checkOf(f) === check).map((f) => f.reason))];
    if (own.length === 0) return { check, outcome: 'passed' };
    return { check, outcome: own.every((r) => INCONCLUSIVE.has(r)) ? 'not-checked' : 'failed', reasons: own };
  });
  // without a usable key no signature was checked
  const key = outcomes.find((o) => o.check === 'key');
  const proof = outcomes.find((o) => o.check === 'proof');
  if (key && key.outcome !== 'passed' && proof?.outcome === 'passed') proof.outcome = 'not-checked';
  // the OB 2.0 revocation list and verification scope come from the issuer profile
  const documents = outcomes.find((o) => o.check === 'documents');
  if (documents && documents.outcome !== 'passed') {
    for (const o of outcomes) if ((o.check === 'status' || o.check === 'scope') && o.outcome === 'passed') o.outcome = 'not-checked';
  }
  return outcomes;
}

/** Checks of a credential's standing that run only when there is something to check. */
export function standingChecks(credential: JsonObject, recipient: string | undefined): CheckName[] {
  return [
    'dates',
    ...(asArray(credential.credentialStatus).length > 0 ? (['status'] as const) : []),
    ...(recipient ? (['recipient'] as const) : []),
  ];
}
