/** Fields of account-requests.graphql: password reset and employer account requests. */
import { graphqlEnum } from '../resolvers/enums.ts';
import type { ResolverMap } from '../resolvers/types.ts';

export const accountRequestResolvers: ResolverMap = {
  Query: {
    employerSignupRequests: (_parent, args, ctx) => ctx.services.employerSignups.requests(args),
  },
  Mutation: {
    requestPasswordReset: async (_parent, args, ctx) => ({ message: await ctx.services.passwordResets.requestPasswordReset(args.email) }),
    resetPassword: (_parent, args, ctx) => ctx.services.passwordResets.resetPassword(args.token, args.password),
    requestEmployerAccount: async (_parent, args, ctx) => ({
      message: await ctx.services.employerSignups.requestEmployerAccount(args.input),
    }),
    approveEmployerSignup: (_parent, args, ctx) => ctx.services.employerSignups.approve(args),
    rejectEmployerSignup: (_parent, args, ctx) => ctx.services.employerSignups.reject(args),
  },
  EmployerSignupRequest: {
    status: (request) => graphqlEnum(request.status),
    message: (request) => request.message ?? null,
    decidedAt: (request) => request.decidedAt ?? null,
    reason: (request) => request.reason ?? null,
  },
};
