/**
 * Limits on one GraphQL operation, as an Apollo plugin:
 * - before it runs, its cost (`operation-cost.ts`, with the request's
 *   variables) must fit the caller's budget: a tight one for anonymous
 *   callers (over it: UNAUTHENTICATED, sign in first), a larger one for
 *   signed-in accounts (over it: OPERATION_TOO_COSTLY);
 * - while it runs, a count of resolved fields and a time budget stop it
 *   (every further field fails at once, so the work ends quickly);
 * - before the answer leaves, its serialized size must fit a ceiling.
 * An operation over a limit answers with one clear error and no data.
 *
 * It also gives every error the request id (`extensions.requestId`, also the
 * `X-Request-Id` header) and logs unexpected errors with that id.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { OperationLimitError, UnauthenticatedError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { RequestContext } from '../context.ts';
import { isExpectedError } from './format-error.ts';
import { operationCost } from './operation-cost.ts';

/** The limits; `config.ts` holds the defaults. */
export interface OperationBudget {
  /** Cost allowed to a caller without a session (sign-in and claiming cost about 10). */
  anonymousMaxCost: number;
  /** Cost allowed to a signed-in account. */
  maxCost: number;
  /** Fields resolved per operation at most (a backstop behind the cost estimate). */
  maxResolvedFields: number;
  /** Serialized response size at most. */
  maxResponseBytes: number;
  /** Time one operation may run, from the start of execution. */
  timeBudgetMs: number;
}

export const DEFAULT_OPERATION_BUDGET: OperationBudget = {
  // Room for the public catalog page (searchBadgeClasses, about 400); everything else anonymous is sign-in and claiming.
  anonymousMaxCost: 600,
  maxCost: 50_000,
  maxResolvedFields: 100_000,
  maxResponseBytes: 5_000_000,
  timeBudgetMs: 15_000,
};

const advice = 'ask for fewer items (a lower "first") or fewer nested lists';

/** An anonymous caller over the anonymous budget: everything that costs more needs an account anyway. */
class SignInFirst extends UnauthenticatedError {
  constructor(
    readonly limit: number,
    readonly found: number,
  ) {
    super(`Sign in first: this operation would cost ${found}, over the limit of ${limit} for callers who are not signed in.`);
  }
  override extensions(): Record<string, unknown> {
    return { limit: this.limit, found: this.found };
  }
}

export function operationBudgetPlugin(
  budget: OperationBudget,
  log: Logger,
  /** The same serializer as the server's `stringifyResult`, which then sends the text this plugin made. */
  serializer: ResponseSerializer,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let stopped: OperationLimitError | undefined;
      /** The HTTP status of a refusal before execution. */
      let refused: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const anonymous = contextValue.viewer.role === 'anonymous';
          const limit = anonymous ? budget.anonymousMaxCost : budget.maxCost;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > limit) {
            refused = anonymous ? 401 : 400;
            if (anonymous) throw new SignInFirst(limit, cost);
            throw new OperationLimitError(
              'OPERATION_TOO_COSTLY',
              `This operation would cost ${cost}, over the limit of ${limit}; ${advice}.`,
              limit,
              cost,
            );
          }
        },
        async executionDidStart() {
          const started = Date.now();
          let fields = 0;
          return {
            willResolveField() {
              if (stopped) throw stopped;
              fields += 1;
              if (fields > budget.maxResolvedFields) {
                stopped = new OperationLimitError(
                  'RESPONSE_TOO_LARGE',
                  `The answer would hold more than ${budget.maxResolvedFields} fields; ${advice}.`,
                  budget.maxResolvedFields,
                );
              } else if (Date.now() - started > budget.timeBudgetMs) {
                stopped = new OperationLimitError(
                  'OPERATION_TIMED_OUT',
                  `The operation ran longer than its time budget of ${budget.timeBudgetMs} ms and was stopped; ${advice}, or try again.`,
                  budget.timeBudgetMs,
                );
              }
              if (stopped) throw stopped;
            },
          };
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            const original = (error as { originalError?: Error }).originalError ?? error;
            log.error('graphql request failed', {
              requestId: contextValue.requestId,
              operation: operationName ?? undefined,
              path: error.path?.join('.'),
              message: original.message,
              stack: original.stack,
            });
          }
        },
        async willSendResponse(requestContext) {
          const { response, contextValue } = requestContext;
          response.http.headers.set('x-request-id', contextValue.requestId);
          if (response.body.kind !== 'single') return;
          const body = response.body;
          // A refusal is the caller's to fix (400), not a server failure (Apollo's default for a plugin's error is 500).
          // `data: null` like every other refusal here, so clients read all of them alike.
          if (refused) {
            response.http.status = refused;
            body.singleResult = { data: null, ...body.singleResult };
          }
          if (stopped) {
            log.warn('graphql operation stopped', { requestId: contextValue.requestId, code: stopped.code, limit: stopped.limit });
            body.singleResult = refusal(stopped, contextValue.requestId);
            response.http.status = stopped.code === 'OPERATION_TIMED_OUT' ? 503 : 400;
            return;
          }
          body.singleResult.errors = body.singleResult.errors?.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
          if (!body.singleResult.data) return;
          // The answer as it will be sent, serialized once: sent as it is unless it is over the ceiling.
          const text = serializer.serialize(body.singleResult);
          const bytes = Buffer.byteLength(text);
          if (bytes > budget.maxResponseBytes) {
            response.http.status = 400;
            body.singleResult = refusal(
              new OperationLimitError(
                'RESPONSE_TOO_LARGE',
                `The answer would be ${bytes} bytes, over the limit of ${budget.maxResponseBytes}; ${advice}.`,
                budget.maxResponseBytes,
                bytes,
              ),
              contextValue.requestId,
            );
          }
        },
      };
    },
  };
}

/**
 * Serializes an answer once: the size check above serializes it, and Apollo's
 * `stringifyResult` sends that same text instead of serializing it again (a
 * page of hits is a few hundred kilobytes). Keyed by the answer's `data`
 * object, and used only while its errors and extensions are the same objects.
 */
export function createResponseSerializer() {
  const serialized = new WeakMap<object, { errors: unknown; extensions: unknown; text: string }>();
  /** The order Apollo writes the fields in. */
  const text = (result: FormattedExecutionResult) =>
    `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
  return {
    serialize(result: FormattedExecutionResult): string {
      const serializedText = text(result);
      if (result.data) serialized.set(result.data, { errors: result.errors, extensions: result.extensions, text: serializedText });
      return serializedText;
    },
    /** Apollo's `stringifyResult`. */
    stringify(result: FormattedExecutionResult): string {
      const known = result.data ? serialized.get(result.data) : undefined;
      return known && known.errors === result.errors && known.extensions === result.extensions ? known.text : text(result);
    },
  };
}

export type ResponseSerializer = ReturnType<typeof createResponseSerializer>;

function refusal(error: OperationLimitError, requestId: string): FormattedExecutionResult {
  return { data: null, errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions(), requestId } }] };
}
