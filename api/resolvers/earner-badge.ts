/** EarnerBadge: its class, issuer and skills load in batches across the whole page. */
import { recognitionNotice, type IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { BadgeView } from '../search/earner-view.ts';
import type { RequestContext } from '../context.ts';
import type { ResolverMap } from './types.ts';

export async function loadSkills(ids: readonly string[], ctx: RequestContext) {
  const skills = await ctx.loaders.skill.loadMany([...ids]);
  return skills.filter((skill) => skill !== null && !(skill instanceof Error));
}

/** A badge with no recorded standing counts as UNKNOWN. */
export const recognitionOf = (badge: BadgeView): IssuerRecognition => badge.issuerRecognition ?? 'UNKNOWN';

export const earnerBadgeResolvers: ResolverMap = {
  EarnerBadge: {
    badgeClass: (badge: BadgeView, _args, ctx) => ctx.loaders.badgeClass.load(badge.badgeClassId),
    // The registry entry the verifying key matched, when the registry vouches for it (a PENDING entry only repeats the credential's claims).
    issuer: (badge: BadgeView, _args, ctx) =>
      badge.registryIssuerId && recognitionOf(badge) !== 'UNKNOWN' ? ctx.loaders.issuer.load(badge.registryIssuerId) : null,
    issuerRecognition: (badge: BadgeView) => recognitionOf(badge),
    issuerNotice: (badge: BadgeView) => recognitionNotice(recognitionOf(badge)) ?? null,
    skills: (badge: BadgeView, args: PageArgs, ctx) => loadSkills(pageOf(badge.skills, args), ctx),
    evidence: (badge: BadgeView, args: PageArgs) => pageOf(badge.evidence ?? [], args),
    unmappedSkills: (badge: BadgeView, args: PageArgs) => pageOf(badge.unmappedSkills ?? [], args),
    frameworks: (badge: BadgeView) => badge.frameworks ?? [],
  },
};
