/**
 * The Apollo server: the schema files, the resolver registry, query depth
 * and cost limits, one formatError, no stack traces, no CDN landing page.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { RequestContext } from '../context.ts';
import type { Logger } from '../log.ts';
import { resolverRegistry } from '../resolvers/registry.ts';
import { loadTypeDefs } from '../schema/load.ts';
import { availabilityPlugin } from './availability.ts';
import { createFormatError } from './format-error.ts';

/** Limits on one operation; see graphql-armor for what each counts. */
export const OPERATION_LIMITS = {
  maxDepth: 9,
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;

export function createGraphqlServer(log: Logger): ApolloServer<RequestContext> {
  const armor = new ApolloArmor({
    // Fragments do not count as levels: clients may structure queries freely.
    maxDepth: { n: OPERATION_LIMITS.maxDepth, flattenFragments: true },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost, flattenFragments: true },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    maxTokens: { n: OPERATION_LIMITS.maxTokens },
    // The schema is public through introspection; suggestions only add noise to errors.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolverRegistry,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The process owns shutdown (npm start, main.ts): Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    // graphql-armor's types come from Apollo's CommonJS build; the plugins are the same at run time.
    plugins: [...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]), ApolloServerPluginLandingPageDisabled(), availabilityPlugin as ApolloServerPlugin<RequestContext>],
  });
}
