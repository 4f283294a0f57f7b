/** Pure structural and policy checks of Open Badges 2.0 documents. */
import { OB2_CONTEXT_URL } from './contexts.ts';
import { asArray, asString, idOf, isObject, jsonEqual, typesOf, type JsonObject } from './json.ts';
import { finding, type Finding } from './result.ts';

/** Context URLs accepted for OB 2.0 (the canonical one and its published aliases). */
const OB2_CONTEXTS = new Set([OB2_CONTEXT_URL, 'https://openbadgespec.org/v2/context.json', 'https://w3id.org/openbadges/v2/']);

function hasOb2Context(doc: JsonObject): boolean {
  return asArray(doc['@context']).some((c) => typeof c === 'string' && OB2_CONTEXTS.has(c));
}

/** True when a JSON document claims to be an OB 2.0 document (by context). */
export function looksLikeOb2(doc: JsonObject): boolean {
  return hasOb2Context(doc) || (typesOf(doc).includes('Assertion') && 'badge' in doc);
}

/** Required shape of an Assertion; `where` names the document in details. */
export function checkAssertionShape(assertion: JsonObject, where = 'assertion'): Finding[] {
  const findings: Finding[] = [];
  if (!hasOb2Context(assertion)) {
    findings.push(finding('MALFORMED', `${where}.@context must be "${OB2_CONTEXT_URL}", got ${JSON.stringify(assertion['@context'])}`));
  }
  if (!typesOf(assertion).includes('Assertion')) {
    findings.push(finding('MALFORMED', `${where}.type must be "Assertion", got ${JSON.stringify(assertion.type)}`));
  }
  if (!asString(assertion.id)) findings.push(finding('MALFORMED', `${where}.id is missing`));
  if (!isObject(assertion.recipient) || !asString(assertion.recipient.identity)) {
    findings.push(finding('MALFORMED', `${where}.recipient.identity is missing`));
  }
  if (!idOf(assertion.badge)) findings.push(finding('MALFORMED', `${where}.badge is missing`));
  if (!asString(assertion.issuedOn)) findings.push(finding('MALFORMED', `${where}.issuedOn is missing`));
  if (!isObject(assertion.verification)) findings.push(finding('MALFORMED', `${where}.verification is missing`));
  return findings;
}

export function checkBadgeClassShape(badge: JsonObject, where: string): Finding[] {
  const findings: Finding[] = [];
  if (!typesOf(badge).includes('BadgeClass')) {
    findings.push(finding('MALFORMED', `${where}.type must be "BadgeClass", got ${JSON.stringify(badge.type)}`));
  }
  if (!asString(badge.name)) findings.push(finding('MALFORMED', `${where}.name is missing`));
  if (!idOf(badge.issuer)) findings.push(finding('MALFORMED', `${where}.issuer is missing`));
  return findings;
}

export function checkIssuerShape(issuer: JsonObject, where: string): Finding[] {
  const findings: Finding[] = [];
  const types = typesOf(issuer);
  if (!types.includes('Issuer') && !types.includes('Profile')) {
    findings.push(finding('MALFORMED', `${where}.type must be "Issuer" or "Profile", got ${JSON.stringify(issuer.type)}`));
  }
  if (!asString(issuer.id)) findings.push(finding('MALFORMED', `${where}.id is missing`));
  return findings;
}

/** `verification.type` normalized to 'hosted' | 'signed' (OB 2.0 accepts both short and long names). */
export function verificationType(assertion: JsonObject): 'hosted' | 'signed' | undefined {
  const type = isObject(assertion.verification) ? asString(assertion.verification.type) : undefined;
  if (type === 'hosted' || type === 'HostedBadge') return 'hosted';
  if (type === 'signed' || type === 'SignedBadge') return 'signed';
  return undefined;
}

/**
 * Compares a local copy of a hosted assertion with the copy at its id: every
 * field present locally must be identical there (a baked copy may omit fields).
 */
export function compareWithHosted(local: JsonObject, hosted: JsonObject): Finding[] {
  const differing = Object.keys(local).filter((key) => !jsonEqual(local[key], hosted[key]));
  return differing.length === 0
    ? []
    : [finding('HOSTED_MISMATCH', `fields ${differing.join(', ')} differ from the assertion hosted at ${String(local.id)}`)];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * A hosted assertion id must lie in its issuer's verification scope:
 * `verification.startsWith` prefixes and `verification.allowedOrigins` hosts,
 * or by default the host of the issuer id.
 */
export function checkHostedScope(assertionId: string, issuer: JsonObject): Finding[] {
  const policy = isObject(issuer.verification) ? issuer.verification : {};
  const startsWith = asArray(policy.startsWith).filter((s): s is string => typeof s === 'string');
  const allowedOrigins = asArray(policy.allowedOrigins).filter((s): s is string => typeof s === 'string');
  const host = hostOf(assertionId);
  const findings: Finding[] = [];
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix))) {
    findings.push(
      finding(
        'OUT_OF_SCOPE',
        `assertion id ${assertionId} does not start with any of issuer.verification.startsWith ${JSON.stringify(startsWith)}`,
      ),
    );
  }
  if (allowedOrigins.length > 0 && !allowedOrigins.some((origin) => origin === host)) {
    findings.push(
      finding(
        'OUT_OF_SCOPE',
        `host of assertion id ${assertionId} is not in issuer.verification.allowedOrigins ${JSON.stringify(allowedOrigins)}`,
      ),
    );
  }
  if (startsWith.length === 0 && allowedOrigins.length === 0) {
    const issuerHost = hostOf(asString(issuer.id) ?? '');
    if (!issuerHost || issuerHost !== host) {
      findings.push(
        finding(
          'OUT_OF_SCOPE',
          `assertion id ${assertionId} is not on the host of issuer id ${String(issuer.id)} and the issuer declares no verification scope`,
        ),
      );
    }
  }
  return findings;
}

/** True when an OB 2.0 RevocationList lists the assertion id. */
export function revocationListIncludes(list: JsonObject, assertionId: string): { revoked: boolean; reason?: string } {
  for (const entry of asArray(list.revokedAssertions)) {
    if (idOf(entry) === assertionId || (isObject(entry) && entry.uid === assertionId)) {
      const reason = isObject(entry) ? asString(entry.revocationReason) : undefined;
      return reason ? { revoked: true, reason } : { revoked: true };
    }
  }
  return { revoked: false };
}

/** Keys an OB 2.0 issuer profile declares (`publicKey`, ids or embedded keys). */
export function declaredKeyIds(issuer: JsonObject): string[] {
  return asArray(issuer.publicKey)
    .map(idOf)
    .filter((id): id is string => id !== undefined);
}
