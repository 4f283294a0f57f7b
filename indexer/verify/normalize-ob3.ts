/** Maps OB 3.0 credentials (also those inside a CLR) onto `NormalizedCredential` (pure). */
import { createHash } from 'node:crypto';
import { alignmentsOf } from './alignments.ts';
import { asArray, asString, idOf, isObject, type JsonObject } from './json.ts';
import { emailIdentifiers } from './ob3-checks.ts';
import { matchesHashedIdentity } from './recipient.ts';
import type { CredentialFormat, NormalizedCredential, VerificationResult } from './types.ts';

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A credential without an id still needs a stable dedup key: the hash of its content. */
function stableId(credential: JsonObject): string {
  return asString(credential.id) ?? `urn:sha256:${createHash('sha256').update(JSON.stringify(credential)).digest('hex')}`;
}

/** An email identifier (what the directory indexes by) wins over the subject id; the subject id over other identifiers. */
function recipientOf(subject: JsonObject, expected: string | undefined): NormalizedCredential['recipient'] {
  const name = asString(subject.name);
  const extra = name ? { name } : {};
  const email = emailIdentifiers(subject)[0];
  const subjectId = asString(subject.id);
  if (email) {
    const identity = asString(email.identityHash) ?? '';
    const salt = asString(email.salt);
    const hashed = email.hashed === true;
    const saltField = salt && hashed ? { salt } : {};
    if (hashed && expected && matchesHashedIdentity(identity, expected, salt) === true) {
      return { type: 'email', identity: expected.toLowerCase(), hashed: true, ...saltField, ...extra };
    }
    return { type: hashed ? 'hashed-email' : 'email', identity, hashed, ...saltField, ...extra };
  }
  if (subjectId) {
    const type = subjectId.startsWith('did:')
      ? 'did'
      : /^https?:/.test(subjectId)
        ? 'url'
        : subjectId.startsWith('mailto:')
          ? 'email'
          : 'id';
    return { type, identity: type === 'email' ? subjectId.slice('mailto:'.length) : subjectId, hashed: false, ...extra };
  }
  const other = asArray(subject.identifier).find(isObject);
  if (other) {
    const type = other.identityType === 'phoneNumber' ? 'telephone' : other.identityType === 'url' ? 'url' : 'id';
    return { type, identity: asString(other.identityHash) ?? '', hashed: other.hashed === true, ...extra };
  }
  return { type: 'id', identity: '', hashed: false, ...extra };
}

function criteriaOf(achievement: JsonObject): string | undefined {
  const criteria = achievement.criteria;
  if (typeof criteria === 'string') return criteria;
  return isObject(criteria) ? (asString(criteria.narrative) ?? asString(criteria.id)) : undefined;
}

function evidenceOf(credential: JsonObject): NormalizedCredential['evidence'] {
  return asArray(credential.evidence)
    .filter(isObject)
    .map((e) =>
      withoutUndefined({
        id: asString(e.id),
        name: asString(e.name),
        narrative: asString(e.narrative) ?? asString(e.description),
        url: asString(e.id) && /^https?:/.test(String(e.id)) ? String(e.id) : undefined,
      }),
    );
}

/**
 * OB 3.0 results (`credentialSubject.result`), as evidence entries of kind
 * `result`: named by their result description (in the achievement), with the
 * value, or the rubric level achieved, or the status.
 */
function resultsOf(subject: JsonObject, achievement: JsonObject): NormalizedCredential['evidence'] {
  const descriptions = asArray(achievement.resultDescription).filter(isObject);
  const levels = descriptions.flatMap((d) => asArray(d.rubricCriterionLevel).filter(isObject));
  return asArray(subject.result)
    .filter(isObject)
    .map((result) => {
      const description = descriptions.find((d) => asString(d.id) !== undefined && d.id === result.resultDescription);
      const level = levels.find((l) => asString(l.id) !== undefined && l.id === result.achievedLevel);
      const value = asString(result.value) ?? (level ? asString(level.name) : undefined) ?? asString(result.status);
      return withoutUndefined({
        kind: 'result' as const,
        name: (description ? asString(description.name) : undefined) ?? 'Result',
        narrative: value,
      });
    })
    .filter((r) => r.narrative !== undefined);
}

export function normalizeOb3(
  credential: JsonObject,
  format: CredentialFormat,
  source: string,
  verification: VerificationResult,
  expectedRecipient?: string,
): NormalizedCredential {
  const subject = asArray(credential.credentialSubject).find(isObject) ?? {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const issuer = isObject(credential.issuer) ? credential.issuer : { id: idOf(credential.issuer) };
  const issuedOn = asString(credential.validFrom) ?? asString(credential.issuanceDate) ?? asString(credential.awardedDate) ?? '';
  const expiresOn = asString(credential.validUntil) ?? asString(credential.expirationDate);
  const normalized: NormalizedCredential = {
    id: stableId(credential),
    format,
    source,
    recipient: recipientOf(subject, expectedRecipient),
    issuer: withoutUndefined({
      id: asString(issuer.id) ?? '',
      name: asString(issuer.name) ?? '',
      url: asString(issuer.url),
      email: asString(issuer.email),
    }),
    achievement: withoutUndefined({
      id: asString(achievement.id) ?? '',
      name: asString(achievement.name) ?? asString(credential.name) ?? '',
      description: asString(achievement.description),
      criteria: criteriaOf(achievement),
      image: idOf(achievement.image),
      type: asString(achievement.achievementType),
      tags: asArray(achievement.tag).filter((t): t is string => typeof t === 'string'),
      alignments: alignmentsOf(achievement),
    }),
    evidence: [...evidenceOf(credential), ...resultsOf(subject, achievement)],
    issuedOn,
    verification,
  };
  if (expiresOn) normalized.expiresOn = expiresOn;
  return normalized;
}
