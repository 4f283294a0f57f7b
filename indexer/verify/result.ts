/** Turns the findings of a verification into a `VerificationResult`. */
import { checkOutcomes, type CheckName } from './checks.ts';
import type { ReasonCode, VerificationMethod, VerificationResult } from './types.ts';

/** One failed (or un-runnable) check: its reason code and where it went wrong. */
export interface Finding {
  reason: ReasonCode;
  detail: string;
  /** The check it belongs to, when its reason alone does not say (see `checks.ts`). */
  check?: CheckName;
}

/** Reasons that mean "could not check", not "checked and wrong". */
const INCONCLUSIVE: ReadonlySet<ReasonCode> = new Set(['ISSUER_UNREACHABLE', 'STATUS_UNREACHABLE']);

/** Reasons that say what a credential is, not whether it verified: they never change the status. */
const DESCRIPTIVE: ReadonlySet<ReasonCode> = new Set(['NOT_A_BADGE']);

export function finding(reason: ReasonCode, detail: string): Finding {
  return { reason, detail };
}

/**
 * VERIFIED without findings; UNVERIFIED when every finding only says a remote
 * document could not be fetched; FAILED otherwise.
 * `notes` are caveats of a pass (kept in `details` after the findings);
 * `ran` names the checks that ran (each finding adds its own check).
 */
export function buildResult(
  method: VerificationMethod | null,
  findings: readonly Finding[],
  now: Date,
  notes: readonly string[] = [],
  ran: readonly CheckName[] = [],
): VerificationResult {
  const reasons = [...new Set(findings.map((f) => f.reason))];
  const judged = reasons.filter((r) => !DESCRIPTIVE.has(r));
  const status = judged.length === 0 ? 'VERIFIED' : judged.every((r) => INCONCLUSIVE.has(r)) ? 'UNVERIFIED' : 'FAILED';
  const details = [...findings.map((f) => `${f.reason}: ${f.detail}`), ...notes];
  const result: VerificationResult = { status, reasons, method, checkedAt: now.toISOString() };
  if (details.length > 0) result.details = details;
  result.checks = checkOutcomes(findings, ran);
  return result;
}

/** Combines an outer (container) result with an inner one: the worse status wins, reasons and details merge. */
export function combineResults(outer: VerificationResult, inner: VerificationResult, method: VerificationMethod): VerificationResult {
  const rank = { VERIFIED: 0, UNVERIFIED: 1, FAILED: 2 } as const;
  const status = rank[outer.status] >= rank[inner.status] ? outer.status : inner.status;
  const reasons = [...new Set([...outer.reasons, ...inner.reasons])];
  const details = [...(outer.details ?? []).map((d) => `container: ${d}`), ...(inner.details ?? []).map((d) => `credential: ${d}`)];
  const result: VerificationResult = { status, reasons, method, checkedAt: inner.checkedAt };
  if (details.length > 0) result.details = details;
  result.checks = [...(outer.checks ?? []).map((c) => ({ ...c, check: `container ${c.check}` })), ...(inner.checks ?? [])];
  // The inner credential's own issuer signed it: its authority is the one that counts.
  return withAuthority(result, inner.authority ?? []);
}

/** Reasons that leave who issued a credential unproven (the signature, key or hosting check did not pass). */
const UNPROVEN: ReadonlySet<ReasonCode> = new Set([
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'KEY_NOT_OWNED_BY_ISSUER',
  'HOSTED_MISMATCH',
  'OUT_OF_SCOPE',
  'NO_PROOF',
  'UNKNOWN_CONTEXT',
  'MALFORMED',
  'UNSUPPORTED_FORMAT',
  'ISSUER_UNREACHABLE',
  'NOT_FOUND',
]);

/**
 * Records who the passed checks prove issued the credential; nothing when a
 * signature, key or hosting check failed or could not run.
 */
export function withAuthority(result: VerificationResult, authority: readonly string[]): VerificationResult {
  const { authority: _dropped, ...rest } = result;
  if (authority.length === 0 || result.reasons.some((r) => UNPROVEN.has(r))) return rest;
  return { ...rest, authority: [...new Set(authority)] };
}
