/**
 * Open Badges 2.0 verification: hosted assertions (re-fetched from their id and
 * compared) and signed assertions (compact JWS checked against a key that the
 * issuer profile declares and that names the issuer as its owner).
 */
import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';
import { decodeJwsPayload } from './jws.ts';
import { checkValidityWindow } from './dates.ts';
import { asString, idOf, isObject, type JsonObject } from './json.ts';
import {
  checkAssertionShape,
  checkBadgeClassShape,
  checkHostedScope,
  checkIssuerShape,
  compareWithHosted,
  declaredKeyIds,
  revocationListIncludes,
  verificationType,
} from './ob2-checks.ts';
import { standingChecks, type CheckName } from './checks.ts';
import { readOb2Terms } from './ob2-terms.ts';
import { loadNode } from './remote.ts';
import { revokedHostedBody } from './ob2-revoked.ts';
import { matchesHashedIdentity } from './recipient.ts';
import { buildResult, finding, withAuthority, type Finding } from './result.ts';
import type { VerificationResult, VerifyOptions } from './types.ts';

/** What OB 2.0 verification found out, ready for normalization. */
export interface Ob2Outcome {
  format: 'ob1-hosted' | 'ob2-hosted' | 'ob2-signed';
  assertion: JsonObject;
  badge?: JsonObject;
  issuer?: JsonObject;
  result: VerificationResult;
}

/** Signature algorithms an OB 2.0 signed assertion may use. */
const JWS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

interface Profiles {
  badge?: JsonObject;
  issuer?: JsonObject;
  findings: Finding[];
}

/** Loads the BadgeClass and its Issuer (embedded or by URL) and checks their shape. */
async function loadProfiles(assertion: JsonObject, options: VerifyOptions): Promise<Profiles> {
  const badgeLoaded = await loadNode(assertion.badge, 'assertion.badge', options.resolver);
  if (!badgeLoaded.ok) return { findings: [badgeLoaded.finding] };
  let badge = readOb2Terms(badgeLoaded.doc);
  // an embedded badge that only names itself still has to be fetched
  if (!asString(badge.name) && asString(badge.id)) {
    const fetched = await loadNode(badge.id, 'assertion.badge.id', options.resolver);
    if (!fetched.ok) return { badge, findings: [fetched.finding] };
    badge = readOb2Terms(fetched.doc);
  }
  const findings = checkBadgeClassShape(badge, 'badge');
  const issuerLoaded = await loadNode(badge.issuer, 'badge.issuer', options.resolver);
  if (!issuerLoaded.ok) return { badge, findings: [...findings, issuerLoaded.finding] };
  const issuer = readOb2Terms(issuerLoaded.doc);
  return { badge, issuer, findings: [...findings, ...checkIssuerShape(issuer, 'issuer')] };
}

/** Revocation (flag and issuer revocation list), validity window and recipient. */
async function checkStanding(assertion: JsonObject, issuer: JsonObject | undefined, options: VerifyOptions, now: Date): Promise<Finding[]> {
  const findings: Finding[] = [];
  const id = asString(assertion.id) ?? '';
  if (assertion.revoked === true) {
    findings.push(
      finding(
        'REVOKED',
        `assertion.revoked is true${asString(assertion.revocationReason) ? `: ${String(assertion.revocationReason)}` : ''}`,
      ),
    );
  }
  const listUrl = issuer && idOf(issuer.revocationList);
  if (issuer && listUrl) {
    const list = await loadNode(issuer.revocationList, 'issuer.revocationList', options.resolver, 'STATUS_UNREACHABLE');
    if (!list.ok) findings.push(list.finding);
    else {
      const entry = revocationListIncludes(readOb2Terms(list.doc), id);
      if (entry.revoked)
        findings.push(finding('REVOKED', `listed in revocation list ${listUrl}${entry.reason ? `: ${entry.reason}` : ''}`));
    }
  }
  findings.push(
    ...checkValidityWindow(
      { start: { field: 'assertion.issuedOn', value: assertion.issuedOn }, end: { field: 'assertion.expires', value: assertion.expires } },
      now,
    ),
  );
  findings.push(...checkRecipient(assertion, options.recipient));
  return findings;
}

