/**
 * Builds the unsigned documents of the data set: OB 3.0 credentials, OB 2.0
 * assertions, and the issuers' published documents (profiles, badge classes,
 * keys, revocation lists). Pure: signing happens in `issue.ts`.
 */
import { OB2_CONTEXT_URL } from '../../../indexer/verify/contexts.ts';
import { encodeStatusList } from '../../../indexer/verify/bitstring.ts';
import { hashIdentity } from '../../../indexer/verify/recipient.ts';
import type { IssuerSetup, ResolvedAchievement } from './issuers.ts';
import type { PlannedBadge } from '../data/plan.ts';
import type { DemoUrls } from '../urls.ts';
import { demoEvidence, demoResult, RESULT_NAME } from './evidence.ts';

type Json = Record<string, unknown>;

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
/** Bitstring Status List minimum length (16 KiB of bits), which also hides how many credentials an issuer has. */
const MIN_STATUS_LIST_BITS = 131_072;
const REVOCATION_REASON = 'Issued in error; withdrawn by the issuer.';

function ob3Achievement(achievement: ResolvedAchievement): Json {
  const a = achievement.definition;
  return {
    id: achievement.id,
    type: ['Achievement'],
    achievementType: a.achievementType,
    name: a.name,
    description: a.description,
    criteria: { narrative: a.criteria },
    ...(achievement.imageUrl ? { image: { id: achievement.imageUrl, type: 'Image' } } : {}),
    tag: a.tags,
    alignment: achievement.alignments.map((alignment) => ({ type: ['Alignment'], ...alignment })),
    resultDescription: [{ id: resultDescriptionId(achievement), type: ['ResultDescription'], name: RESULT_NAME, resultType: 'Percent' }],
  };
}

const resultDescriptionId = (achievement: ResolvedAchievement): string => `${achievement.id}#result`;

