/**
 * The Apollo server: the schema files, the resolver registry, query depth
 * and shape limits (graphql-armor), the operation budget (cost counting list
 * sizes, resolved fields, response size, time), one formatError, no stack
 * traces, no CDN landing page. In production: no introspection and no field
 * suggestions in validation errors.
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
import { createResponseSerializer, DEFAULT_OPERATION_BUDGET, operationBudgetPlugin, type OperationBudget } from './operation-budget.ts';

/** Limits on the shape of one operation; see graphql-armor for what each counts. Cost is `operation-budget.ts`. */
export const OPERATION_LIMITS = {
  maxDepth: 9,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;

export interface GraphqlServerOptions {
  /** NODE_ENV=production: introspection off, no "Did you mean" suggestions. */
  production?: boolean;
  budget?: OperationBudget;
}

export function createGraphqlServer(
  log: Logger,
  { production = false, budget = DEFAULT_OPERATION_BUDGET }: GraphqlServerOptions = {},
): ApolloServer<RequestContext> {
  const armor = new ApolloArmor({
    // Fragments do not count as levels: clients may structure queries freely.
    maxDepth: { n: OPERATION_LIMITS.maxDepth, flattenFragments: true },
    // Armor's cost ignores defaults, variables and list sizes: operation-budget.ts counts cost instead.
    costLimit: { enabled: false },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    maxTokens: { n: OPERATION_LIMITS.maxTokens },
    // In development the schema is public through introspection anyway; in production suggestions would reveal it.
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const serializer = createResponseSerializer();
  return new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolverRegistry,
    formatError: createFormatError({ production }),
    includeStacktraceInErrorResponses: false,
    // The operation budget's size check already serialized the answer: send that text.
    stringifyResult: (result) => serializer.stringify(result),
    introspection: !production,
    // The process owns shutdown (npm start, main.ts): Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    // graphql-armor's types come from Apollo's CommonJS build; the plugins are the same at run time.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      operationBudgetPlugin(budget, log, serializer),
      ApolloServerPluginLandingPageDisabled(),
      availabilityPlugin as ApolloServerPlugin<RequestContext>,
    ],
  });
}
