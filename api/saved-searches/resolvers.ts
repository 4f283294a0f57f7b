/** Fields of saved-searches.graphql. */
import { graphqlEnum } from '../resolvers/enums.ts';
import type { ResolverMap } from '../resolvers/types.ts';
import type { SavedCriteria } from './criteria.ts';

export const savedSearchResolvers: ResolverMap = {
  Query: {
    savedSearches: (_parent, _args, ctx) => ctx.services.savedSearches.savedSearches(),
  },
  Mutation: {
    saveSearch: (_parent, args, ctx) => ctx.services.savedSearches.saveSearch(args.input),
    deleteSavedSearch: (_parent, args, ctx) => ctx.services.savedSearches.deleteSavedSearch(args.id),
  },
  SavedSearch: {
    search: (saved) => saved.criteria as unknown as SavedCriteria,
    alert: (saved) => graphqlEnum(saved.alert),
  },
  // Searches saved before pathway filters existed, or without them, keep no such lists.
  SavedSearchCriteria: {
    pathways: (criteria: SavedCriteria) => criteria.pathways ?? [],
    pathwayProgress: (criteria: SavedCriteria) => criteria.pathwayProgress ?? [],
  },
};
