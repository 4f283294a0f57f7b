/** BadgeClass: issuer and skills through the loaders. */
import { safeImage } from '../badges/safe-links.ts';
import { pageOf } from '../graphql/list-page.ts';
import { loadSkills } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

export const badgeClassResolvers: ResolverMap = {
  BadgeClass: {
    issuer: (badgeClass, _args, ctx) => (badgeClass.issuerId ? ctx.loaders.issuer.load(badgeClass.issuerId) : null),
    skills: (badgeClass, args, ctx) => loadSkills(pageOf(badgeClass.skills, args), ctx),
    tags: (badgeClass, args) => pageOf(badgeClass.tags, args),
    // Issuer-provided: an image only from https or a safe data: URI (as on earners' badges).
    image: (badgeClass) => safeImage(badgeClass.image),
  },
};
