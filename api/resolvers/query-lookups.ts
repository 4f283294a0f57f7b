/** Query fields of lookups.graphql. */
import type { ResolverMap } from './types.ts';

export const lookupQueryResolvers: ResolverMap = {
  Query: {
    earner: (_parent, { id }, ctx) => ctx.services.directory.earner(id),
    badgeClass: (_parent, { id }, ctx) => ctx.services.directory.badgeClass(id),
    skill: (_parent, { id }, ctx) => ctx.services.directory.skill(id),
    issuer: (_parent, { id }, ctx) => ctx.services.directory.issuer(id),
    frameworks: (_parent, _args, ctx) => [...ctx.services.directory.frameworks()],
  },
};
