/** BadgeClass: issuer and skills through the loaders. */
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { BadgeClassView } from '../search/lookups.ts';
import { loadSkills } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

export const badgeClassResolvers: ResolverMap = {
  BadgeClass: {
    issuer: (badgeClass: BadgeClassView, _args, ctx) => (badgeClass.issuerId ? ctx.loaders.issuer.load(badgeClass.issuerId) : null),
    skills: (badgeClass: BadgeClassView, args: PageArgs, ctx) => loadSkills(pageOf(badgeClass.skills, args), ctx),
    tags: (badgeClass: BadgeClassView, args: PageArgs) => pageOf(badgeClass.tags, args),
  },
};
