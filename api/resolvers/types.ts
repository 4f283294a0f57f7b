/**
 * The shape every resolver file exports: the resolver types generated from
 * api/schema (`npm run codegen:api`, config in api/codegen.ts). Arguments
 * come from the schema; a field's parent is the view type its GraphQL type
 * is mapped to there (EarnerView for Earner, ...), and ctx is RequestContext.
 */
import type { Resolvers } from '../generated/resolvers-types.ts';

export type ResolverMap = Resolvers;
