/**
 * Open Badges 1.0 / 1.1 hosted assertions (the Mozilla Backpack and Badgr
 * era), verified as hosted: the assertion is re-fetched from `verify.url` and
 * compared, its BadgeClass and Issuer organization are fetched, the
 * assertion's URL must lie on the issuer's origin, and the issuer's
 * revocation list, the dates and the recipient are checked. The verified
 * documents are then read as their OB 2.0 equivalents for normalization.
 */
import { checkValidityWindow } from './dates.ts';
import { asArray, asString, idOf, isObject, jsonEqual, typesOf, type JsonObject } from './json.ts';
import { checkRecipient, type Ob2Outcome } from './ob2.ts';
import { loadNode } from './remote.ts';
import { buildResult, finding, type Finding } from './result.ts';
import { standingChecks, type CheckName } from './checks.ts';
import type { VerifyOptions } from './types.ts';

/** The OB 1.1 context; OB 1.0 assertions carry none. */
export const OB1_CONTEXT_URL = 'https://w3id.org/openbadges/v1';

/** True when a JSON document is an OB 1.0 / 1.1 assertion: `uid`, `badge` and a hosted or signed `verify` object. */
export function looksLikeOb1(doc: JsonObject): boolean {
  const context = asArray(doc['@context']);
  if (context.includes(OB1_CONTEXT_URL)) return typesOf(doc).includes('Assertion') || 'verify' in doc;
  return context.length === 0 && 'uid' in doc && 'badge' in doc && isObject(doc.verify);
}

/** OB 1.0 dates are ISO 8601 dates or 10-digit Unix timestamps. */
function isoDate(value: unknown): unknown {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,10}$/.test(value)))
    return new Date(Number(value) * 1000).toISOString();
  return value;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

function checkShape(assertion: JsonObject, where: string): Finding[] {
  const findings: Finding[] = [];
  if (!asString(assertion.uid)) findings.push(finding('MALFORMED', `${where}.uid is missing`));
  if (!isObject(assertion.recipient) || !asString(assertion.recipient.identity))
    findings.push(finding('MALFORMED', `${where}.recipient must be an object with an identity (OB 1.0)`));
  if (!idOf(assertion.badge)) findings.push(finding('MALFORMED', `${where}.badge is missing`));
  if (assertion.issuedOn === undefined) findings.push(finding('MALFORMED', `${where}.issuedOn is missing`));
  const verify = isObject(assertion.verify) ? assertion.verify : undefined;
  if (!verify || !asString(verify.url)) findings.push(finding('MALFORMED', `${where}.verify.url is missing`));
  else if (verify.type !== 'hosted')
    findings.push(
      finding('UNSUPPORTED_FORMAT', `${where}.verify.type is ${JSON.stringify(verify.type)}: only hosted OB 1.0 assertions are supported`),
    );
  return findings;
}

/** The documents of a verified OB 1.0 award, as OB 2.0 shapes (for normalization). */
function asOb2(
  hosted: JsonObject,
  url: string,
  badge: JsonObject | undefined,
  issuer: JsonObject | undefined,
): Pick<Ob2Outcome, 'assertion' | 'badge' | 'issuer'> {
  const issuerId = issuer ? (asString(issuer.id) ?? idOf(badge?.issuer) ?? asString(issuer.url)) : undefined;
  return {
    assertion: {
      ...hosted,
      id: url,
      issuedOn: isoDate(hosted.issuedOn),
      ...(hosted.expires !== undefined ? { expires: isoDate(hosted.expires) } : {}),
      verification: { type: 'hosted' },
    },
    ...(badge ? { badge: { ...badge, id: asString(badge.id) ?? idOf(hosted.badge), type: 'BadgeClass' } } : {}),
    ...(issuer ? { issuer: { ...issuer, ...(issuerId ? { id: issuerId } : {}), type: 'Issuer' } } : {}),
  };
}

