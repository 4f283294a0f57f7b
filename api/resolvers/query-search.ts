/** Query fields of search.graphql and suggest.graphql. */
import type { EarnerSearchArgs } from '../search/input.ts';
import type { SuggestionType } from '../search/suggest.ts';
import type { ResolverMap } from './types.ts';

export const searchQueryResolvers: ResolverMap = {
  Query: {
    searchEarners: (_parent, args: { input: EarnerSearchArgs }, ctx) => ctx.services.search.searchEarners(args.input),
    suggest: (
      _parent,
      args: { prefix: string; types?: SuggestionType[] | null; first?: number | null; within?: EarnerSearchArgs | null },
      ctx,
    ) => ctx.services.directory.suggest(args.prefix, args.types, args.first, args.within),
  },
};
