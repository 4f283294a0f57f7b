/** Maps verified OB 2.0 documents onto `NormalizedCredential` (pure). */
import { alignmentsOf } from './alignments.ts';
import { asArray, asString, idOf, isObject, type JsonObject } from './json.ts';
import type { Ob2Outcome } from './ob2.ts';
import { matchesHashedIdentity } from './recipient.ts';
import type { NormalizedCredential } from './types.ts';

function recipientOf(assertion: JsonObject, expected: string | undefined): NormalizedCredential['recipient'] {
  const recipient = isObject(assertion.recipient) ? assertion.recipient : {};
  const identity = asString(recipient.identity) ?? '';
  const hashed = recipient.hashed === true;
  const salt = asString(recipient.salt);
  const declared = asString(recipient.type) ?? 'email';
  const base = salt ? { salt } : {};
  if (declared === 'email') {
    if (hashed && expected && matchesHashedIdentity(identity, expected, salt) === true) {
      return { type: 'email', identity: expected.toLowerCase(), hashed: true, ...base };
    }
    return { type: hashed ? 'hashed-email' : 'email', identity, hashed, ...base };
  }
  const type = declared === 'url' || declared === 'telephone' ? declared : 'id';
  return { type, identity, hashed, ...base };
}

function criteriaOf(badge: JsonObject): string | undefined {
  if (typeof badge.criteria === 'string') return badge.criteria;
  if (isObject(badge.criteria)) return asString(badge.criteria.narrative) ?? asString(badge.criteria.id);
  return undefined;
}

function evidenceOf(assertion: JsonObject): NormalizedCredential['evidence'] {
  return asArray(assertion.evidence).map((e) => {
    if (typeof e === 'string') return { id: e, url: e };
    if (!isObject(e)) return {};
    const item: NormalizedCredential['evidence'][number] = {};
    const id = asString(e.id);
    if (id) {
      item.id = id;
      item.url = id;
    }
    const name = asString(e.name);
    if (name) item.name = name;
    const narrative = asString(e.narrative);
    if (narrative) item.narrative = narrative;
    return item;
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function normalizeOb2(outcome: Ob2Outcome, source: string, expectedRecipient?: string): NormalizedCredential {
  const { assertion } = outcome;
  const badge = outcome.badge ?? (isObject(assertion.badge) ? assertion.badge : {});
  const issuer = outcome.issuer ?? (isObject(badge.issuer) ? badge.issuer : {});
  const expires = asString(assertion.expires);
  const credential: NormalizedCredential = {
    id: asString(assertion.id) ?? source,
    format: outcome.format,
    source,
    recipient: recipientOf(assertion, expectedRecipient),
    issuer: withoutUndefined({
      id: asString(issuer.id) ?? idOf(badge.issuer) ?? '',
      name: asString(issuer.name) ?? '',
      url: asString(issuer.url),
      email: asString(issuer.email),
    }),
    achievement: withoutUndefined({
      id: asString(badge.id) ?? idOf(assertion.badge) ?? '',
      name: asString(badge.name) ?? '',
      description: asString(badge.description),
      criteria: criteriaOf(badge),
      image: idOf(badge.image),
      type: 'Badge',
      tags: asArray(badge.tags).filter((t): t is string => typeof t === 'string'),
      alignments: alignmentsOf(badge),
    }),
    evidence: evidenceOf(assertion),
    issuedOn: asString(assertion.issuedOn) ?? '',
    verification: outcome.result,
  };
  if (expires) credential.expiresOn = expires;
  return credential;
}
