/**
 * Engine outages at the GraphQL edge: an operation that failed because the
 * engine could not be asked answers HTTP 503 with `Retry-After` (clients and
 * proxies retry; the web app does not take it for a sign-out), and the code
 * says whether a search or another part of the service was unavailable.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { RETRY_AFTER_SECONDS } from '../errors.ts';

const UNAVAILABLE_CODES = new Set(['SEARCH_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);

/** Root fields answered from the directory's search indices; everything else is "the service". */
export const SEARCH_ROOT_FIELDS: ReadonlySet<string> = new Set(['searchEarners', 'suggest', 'earner', 'badgeClass', 'skill', 'issuer']);

/** The HTTP head of an unavailable answer (the shape Apollo reads from an error's `extensions.http`). */
export function unavailableHttp(): { status: number; headers: Map<string, string> } {
  return { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) };
}

/**
 * Whether a request body asks for a search: its operation is a query with a
 * search root field. Used before the operation runs (the session check), so
 * it parses the body itself; anything unreadable counts as "service".
 */
export function isSearchOperation(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const operations = parse(query, { maxTokens: 5000 }).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === operationName);
    if (!operation || operation.operation !== 'query') return false;
    return operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && SEARCH_ROOT_FIELDS.has(s.name.value));
  } catch {
    return false;
  }
}

/** Sets 503 and `Retry-After` on a response whose errors include an unavailable code. */
export const availabilityPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (!errors.some((e) => UNAVAILABLE_CODES.has(String(e.extensions?.code)))) return;
        const head = unavailableHttp();
        response.http.status = head.status;
        for (const [name, value] of head.headers) response.http.headers.set(name, value);
      },
    };
  },
};
