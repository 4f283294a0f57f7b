/** Fields of my-credentials.graphql. */
import type { ResolverMap } from '../resolvers/types.ts';

export const myCredentialResolvers: ResolverMap = {
  Mutation: {
    addMyCredentials: (_parent, args, ctx) => ctx.services.myCredentials.add(args.input),
  },
};
