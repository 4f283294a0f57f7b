/** Open Badges 3.0 JSON-LD credential verification: shape, contexts, Data Integrity proofs, validity, status, recipient. */
import { buildResult, withAuthority, type Finding } from './result.ts';
import { asArray, type JsonObject } from './json.ts';
import {
  checkContextsPinned,
  checkCredentialDates,
  checkCredentialEnvelope,
  checkCredentialSubject,
  checkSubjectRecipient,
} from './ob3-checks.ts';
import { checkDataIntegrityProofs } from './ob3-proof.ts';
import { checkCredentialStatus } from './status.ts';
import { standingChecks, type CheckName } from './checks.ts';
import type { VerificationMethod, VerificationResult, VerifyOptions } from './types.ts';

/** What OB 3.0 verification found out, ready for normalization. */
export interface Ob3Outcome {
  format: 'ob3-json-ld' | 'ob3-jwt' | 'clr';
  credential: JsonObject;
  result: VerificationResult;
}

/** Proof check of a status list credential: it must carry a proof that verifies, and be within its own validity window. */
async function checkListProof(list: JsonObject, options: VerifyOptions): Promise<Finding[]> {
  const contexts = checkContextsPinned(list, 'status list');
  if (contexts.length > 0) return contexts;
  const dates = checkCredentialDates(list, options.now ?? new Date(), 'status list');
  return [...(await checkDataIntegrityProofs(list, options.resolver, 'status list')).findings, ...dates];
}

/** Checks that do not depend on how the credential was secured: validity window, status, recipient. */
export async function checkStanding(credential: JsonObject, options: VerifyOptions, now: Date, where = 'credential'): Promise<Finding[]> {
  return [
    ...checkCredentialDates(credential, now, where),
    ...(await checkCredentialStatus(credential, options, (list) => checkListProof(list, options))),
    ...checkSubjectRecipient(credential, options.recipient, where),
  ];
}

/** Verifies a JSON-LD credential; `kind` says whether an Open Badge or a CLR is expected. */
export async function verifyJsonLdCredential(
  credential: JsonObject,
  options: VerifyOptions,
  kind: 'badge' | 'clr' = 'badge',
  where = 'credential',
): Promise<{ result: VerificationResult; method: VerificationMethod | null }> {
  const now = options.now ?? new Date();
  const envelope = checkCredentialEnvelope(credential, kind, where);
  if (envelope.length > 0) return { result: buildResult(null, envelope, now), method: null };
  const contexts = checkContextsPinned(credential, where);
  // with an unpinned context the proof cannot be checked; a missing proof is still worth naming
  const proof =
    contexts.length === 0 || asArray(credential.proof).length === 0
      ? await checkDataIntegrityProofs(credential, options.resolver, where)
      : { method: null, findings: [], notes: [], authority: [] };
  const findings = [
    ...proof.findings,
    ...contexts,
    ...checkCredentialSubject(credential, kind, where),
    ...(await checkStanding(credential, options, now, where)),
  ];
  const method = kind === 'clr' ? 'clr' : proof.method;
  const ran: CheckName[] = ['shape', 'badge', 'contexts', 'proof', 'key', ...standingChecks(credential, options.recipient)];
  return { result: withAuthority(buildResult(method, findings, now, proof.notes, ran), proof.authority), method };
}

export async function verifyOb3JsonLd(credential: JsonObject, options: VerifyOptions): Promise<Ob3Outcome> {
  const { result } = await verifyJsonLdCredential(credential, options, 'badge');
  return { format: 'ob3-json-ld', credential, result };
}
