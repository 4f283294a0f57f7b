/** EarnerBadge: its class, issuer and skills load in batches across the whole page. */
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { BadgeView } from '../search/earner-view.ts';
import type { RequestContext } from '../context.ts';
import type { ResolverMap } from './types.ts';

export async function loadSkills(ids: readonly string[], ctx: RequestContext) {
  const skills = await ctx.loaders.skill.loadMany([...ids]);
  return skills.filter((skill) => skill !== null && !(skill instanceof Error));
}

export const earnerBadgeResolvers: ResolverMap = {
  EarnerBadge: {
    badgeClass: (badge: BadgeView, _args, ctx) => ctx.loaders.badgeClass.load(badge.badgeClassId),
    issuer: (badge: BadgeView, _args, ctx) => ctx.loaders.issuer.load(badge.issuerId),
    skills: (badge: BadgeView, args: PageArgs, ctx) => loadSkills(pageOf(badge.skills, args), ctx),
    evidence: (badge: BadgeView, args: PageArgs) => pageOf(badge.evidence, args),
    unmappedSkills: (badge: BadgeView, args: PageArgs) => pageOf(badge.unmappedSkills, args),
    frameworks: (badge: BadgeView) => badge.frameworks ?? [],
  },
};
