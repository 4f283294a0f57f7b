/** The shape every resolver file exports: field resolvers per GraphQL type. */
import type { GraphQLFieldResolver } from 'graphql';
import type { RequestContext } from '../context.ts';

// Parents and arguments differ per field; each resolver narrows its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldResolver = GraphQLFieldResolver<any, RequestContext, any>;

export type ResolverMap = Record<string, Record<string, FieldResolver>>;