/** Verifies an OB 1.0 / 1.1 hosted assertion given as JSON (a file, a baked image, a fetched copy). */
export async function verifyOb1Hosted(local: JsonObject, options: VerifyOptions): Promise<Ob2Outcome> {
  const now = options.now ?? new Date();
  const done = (findings: Finding[], parts: Pick<Ob2Outcome, 'assertion' | 'badge' | 'issuer'>, ran: CheckName[] = []): Ob2Outcome => ({
    format: 'ob1-hosted',
    ...parts,
    result: buildResult('ob1-hosted', findings, now, [], ran),
  });
  const shape = checkShape(local, 'assertion');
  if (shape.length > 0) return done(shape, { assertion: local });
  const url = String((local.verify as JsonObject).url);
  const hostedLoaded = await loadNode(url, 'assertion.verify.url', options.resolver, 'ISSUER_UNREACHABLE', 'NOT_FOUND');
  if (!hostedLoaded.ok) {
    // OB 1.0: "revoked badges should return 410 Gone"
    const gone =
      hostedLoaded.status === 410
        ? finding('REVOKED', `the assertion hosted at ${url} answers 410 Gone (OB 1.0: revoked)`)
        : hostedLoaded.finding;
    return done([gone], { assertion: { ...local, id: url } });
  }
  const hosted = hostedLoaded.doc;
  const findings: Finding[] = [...checkShape(hosted, 'hosted assertion')];
  const differing = Object.keys(local).filter((key) => !jsonEqual(local[key], hosted[key]));
  if (differing.length > 0)
    findings.push(finding('HOSTED_MISMATCH', `fields ${differing.join(', ')} differ from the assertion hosted at ${url}`));
  const hostedUrl = isObject(hosted.verify) ? asString(hosted.verify.url) : undefined;
  if (hostedUrl !== url)
    findings.push(finding('HOSTED_MISMATCH', `the assertion hosted at ${url} names verify.url ${JSON.stringify(hostedUrl)}`));

  const badgeLoaded = await loadNode(hosted.badge, 'assertion.badge', options.resolver);
  const badge = badgeLoaded.ok ? badgeLoaded.doc : undefined;
  if (!badgeLoaded.ok) findings.push(badgeLoaded.finding);
  let issuer: JsonObject | undefined;
  if (badge) {
    if (!asString(badge.name)) findings.push(finding('MALFORMED', 'badge.name is missing'));
    const issuerLoaded = await loadNode(badge.issuer, 'badge.issuer', options.resolver);
    if (!issuerLoaded.ok) findings.push(issuerLoaded.finding);
    else issuer = issuerLoaded.doc;
  }
  if (issuer) {
    // OB 1.0: a hosted assertion must live on its issuer's origin
    const origin = hostOf(asString(issuer.url) ?? asString(issuer.origin));
    if (!origin || origin !== hostOf(url))
      findings.push(finding('OUT_OF_SCOPE', `assertion ${url} is not on the origin of issuer url ${String(issuer.url ?? issuer.origin)}`));
    const listUrl = asString(issuer.revocationList);
    if (listUrl) {
      const list = await loadNode(listUrl, 'issuer.revocationList', options.resolver, 'STATUS_UNREACHABLE');
      if (!list.ok) findings.push(list.finding);
      else if (Object.hasOwn(list.doc, String(hosted.uid))) {
        const reason = asString(list.doc[String(hosted.uid)]);
        findings.push(
          finding('REVOKED', `uid ${String(hosted.uid)} is listed in revocation list ${listUrl}${reason ? `: ${reason}` : ''}`),
        );
      }
    }
  }
  findings.push(
    ...checkValidityWindow(
      {
        start: { field: 'assertion.issuedOn', value: isoDate(hosted.issuedOn) },
        end: { field: 'assertion.expires', value: hosted.expires === undefined ? undefined : isoDate(hosted.expires) },
      },
      now,
    ),
    ...checkRecipient(hosted, options.recipient),
  );
  const ran: CheckName[] = ['shape', 'hosted-copy', 'scope', 'documents', 'status', ...standingChecks({}, options.recipient)];
  return done(findings, asOb2(hosted, url, badge, issuer), ran);
}
