/** Query fields of search.graphql and suggest.graphql. */
import type { ResolverMap } from './types.ts';

export const searchQueryResolvers: ResolverMap = {
  Query: {
    searchEarners: (_parent, args, ctx) => ctx.services.search.searchEarners(args.input),
    suggest: (_parent, args, ctx) => ctx.services.directory.suggest(args.prefix, args.types, args.first, args.within),
  },
};
