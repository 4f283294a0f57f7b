/**
 * Data Integrity proof verification of JSON-LD credentials
 * (`DataIntegrityProof` with `eddsa-rdfc-2022`, and `Ed25519Signature2020`)
 * through jsonld-signatures and the Digital Bazaar suites, with keys resolved
 * by `keys.ts` and only pinned contexts.
 */
import jsigs from 'jsonld-signatures';
import { createPinnedLoader } from './document-loader.ts';
import { asArray, idOf, isObject, type JsonObject } from './json.ts';
import { resolveKey } from './keys.ts';
import { finding, type Finding } from './result.ts';
import type { Resolver } from './resolver.ts';
import { isSupportedMethod, keyDocumentFor, methodOfProof, verificationSuites } from './suites.ts';
import type { VerificationMethod } from './types.ts';

export interface ProofCheck {
  /** Method of the first proof, when it is a supported one. */
  method: VerificationMethod | null;
  findings: Finding[];
  notes: string[];
  /** What the verifying keys prove (see `ResolvedKey.authority`); empty unless every proof verified. */
  authority: string[];
}

/** Maps a failed jsonld-signatures verification onto findings. */
function explainFailure(error: (Error & { errors?: Error[] }) | undefined, refused: string[], where: string): Finding[] {
  if (refused.length > 0) {
    return [finding('UNKNOWN_CONTEXT', `${where}: JSON-LD processing needed unpinned documents ${[...new Set(refused)].join(', ')}`)];
  }
  const messages = (error?.errors ?? (error ? [error] : [])).map((e) => e.message);
  if (messages.some((m) => /safe mode/i.test(m))) {
    return [finding('MALFORMED', `${where}: terms not defined by the credential's contexts (${messages.join('; ')})`)];
  }
  return [finding('BAD_SIGNATURE', `${where}: proof does not verify (${messages.join('; ') || 'no matching proof'})`)];
}

/** Verifies every proof of a JSON-LD credential. `where` prefixes details (e.g. `credential`, `credentialSubject.verifiableCredential[0]`). */
export async function checkDataIntegrityProofs(credential: JsonObject, resolver: Resolver, where = 'credential'): Promise<ProofCheck> {
  const proofs = asArray(credential.proof);
  if (proofs.length === 0) return { method: null, findings: [finding('NO_PROOF', `${where}.proof is missing`)], notes: [], authority: [] };
  const issuerId = idOf(credential.issuer);
  const findings: Finding[] = [];
  const notes: string[] = [];
  const keyDocuments = new Map<string, object>();
  const authority: string[] = [];
  let method: VerificationMethod | null = null;
  for (const [i, proof] of proofs.entries()) {
    const at = proofs.length > 1 ? `${where}.proof[${i}]` : `${where}.proof`;
    if (!isObject(proof)) {
      findings.push(finding('MALFORMED', `${at} is not an object`));
      continue;
    }
    const proofMethod = methodOfProof(proof);
    if (!isSupportedMethod(proofMethod)) {
      findings.push(finding('UNSUPPORTED_FORMAT', `${at}: ${proofMethod}`));
      continue;
    }
    method ??= proofMethod;
    const vmId = idOf(proof.verificationMethod);
    const resolved = await resolveKey(vmId, issuerId, resolver);
    if (!resolved.ok) {
      findings.push({ ...resolved.finding, detail: `${at}.verificationMethod: ${resolved.finding.detail}` });
      continue;
    }
    const { key } = resolved;
    if (key.ownership) findings.push(key.ownership);
    notes.push(...key.notes);
    authority.push(...(key.authority ?? []));
    if (!key.publicKeyMultibase) {
      findings.push(finding('UNKNOWN_KEY', `${at}.verificationMethod ${key.id} is not an Ed25519 key`));
      continue;
    }
    keyDocuments.set(
      key.id,
      keyDocumentFor(proofMethod, { id: key.id, controller: key.controller, publicKeyMultibase: key.publicKeyMultibase }),
    );
  }
  if (findings.length > 0 && keyDocuments.size === 0) return { method, findings, notes, authority: [] };

  const loader = createPinnedLoader(keyDocuments);
  const purpose = new jsigs.purposes.AssertionProofPurpose({
    controller: { id: issuerId ?? '', assertionMethod: [...keyDocuments.keys()] },
  });
  try {
    const result = await jsigs.verify(credential, {
      suite: verificationSuites(),
      purpose,
      documentLoader: loader.load,
    });
    if (!result.verified) findings.push(...explainFailure(result.error, loader.refused, where));
  } catch (error) {
    findings.push(...explainFailure(error as Error, loader.refused, where));
  }
  return { method, findings, notes, authority: findings.length === 0 ? [...new Set(authority)] : [] };
}
