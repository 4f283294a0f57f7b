/** Query and Mutation fields of issuers.graphql (the admin's issuer registry). */
import type { IssuerStatus } from '../../mappings/issuers.ts';
import type { IssuerUpdateInput } from '../services/issuer-service.ts';
import type { ResolverMap } from './types.ts';

export const issuerRegistryResolvers: ResolverMap = {
  Query: {
    registryIssuers: (_parent, args: { search?: string | null; status?: IssuerStatus[] | null; first?: number | null }, ctx) =>
      ctx.services.issuers.list(args),
  },
  Mutation: {
    approveIssuer: (_parent, { id }: { id: string }, ctx) => ctx.services.issuers.approve(id),
    suspendIssuer: (_parent, { id, reason }: { id: string; reason: string }, ctx) => ctx.services.issuers.suspend(id, reason),
    updateIssuer: (_parent, { id, input }: { id: string; input: IssuerUpdateInput }, ctx) => ctx.services.issuers.update(id, input),
  },
};
