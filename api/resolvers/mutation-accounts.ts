/** Mutation fields of accounts.graphql: sign-in, sign-out, claiming a profile. */
import type { ResolverMap } from './types.ts';

export const accountResolvers: ResolverMap = {
  Mutation: {
    login: (_parent, args, ctx) => ctx.services.accounts.login(args.email, args.password),
    logout: (_parent, _args, ctx) => ctx.services.accounts.logout(),
    requestClaimLink: async (_parent, args, ctx) => ({
      message: await ctx.services.claims.requestClaimLink(args.email),
    }),
    claimProfile: (_parent, args, ctx) => ctx.services.claims.claimProfile(args.token, args.password),
  },
  AuthPayload: {
    expiresAt: (payload) => payload.expiresAt.toISOString(),
  },
};
