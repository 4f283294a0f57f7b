/** Mutation fields of accounts.graphql: sign-in, sign-out, claiming a profile. */
import type { AuthPayload } from '../services/account-service.ts';
import type { ResolverMap } from './types.ts';

export const accountResolvers: ResolverMap = {
  Mutation: {
    login: (_parent, args: { email: string; password: string }, ctx) => ctx.services.accounts.login(args.email, args.password),
    logout: (_parent, _args, ctx) => ctx.services.accounts.logout(),
    requestClaimLink: async (_parent, args: { email: string }, ctx) => ({
      message: await ctx.services.claims.requestClaimLink(args.email),
    }),
    claimProfile: (_parent, args: { token: string; password: string }, ctx) => ctx.services.claims.claimProfile(args.token, args.password),
  },
  AuthPayload: {
    expiresAt: (payload: AuthPayload) => payload.expiresAt.toISOString(),
  },
};
