/**
 * Badge-class documents from the achievements of accepted credentials. Pure.
 *
 * A badge class is shared data: every holder's badge page shows it. So only
 * its issuer may write it: a credential that VERIFIED and whose proven issuer
 * owns the badge class id (see `ownsBadgeClass`). Everything else (FAILED,
 * UNVERIFIED, imports, another issuer naming a class it does not own) keeps
 * its own copy on the credential and changes nothing shared. Between two
 * authentic versions the most recently issued wins.
 */
import { indexedBadgeClass, type BadgeClassDocument, type IndexedBadgeClassDocument } from '../../mappings/badge-classes.ts';
import { controlledBy, covers, didOf, entryControls } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import type { CredentialDraft } from './prepare.ts';
import type { WriteItem } from '../store/bulk-write.ts';

type Owner = Pick<CredentialDraft, 'verification' | 'authority' | 'achievement'>;

/**
 * True when the credential verified and its proven issuer owns the badge
 * class id: the same DID, or an https id under a URL the proof came from, or
 * under an origin the matching registry entry lists for the issuer.
 */
export function ownsBadgeClass(c: Owner, registry: readonly IssuerRegistryDocument[] = []): boolean {
  if (c.verification.status !== 'VERIFIED' || c.authority.length === 0) return false;
  const classId = c.achievement.id;
  const classDid = didOf(classId);
  if (classDid) return c.authority.some((a) => didOf(a) === classDid);
  if (!/^https?:\/\//i.test(classId)) return false;
  // did:web:host serves its DID document from https://host: that origin is the DID's.
  const didWebOrigins = c.authority.flatMap((a) =>
    a.startsWith('did:web:') ? [`https://${decodeURIComponent(didOf(a)!.slice(8).split(':')[0]!)}`] : [],
  );
  const proven = c.authority.filter((a) => /^https?:\/\//i.test(a)).map((url) => new URL(url).origin);
  const registered = registry
    .filter((e) => e.status !== 'SUSPENDED' && e.provenance.format !== 'seen' && entryControls(e, c.authority))
    .flatMap((e) => controlledBy(e));
  return [...didWebOrigins, ...proven, ...registered].some((controlled) => covers(controlled, classId));
}

/** A log line for a badge class whose shared document changes to another authentic version. */
export type BadgeClassChange = string;

function documentOf(d: CredentialDraft, pathways: readonly PathwayDefinition[], now: Date): IndexedBadgeClassDocument {
  return indexedBadgeClass(
    {
      id: d.achievement.id,
      name: d.achievement.name,
      ...(d.achievement.description ? { description: d.achievement.description } : {}),
      ...(d.achievement.criteria ? { criteria: d.achievement.criteria } : {}),
      ...(d.achievement.image ? { image: d.achievement.image } : {}),
      credentialType: d.achievement.credentialType,
      issuerId: d.issuer.id,
      // The registry's name for a recognized issuer, never the credential's.
      issuerName: d.issuerRecognition.status === 'RECOGNIZED' && d.issuerRecognition.name ? d.issuerRecognition.name : d.issuer.name,
      ...(d.issuer.url ? { issuerUrl: d.issuer.url } : {}),
      tags: d.achievement.tags,
      alignments: d.achievement.alignments,
      skills: d.skills,
      pathways: pathways.filter((p) => p.badgeClasses.includes(d.achievement.id)).map((p) => p.id),
      issuedOn: d.issuedOn,
    },
    now,
  );
}

const differs = (a: Partial<BadgeClassDocument>, b: Partial<BadgeClassDocument>) =>
  (['name', 'description', 'criteria', 'image'] as const).filter((field) => (a[field] ?? '') !== (b[field] ?? ''));

/**
 * Writes for the badge classes these credentials may change, given the stored
 * documents (`existing`, by id); `log` receives one line per class whose
 * content changes to a newer authentic version.
 */
export function badgeClassWrites(
  drafts: readonly CredentialDraft[],
  pathways: readonly PathwayDefinition[],
  now: Date,
  options: {
    registry?: readonly IssuerRegistryDocument[];
    existing?: ReadonlyMap<string, Partial<BadgeClassDocument>>;
    log?: (change: BadgeClassChange) => void;
  } = {},
): WriteItem<IndexedBadgeClassDocument>[] {
  const latest = new Map<string, CredentialDraft>();
  for (const d of drafts) {
    if (!ownsBadgeClass(d, options.registry)) continue;
    const seen = latest.get(d.achievement.id);
    if (!seen || seen.issuedOn <= d.issuedOn) latest.set(d.achievement.id, d);
  }
  const writes: WriteItem<IndexedBadgeClassDocument>[] = [];
  for (const d of latest.values()) {
    const stored = options.existing?.get(d.achievement.id);
    // An older authentic version never replaces a newer one (a stored document without a date is replaced).
    if (stored?.issuedOn && stored.issuedOn > d.issuedOn) continue;
    const document = documentOf(d, pathways, now);
    const changed = stored ? differs(stored, document) : [];
    if (stored && changed.length > 0)
      options.log?.(
        `badge class ${d.achievement.id}: ${changed.join(', ')} changed by the version issued ${d.issuedOn} (credential ${d.id}), replacing the version issued ${stored.issuedOn ?? 'at an unknown date'}`,
      );
    writes.push({ id: d.achievement.id, document });
  }
  return writes;
}
