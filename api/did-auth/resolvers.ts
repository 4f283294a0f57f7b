/** Fields of did-auth.graphql. */
import type { ResolverMap } from '../resolvers/types.ts';
import { requireEarner } from '../services/access.ts';

export const didAuthResolvers: ResolverMap = {
  Query: {
    myIdentities: async (_parent, _args, ctx) => {
      requireEarner(ctx.viewer);
      return { email: ctx.viewer.email ?? '', dids: await ctx.services.didAuth.list() };
    },
  },
  Mutation: {
    requestDidChallenge: (_parent, _args, ctx) => ctx.services.didAuth.requestChallenge(),
    proveDidControl: (_parent, args, ctx) => ctx.services.didAuth.prove(args.presentation),
    removeMyDid: (_parent, args, ctx) => ctx.services.didAuth.remove(args.did),
  },
};
