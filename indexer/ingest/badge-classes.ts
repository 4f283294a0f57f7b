/** Badge-class documents from the achievements of accepted credentials. Pure. */
import type { IndexedBadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { PathwayDefinition } from '../pathways.ts';
import type { CredentialDraft } from './prepare.ts';
import type { WriteItem } from '../write.ts';

export function badgeClassWrites(drafts: readonly CredentialDraft[], pathways: readonly PathwayDefinition[], now: Date): WriteItem<IndexedBadgeClassDocument>[] {
  const byId = new Map<string, CredentialDraft>();
  for (const d of drafts) byId.set(d.achievement.id, d);
  return [...byId.values()].map((d) => ({
    id: d.achievement.id,
    document: {
      id: d.achievement.id,
      name: d.achievement.name,
      ...(d.achievement.description ? { description: d.achievement.description } : {}),
      ...(d.achievement.criteria ? { criteria: d.achievement.criteria } : {}),
      ...(d.achievement.image ? { image: d.achievement.image } : {}),
      credentialType: d.achievement.credentialType,
      issuerId: d.issuer.id,
      issuerName: d.issuer.name,
      ...(d.issuer.url ? { issuerUrl: d.issuer.url } : {}),
      tags: d.achievement.tags,
      alignments: d.achievement.alignments,
      skills: d.skills,
      pathways: pathways.filter((p) => p.badgeClasses.includes(d.achievement.id)).map((p) => p.id),
      updatedAt: now.toISOString(),
      suggest: { input: [d.achievement.name] },
    },
  }));
}
