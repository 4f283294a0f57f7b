/** Query.occupations: O*NET occupations by title, for the report's occupation filter. */
import type { ResolverMap } from '../resolvers/types.ts';

export const occupationResolvers: ResolverMap = {
  Query: {
    occupations: (_parent, args: { text: string; first?: number | null }, ctx) =>
      ctx.services.occupations.occupations(args.text, args.first),
  },
};