export function checkRecipient(assertion: JsonObject, expected: string | undefined): Finding[] {
  const recipient = assertion.recipient;
  if (!expected || !isObject(recipient) || (asString(recipient.type) ?? 'email') !== 'email') return [];
  const identity = asString(recipient.identity) ?? '';
  if (recipient.hashed === true) {
    const matches = matchesHashedIdentity(identity, expected, asString(recipient.salt));
    if (matches === undefined)
      return [finding('MALFORMED', `assertion.recipient.identity uses an unsupported hash: ${identity.split('$')[0]}`)];
    return matches ? [] : [finding('RECIPIENT_MISMATCH', `assertion.recipient.identity is not the hash of ${expected}`)];
  }
  return identity.toLowerCase() === expected.toLowerCase()
    ? []
    : [finding('RECIPIENT_MISMATCH', `assertion.recipient.identity ${identity} is not ${expected}`)];
}

/** Verifies a hosted assertion given as JSON (a file, a baked image, a hosted copy). */
export async function verifyOb2Hosted(given: JsonObject, options: VerifyOptions): Promise<Ob2Outcome> {
  const now = options.now ?? new Date();
  const local = readOb2Terms(given);
  const shape = checkAssertionShape(local);
  if (shape.length > 0) return { format: 'ob2-hosted', assertion: local, result: buildResult('ob2-hosted', shape, now) };
  if (verificationType(local) !== 'hosted') {
    const findings = [
      finding(
        'MALFORMED',
        `assertion.verification.type is ${JSON.stringify((local.verification as JsonObject).type)}: a JSON assertion must be hosted (signed ones come as JWS)`,
      ),
    ];
    return { format: 'ob2-hosted', assertion: local, result: buildResult('ob2-hosted', findings, now) };
  }
  const id = String(local.id);
  const hostedLoaded = await loadNode(id, 'assertion.id', options.resolver, 'ISSUER_UNREACHABLE', 'NOT_FOUND');
  // the spec's short revocation body (served with 410 or 200) says all there is to say
  const revoked = revokedHostedBody(hostedLoaded.ok ? hostedLoaded.doc : hostedLoaded.gone, id);
  if (revoked) return { format: 'ob2-hosted', assertion: local, result: buildResult('ob2-hosted', [revoked], now) };
  if (!hostedLoaded.ok) return { format: 'ob2-hosted', assertion: local, result: buildResult('ob2-hosted', [hostedLoaded.finding], now) };
  const hosted = readOb2Terms(hostedLoaded.doc);
  const findings: Finding[] = [...compareWithHosted(local, hosted)];
  if (hosted.id !== id) findings.push(finding('HOSTED_MISMATCH', `the document at ${id} has id ${JSON.stringify(hosted.id)}`));
  findings.push(...checkAssertionShape(hosted, 'hosted assertion'));
  const { badge, issuer, findings: profileFindings } = await loadProfiles(hosted, options);
  findings.push(...profileFindings);
  if (issuer) findings.push(...checkHostedScope(id, issuer));
  findings.push(...(await checkStanding(hosted, issuer, options, now)));
  // Served from its own id: the URL it was fetched from vouches for it (an embedded issuer profile proves nothing).
  const ran: CheckName[] = ['shape', 'hosted-copy', 'scope', 'documents', 'status', ...standingChecks({}, options.recipient)];
  return {
    format: 'ob2-hosted',
    assertion: hosted,
    badge,
    issuer,
    result: withAuthority(buildResult('ob2-hosted', findings, now, [], ran), /^https?:\/\//.test(id) ? [id] : []),
  };
}

/** Verifies a hosted assertion given only by its URL (e.g. baked into an image as a URL). */
export async function verifyOb2HostedUrl(url: string, options: VerifyOptions): Promise<Ob2Outcome> {
  const loaded = await loadNode(url, 'baked assertion URL', options.resolver, 'ISSUER_UNREACHABLE', 'NOT_FOUND');
  if (!loaded.ok) {
    const assertion = { id: url };
    return { format: 'ob2-hosted', assertion, result: buildResult('ob2-hosted', [loaded.finding], options.now ?? new Date()) };
  }
  return verifyOb2Hosted(loaded.doc, options);
}

interface KeyCheck {
  findings: Finding[];
  notes: string[];
  /** The verifying key and the origin it was fetched from. */
  authority?: string[];
}

/** Finds the signing key (verification.creator, else the issuer's declared keys), checks ownership and the signature. */
async function checkSignature(
  jws: string,
  assertion: JsonObject,
  issuer: JsonObject | undefined,
  options: VerifyOptions,
): Promise<KeyCheck> {
  const creator = isObject(assertion.verification) ? idOf(assertion.verification.creator) : undefined;
  const declared = issuer ? declaredKeyIds(issuer) : [];
  const candidates = creator ? [creator] : declared;
  if (candidates.length === 0) {
    return {
      findings: [finding('UNKNOWN_KEY', 'assertion.verification.creator is missing and the issuer declares no publicKey')],
      notes: [],
    };
  }
  const header = decodeProtectedHeader(jws);
  const alg = header.alg ?? '';
  if (!JWS_ALGORITHMS.includes(alg))
    return { findings: [finding('BAD_SIGNATURE', `JWS alg ${JSON.stringify(alg)} is not allowed`)], notes: [] };
  const failures: Finding[] = [];
  for (const keyId of candidates) {
    const loaded = await loadNode(keyId, 'assertion.verification.creator', options.resolver, 'ISSUER_UNREACHABLE', 'UNKNOWN_KEY');
    if (!loaded.ok) {
      failures.push(loaded.finding);
      continue;
    }
    const key = loaded.doc;
    const pem = asString(key.publicKeyPem);
    if (!pem) {
      failures.push(finding('UNKNOWN_KEY', `key ${keyId} has no publicKeyPem`));
      continue;
    }
    try {
      await compactVerify(jws, await importSPKI(pem, alg));
    } catch (error) {
      failures.push(
        finding('BAD_SIGNATURE', `signature does not verify with key ${keyId}: ${error instanceof Error ? error.message : String(error)}`),
      );
      continue;
    }
    const ownership: Finding[] = [];
    const issuerId = issuer && asString(issuer.id);
    if (issuer && !declared.includes(keyId)) {
      ownership.push(finding('KEY_NOT_OWNED_BY_ISSUER', `issuer ${issuerId} does not list key ${keyId} in issuer.publicKey`));
    }
    if (issuerId && idOf(key.owner) !== issuerId) {
      ownership.push(finding('KEY_NOT_OWNED_BY_ISSUER', `key ${keyId} names owner ${JSON.stringify(key.owner)}, not issuer ${issuerId}`));
    }
    // The key was fetched from its id: that URL vouches for the signature.
    return { findings: ownership, notes: [], authority: [keyId] };
  }
  return { findings: failures, notes: [] };
}

/** Verifies a signed assertion (compact JWS). */
export async function verifyOb2Signed(jws: string, options: VerifyOptions): Promise<Ob2Outcome> {
  const now = options.now ?? new Date();
  const decoded = decodeJwsPayload(jws);
  if (!decoded.ok || !isObject(decoded.payload)) {
    const detail = decoded.ok ? 'JWS payload is not a JSON object' : decoded.error;
    return { format: 'ob2-signed', assertion: {}, result: buildResult('ob2-signed', [finding('MALFORMED', detail)], now) };
  }
  const assertion = readOb2Terms(decoded.payload);
  const shape = checkAssertionShape(assertion);
  if (shape.length > 0) return { format: 'ob2-signed', assertion, result: buildResult('ob2-signed', shape, now) };
  const findings: Finding[] = [];
  if (verificationType(assertion) !== 'signed') {
    findings.push(
      finding(
        'MALFORMED',
        `assertion.verification.type must be "signed" in a JWS, got ${JSON.stringify((assertion.verification as JsonObject).type)}`,
      ),
    );
  }
  const { badge, issuer, findings: profileFindings } = await loadProfiles(assertion, options);
  findings.push(...profileFindings);
  const signature = await checkSignature(jws.trim(), assertion, issuer, options);
  findings.push(...signature.findings);
  findings.push(...(await checkStanding(assertion, issuer, options, now)));
  const ran: CheckName[] = ['shape', 'documents', 'proof', 'key', 'status', ...standingChecks({}, options.recipient)];
  return {
    format: 'ob2-signed',
    assertion,
    badge,
    issuer,
    result: withAuthority(buildResult('ob2-signed', findings, now, signature.notes, ran), signature.authority ?? []),
  };
}
