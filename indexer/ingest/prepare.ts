/**
 * Turns a verified, normalized credential into what the indexer stores, or a
 * reject that says why it cannot be stored. Pure.
 *
 * A credential that verified badly (revoked, bad signature, ...) is still
 * accepted and stored as FAILED: employers do not see it by default, and a
 * re-verification can change its status. Input with no usable recipient or
 * achievement cannot become anyone's badge: that is a reject.
 */
import { credentialKey, type CredentialDocument } from '../../mappings/credentials.ts';
import { didOf, originOf } from '../../mappings/issuer-recognition.ts';
import type { CredentialType } from '../../mappings/earners.ts';
import { identityKey } from '../earners/identity.ts';
import { normalizeSkills, type Taxonomy } from '../taxonomy/index.ts';
import type { NormalizedCredential } from '../verify/types.ts';

/** A stored credential before it is assigned to an earner. */
export type CredentialDraft = Omit<CredentialDocument, 'earnerId'>;

export interface Reject {
  source: string;
  credentialId?: string;
  reasons: string[];
  details: string[];
}

export type Prepared = { ok: true; draft: CredentialDraft } | { ok: false; reject: Reject };

/** OB 3.0 `achievementType` (and OB 2.0 extension hints) to the directory's credential types. */
export function credentialTypeOf(achievementType: string | undefined): CredentialType {
  const t = (achievementType ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'microcredential') return 'micro-credential';
  if (
    [
      'certificate',
      'certification',
      'license',
      'licensure',
      'diploma',
      'degree',
      'associatedegree',
      'bachelordegree',
      'masterdegree',
    ].includes(t)
  )
    return 'certificate';
  return 'badge';
}

const UNSTORABLE = new Set(['MALFORMED', 'UNSUPPORTED_FORMAT', 'NOT_A_BADGE']);

/** Why a credential cannot be stored, or an empty list. */
export function unstorableReasons(c: NormalizedCredential): string[] {
  // not a badge: its missing achievement and recipient follow from that, and are not worth listing
  if (c.verification.reasons.includes('NOT_A_BADGE')) return ['NOT_A_BADGE'];
  const problems: string[] = [];
  if (c.verification.reasons.some((r) => UNSTORABLE.has(r))) problems.push(...c.verification.reasons.filter((r) => UNSTORABLE.has(r)));
  if (!c.recipient.identity.trim()) problems.push('NO_RECIPIENT');
  if (!c.achievement.id || !c.achievement.name) problems.push('NO_ACHIEVEMENT');
  if (!c.issuer.id) problems.push('NO_ISSUER');
  if (!c.issuedOn || Number.isNaN(Date.parse(c.issuedOn))) problems.push('NO_ISSUE_DATE');
  return [...new Set(problems)];
}

export function prepareCredential(c: NormalizedCredential, raw: Uint8Array, taxonomy: Taxonomy, now: Date): Prepared {
  const problems = unstorableReasons(c);
  if (problems.length > 0) {
    const missing = problems.filter((p) => !UNSTORABLE.has(p)).map((p) => `${c.source}: ${p.toLowerCase().replace(/_/g, ' ')}`);
    // The verification's own reasons come first: they say why the data is missing (e.g. ISSUER_UNREACHABLE).
    const reasons = [...new Set([...c.verification.reasons, ...problems])];
    return {
      ok: false,
      reject: {
        source: c.source,
        ...(c.id !== c.source ? { credentialId: c.id } : {}),
        reasons,
        details: [...(c.verification.details ?? []), ...missing],
      },
    };
  }
  const skills = normalizeSkills(taxonomy, { alignments: c.achievement.alignments, tags: c.achievement.tags });
  const issuerId = c.issuer.id;
  const draft: CredentialDraft = {
    key: credentialKey(issuerId, c.id),
    id: c.id,
    identityKeys: [identityKey(c.recipient)],
    ...(c.recipient.name ? { recipientName: c.recipient.name } : {}),
    format: c.format,
    source: c.source,
    issuer: { id: c.issuer.id, name: c.issuer.name || c.issuer.id, ...(c.issuer.url ? { url: c.issuer.url } : {}) },
    achievement: {
      id: c.achievement.id,
      name: c.achievement.name,
      ...(c.achievement.description ? { description: c.achievement.description } : {}),
      ...(c.achievement.criteria ? { criteria: c.achievement.criteria } : {}),
      ...(c.achievement.image ? { image: c.achievement.image } : {}),
      credentialType: credentialTypeOf(c.achievement.type),
      tags: c.achievement.tags,
      alignments: c.achievement.alignments,
    },
    skills: skills.skillIds,
    unmappedSkills: [...new Set(skills.unmapped.map((u) => u.targetName ?? u.targetCode ?? u.targetUrl ?? '').filter(Boolean))],
    evidence: c.evidence,
    issuedOn: new Date(c.issuedOn).toISOString(),
    ...(c.expiresOn && !Number.isNaN(Date.parse(c.expiresOn)) ? { expiresOn: new Date(c.expiresOn).toISOString() } : {}),
    verification: {
      status: c.verification.status,
      reasons: c.verification.reasons,
      method: c.verification.method,
      checkedAt: c.verification.checkedAt,
      ...(c.verification.details?.length ? { details: c.verification.details } : {}),
    },
    // Who verification proved issued it, kept only for an authentic copy; the registry decides recognition at ingest.
    authority: isAuthentic(c.verification) ? (c.verification.authority ?? []) : [],
    issuerRecognition: { status: 'UNKNOWN' },
    raw: Buffer.from(raw).toString('base64'),
    ingestedAt: now.toISOString(),
  };
  return { ok: true, draft };
}

/** Reasons that say a copy is not what its issuer signed (as opposed to valid but revoked or expired). */
const NOT_AUTHENTIC = new Set([
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'KEY_NOT_OWNED_BY_ISSUER',
  'HOSTED_MISMATCH',
  'NO_PROOF',
  'OUT_OF_SCOPE',
  'UNKNOWN_CONTEXT',
  'NOT_FOUND',
]);

export function isAuthentic(verification: { status: string; reasons: readonly string[] }): boolean {
  return verification.status === 'VERIFIED' || !verification.reasons.some((r) => NOT_AUTHENTIC.has(r));
}

type Copy = { verification: { status: string; reasons: readonly string[] }; authority?: readonly string[] };

/** Why the current copy stays, or undefined when the incoming one replaces it. */
export function keptBecause(current: Copy, incoming: Copy): 'NOT_AUTHENTIC' | 'OTHER_SIGNER' | undefined {
  if (isAuthentic(current.verification) && !isAuthentic(incoming.verification)) return 'NOT_AUTHENTIC';
  // Both authentic, but nothing proves the same signer made both (a claimed issuer id is not proof): the first stays.
  // Signers compare by DID or web host: a hosted and a signed copy from one issuer's site are the same signer.
  const signer = (value: string) => didOf(value) ?? (originOf(value) ? new URL(value).host : value);
  const proven = new Set((current.authority ?? []).map(signer));
  if (proven.size > 0 && !(incoming.authority ?? []).some((value) => proven.has(signer(value)))) return 'OTHER_SIGNER';
  return undefined;
}

/**
 * Two copies of one stored credential (same issuer id, same credential id):
 * the newer one wins, except that a copy that is not authentic (tampered,
 * unsigned) never replaces one that is, and a copy proven by another signer
 * than the stored one's never replaces it.
 */
export function keepsOver(current: Copy, incoming: Copy): boolean {
  return keptBecause(current, incoming) !== undefined;
}
