/** Pure structural, validity and recipient checks of OB 3.0 / CLR 2.0 credentials. */
import { PINNED_CONTEXTS } from './contexts.ts';
import { checkValidityWindow } from './dates.ts';
import { asArray, asString, idOf, isObject, typesOf, type JsonObject } from './json.ts';
import { matchesHashedIdentity } from './recipient.ts';
import { finding, type Finding } from './result.ts';

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** Credential types this project reads as Open Badges (AchievementCredential is the OB 3.0 alias). */
const BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

/** True when a JSON document claims to be a verifiable credential. */
export function looksLikeVc(doc: JsonObject): boolean {
  const first = asArray(doc['@context'])[0];
  return first === VC_V1_CONTEXT || first === VC_V2_CONTEXT || typesOf(doc).includes('VerifiableCredential');
}

/** True when a credential's type names an Open Badge. */
export function isBadgeCredential(credential: JsonObject): boolean {
  return typesOf(credential).some((t) => BADGE_TYPES.includes(t));
}

export function isClr(doc: JsonObject): boolean {
  return typesOf(doc).includes('ClrCredential');
}

/** Every context given by URL must be pinned: remote contexts are never fetched. */
export function checkContextsPinned(credential: JsonObject, where = 'credential'): Finding[] {
  return asArray(credential['@context'])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => typeof c === 'string' && !PINNED_CONTEXTS.has(c))
    .map(({ c, i }) => finding('UNKNOWN_CONTEXT', `${where}.@context[${i}] ${JSON.stringify(c)} is not a known (pinned) context`));
}

/**
 * Shape problems that make every further check meaningless: not a verifiable
 * credential of the expected kind, or no issuer.
 */
export function checkCredentialEnvelope(credential: JsonObject, expected: 'badge' | 'clr', where = 'credential'): Finding[] {
  const findings: Finding[] = [];
  const first = asArray(credential['@context'])[0];
  if (first !== VC_V1_CONTEXT && first !== VC_V2_CONTEXT) {
    findings.push(
      finding('MALFORMED', `${where}.@context[0] must be "${VC_V2_CONTEXT}" or "${VC_V1_CONTEXT}", got ${JSON.stringify(first)}`),
    );
  }
  const types = typesOf(credential);
  if (!types.includes('VerifiableCredential')) findings.push(finding('MALFORMED', `${where}.type must include "VerifiableCredential"`));
  // a credential that is not a badge is still verified (see checkCredentialSubject); a CLR must be one
  if (expected === 'clr' && !types.includes('ClrCredential')) {
    findings.push(finding('MALFORMED', `${where}.type must include "ClrCredential", got ${JSON.stringify(credential.type)}`));
  }
  if (!idOf(credential.issuer)) findings.push(finding('MALFORMED', `${where}.issuer (with an id) is missing`));
  return findings;
}

/** Shape problems of the claim itself; the proof and validity checks still run. */
export function checkCredentialSubject(credential: JsonObject, expected: 'badge' | 'clr', where = 'credential'): Finding[] {
  const findings: Finding[] = [];
  const subject = credential.credentialSubject;
  if (expected === 'badge' && !isBadgeCredential(credential)) {
    return [
      finding(
        'NOT_A_BADGE',
        `${where}.type ${JSON.stringify(credential.type)} names no ${BADGE_TYPES.map((t) => `"${t}"`).join(' or ')}: a verifiable credential, not an Open Badge`,
      ),
    ];
  }
  if (!isObject(subject)) findings.push(finding('MALFORMED', `${where}.credentialSubject is missing`));
  else if (expected === 'badge' && !isObject(subject.achievement)) {
    findings.push(finding('MALFORMED', `${where}.credentialSubject.achievement is missing`));
  }
  return findings;
}

/** VC 2.0 `validFrom`/`validUntil`, VC 1.1 `issuanceDate`/`expirationDate`. */
export function checkCredentialDates(credential: JsonObject, now: Date, where = 'credential'): Finding[] {
  const v1 = asArray(credential['@context'])[0] === VC_V1_CONTEXT;
  const startField = v1 ? 'issuanceDate' : 'validFrom';
  const endField = v1 ? 'expirationDate' : 'validUntil';
  return checkValidityWindow(
    {
      start: { field: `${where}.${startField}`, value: credential[startField] },
      end: { field: `${where}.${endField}`, value: credential[endField] },
    },
    now,
  );
}

/** Email identifiers of the subject (`credentialSubject.identifier` with identityType emailAddress). */
export function emailIdentifiers(subject: JsonObject): JsonObject[] {
  return asArray(subject.identifier)
    .filter(isObject)
    .filter((i) => i.identityType === 'emailAddress');
}

/** When an expected email is given and the subject names emails, one of them must match. */
export function checkSubjectRecipient(credential: JsonObject, expected: string | undefined, where = 'credential'): Finding[] {
  const subject = credential.credentialSubject;
  if (!expected || !isObject(subject)) return [];
  const emails = emailIdentifiers(subject);
  if (emails.length === 0) return [];
  const matches = emails.some((e) => {
    const identity = asString(e.identityHash) ?? '';
    return e.hashed === true
      ? matchesHashedIdentity(identity, expected, asString(e.salt)) === true
      : identity.toLowerCase() === expected.toLowerCase();
  });
  return matches ? [] : [finding('RECIPIENT_MISMATCH', `${where}.credentialSubject.identifier names no email matching ${expected}`)];
}
