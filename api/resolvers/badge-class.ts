/** BadgeClass: issuer and skills through the loaders. */
import type { BadgeClassView } from '../search/lookups.ts';
import { loadSkills } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

export const badgeClassResolvers: ResolverMap = {
  BadgeClass: {
    issuer: (badgeClass: BadgeClassView, _args, ctx) => (badgeClass.issuerId ? ctx.loaders.issuer.load(badgeClass.issuerId) : null),
    skills: (badgeClass: BadgeClassView, _args, ctx) => loadSkills(badgeClass.skills, ctx),
  },
};
