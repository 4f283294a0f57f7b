/** EarnerBadge: its class, issuer and skills load in batches across the whole page. */
import { recognitionNotice, type IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import { safeImage, safeLink } from '../badges/safe-links.ts';
import { pageOf } from '../graphql/list-page.ts';
import type { BadgeView } from '../search/earner-view.ts';
import type { SkillView } from '../search/lookups.ts';
import type { RequestContext } from '../context.ts';
import type { ResolverMap } from './types.ts';

export async function loadSkills(ids: readonly string[], ctx: RequestContext): Promise<SkillView[]> {
  const skills = await ctx.loaders.skill.loadMany([...ids]);
  return skills.filter((skill): skill is SkillView => skill !== null && !(skill instanceof Error));
}

/** A badge with no recorded standing counts as UNKNOWN. */
export const recognitionOf = (badge: BadgeView): IssuerRecognition => badge.issuerRecognition ?? 'UNKNOWN';

export const earnerBadgeResolvers: ResolverMap = {
  EarnerBadge: {
    badgeClass: (badge, _args, ctx) => ctx.loaders.badgeClass.load(badge.badgeClassId),
    // The registry entry the verifying key matched, when the registry vouches for it (a PENDING entry only repeats the credential's claims).
    issuer: (badge, _args, ctx) =>
      badge.registryIssuerId && recognitionOf(badge) !== 'UNKNOWN' ? ctx.loaders.issuer.load(badge.registryIssuerId) : null,
    issuerRecognition: (badge) => recognitionOf(badge),
    issuerNotice: (badge) => recognitionNotice(recognitionOf(badge)) ?? null,
    skills: (badge, args, ctx) => loadSkills(pageOf(badge.skills, args), ctx),
    // Issuer-provided: an image only from https or a safe data: URI, links only http(s).
    image: (badge) => safeImage(badge.image),
    credentialUrl: (badge) => safeLink(badge.credentialId),
    evidence: (badge, args) =>
      pageOf(badge.evidence ?? [], args).map((item) => ({
        ...item,
        url: safeLink(item.url ?? item.id),
        kind: item.kind === 'result' ? 'RESULT' : 'EVIDENCE',
      })),
    unmappedSkills: (badge, args) => pageOf(badge.unmappedSkills ?? [], args),
    frameworks: (badge) => badge.frameworks ?? [],
  },
};
