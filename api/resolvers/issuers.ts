/** Query and Mutation fields of issuers.graphql (the admin's issuer registry). */
import type { ResolverMap } from './types.ts';

export const issuerRegistryResolvers: ResolverMap = {
  Query: {
    registryIssuers: (_parent, args, ctx) => ctx.services.issuers.list(args),
  },
  Mutation: {
    approveIssuer: (_parent, { id }, ctx) => ctx.services.issuers.approve(id),
    suspendIssuer: (_parent, { id, reason }, ctx) => ctx.services.issuers.suspend(id, reason),
    updateIssuer: (_parent, { id, input }, ctx) => ctx.services.issuers.update(id, input),
  },
};
