/**
 * Shared plumbing of the API's engine modules: failures become domain errors
 * (as in `engine.ts`), a 409 can be told apart where a store expects one, and
 * "delete everything matching" works without `_delete_by_query` (which the
 * core-only engine lacks).
 */
import { errors, type Client } from '@elastic/elasticsearch';
import type { QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import { engineFailure } from '../engine.ts';
import type { Logger } from '../log.ts';

export type Guard = <T>(work: () => Promise<T>) => Promise<T>;

/** Store failures are SERVICE_UNAVAILABLE: sign-in, settings and contacts are no searches. */
export function engineGuard(log: Logger): Guard {
  return async (work) => {
    try {
      return await work();
    } catch (error) {
      throw engineFailure(error, log, 'service');
    }
  };
}

/** A version conflict or an id that already exists: the caller decides what it means. */
export function isConflict(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 409;
}

const PAGE = 1000;

/** Deletes every document of `index` matching `query` (search, then bulk delete, until none is left). Returns how many. */
export async function deleteMatching(client: Client, index: string, query: QueryDslQueryContainer): Promise<number> {
  let deleted = 0;
  for (;;) {
    // Refresh first, so a page never returns what the previous bulk already deleted.
    await client.indices.refresh({ index });
    const page = await client.search({ index, query, size: PAGE, _source: false, sort: ['_doc'] });
    const ids = page.hits.hits.map((hit) => hit._id!);
    if (ids.length === 0) return deleted;
    const response = await client.bulk({ operations: ids.map((id) => ({ delete: { _index: index, _id: id } })), refresh: 'wait_for' });
    const failed = response.items.find((item) => item.delete?.error);
    if (failed) throw new Error(`could not delete from ${index}: ${failed.delete?.error?.reason ?? 'unknown reason'}`);
    deleted += ids.length;
    if (ids.length < PAGE) return deleted;
  }
}