function ob3Status(badge: PlannedBadge, setup: IssuerSetup, urls: DemoUrls): Json {
  if (setup.summary.revocation === 'bitstring') {
    const list = urls.ob3StatusList(setup.definition.slug);
    return {
      id: `${list}#${badge.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(badge.statusIndex),
      statusListCredential: list,
    };
  }
  return { id: urls.ob3RevocationList(setup.definition.slug), type: '1EdTechRevocationList' };
}

/** An unsigned OB 3.0 OpenBadgeCredential for one planned badge. */
export function ob3Credential(badge: PlannedBadge, setup: IssuerSetup, urls: DemoUrls): Json {
  const achievement = setup.achievements[badge.achievementIndex]!;
  const d = setup.definition;
  const evidence = demoEvidence(badge.credentialId);
  const contexts =
    d.method === 'ob3-ed25519-signature-2020' ? [VC_V2_CONTEXT, OB3_CONTEXT, ED25519_2020_CONTEXT] : [VC_V2_CONTEXT, OB3_CONTEXT];
  return {
    '@context': contexts,
    id: badge.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: setup.summary.id, type: ['Profile'], name: d.name, url: d.homepage, email: d.email },
    validFrom: badge.issuedOn,
    ...(badge.validUntil ? { validUntil: badge.validUntil } : {}),
    name: achievement.definition.name,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: badge.name,
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: badge.email }],
      achievement: ob3Achievement(achievement),
      ...(evidence
        ? { result: [{ type: ['Result'], resultDescription: resultDescriptionId(achievement), value: demoResult(badge.credentialId) }] }
        : {}),
    },
    ...(evidence ? { evidence: [{ type: ['Evidence'], ...evidence }] } : {}),
    credentialStatus: ob3Status(badge, setup, urls),
  };
}

/** An unsigned OB 2.0 assertion (hosted or, before signing, signed). */
export function ob2Assertion(badge: PlannedBadge, setup: IssuerSetup, urls: DemoUrls): Json {
  const d = setup.definition;
  const achievement = setup.achievements[badge.achievementIndex]!;
  const recipient = setup.salt
    ? { type: 'email', hashed: true, salt: setup.salt, identity: hashIdentity(badge.email, setup.salt) }
    : { type: 'email', hashed: false, identity: badge.email };
  const verification = d.method === 'ob2-signed' ? { type: 'signed', creator: urls.ob2Key(d.slug) } : { type: 'hosted' };
  const evidence = demoEvidence(badge.credentialId);
  return {
    '@context': OB2_CONTEXT_URL,
    type: 'Assertion',
    id: badge.credentialId,
    recipient,
    badge: achievement.id,
    issuedOn: badge.issuedOn,
    ...(badge.validUntil ? { expires: badge.validUntil } : {}),
    ...(evidence ? { evidence: [evidence] } : {}),
    verification,
  };
}

/** The OB 2.0 issuer profile. */
export function ob2IssuerProfile(setup: IssuerSetup, urls: DemoUrls): Json {
  const d = setup.definition;
  return {
    '@context': OB2_CONTEXT_URL,
    type: 'Issuer',
    id: setup.summary.id,
    name: d.name,
    url: d.homepage,
    email: d.email,
    description: d.description,
    revocationList: urls.ob2RevocationList(d.slug),
    ...(d.method === 'ob2-signed' ? { publicKey: [urls.ob2Key(d.slug)] } : {}),
  };
}

export function ob2BadgeClass(achievement: ResolvedAchievement, setup: IssuerSetup): Json {
  const a = achievement.definition;
  return {
    '@context': OB2_CONTEXT_URL,
    type: 'BadgeClass',
    id: achievement.id,
    name: a.name,
    description: a.description,
    ...(achievement.imageUrl ? { image: achievement.imageUrl } : {}),
    criteria: { narrative: a.criteria },
    issuer: setup.summary.id,
    tags: a.tags,
    alignment: achievement.alignments,
  };
}

export function ob2CryptographicKey(setup: IssuerSetup, urls: DemoUrls, publicKeyPem: string): Json {
  return {
    '@context': OB2_CONTEXT_URL,
    type: 'CryptographicKey',
    id: urls.ob2Key(setup.definition.slug),
    owner: setup.summary.id,
    publicKeyPem,
  };
}

export function ob2RevocationList(setup: IssuerSetup, urls: DemoUrls, revoked: readonly PlannedBadge[]): Json {
  return {
    '@context': OB2_CONTEXT_URL,
    type: 'RevocationList',
    id: urls.ob2RevocationList(setup.definition.slug),
    issuer: setup.summary.id,
    revokedAssertions: revoked.map((b) => ({ id: b.credentialId, revocationReason: REVOCATION_REASON })),
  };
}

/** The 1EdTech revocation list an OB 3.0 issuer publishes. */
export function ob3RevocationList(setup: IssuerSetup, urls: DemoUrls, revoked: readonly PlannedBadge[]): Json {
  return {
    id: urls.ob3RevocationList(setup.definition.slug),
    type: '1EdTechRevocationList',
    issuer: setup.summary.id,
    revokedCredentials: revoked.map((b) => ({ id: b.credentialId, revocationReason: REVOCATION_REASON })),
  };
}

/** The unsigned Bitstring Status List credential, with the bits of `revoked` set. */
export function ob3StatusListCredential(
  setup: IssuerSetup,
  urls: DemoUrls,
  issued: number,
  revoked: readonly PlannedBadge[],
  validFrom: string,
): Json {
  const bits = Math.max(MIN_STATUS_LIST_BITS, Math.ceil(issued / 8) * 8);
  const bytes = new Uint8Array(bits / 8);
  for (const badge of revoked) {
    const index = badge.statusIndex!;
    bytes[index >> 3] = bytes[index >> 3]! | (1 << (7 - (index % 8)));
  }
  const id = urls.ob3StatusList(setup.definition.slug);
  return {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: setup.summary.id,
    validFrom,
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(bytes) },
  };
}

/** A published OB 3.0 achievement (what `credentialSubject.achievement.id` points to). */
export function ob3AchievementDocument(achievement: ResolvedAchievement): Json {
  return { '@context': [VC_V2_CONTEXT, OB3_CONTEXT], ...ob3Achievement(achievement) };
}

/** A small SVG badge image per issuer. */
export function issuerImage(setup: IssuerSetup): string {
  const initials = setup.definition.name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .slice(0, 3)
    .map((w) => w[0])
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><circle cx="60" cy="60" r="56" fill="#1f5f8b"/><text x="60" y="70" font-family="sans-serif" font-size="30" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}
