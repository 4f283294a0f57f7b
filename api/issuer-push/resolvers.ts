/** Fields of issuer-keys.graphql (admins manage issuers' push keys). */
import type { ResolverMap } from '../resolvers/types.ts';

export const issuerKeyResolvers: ResolverMap = {
  Query: {
    issuerApiKeys: (_parent, args, ctx) => ctx.services.issuerKeys.list(args.issuerId ?? undefined),
  },
  Mutation: {
    createIssuerApiKey: (_parent, args, ctx) => ctx.services.issuerKeys.create(args.issuerId, args.label),
    revokeIssuerApiKey: (_parent, args, ctx) => ctx.services.issuerKeys.revoke(args.id),
  },
  IssuerApiKey: {
    issuerId: (key) => key.issuerEntryId,
  },
};
