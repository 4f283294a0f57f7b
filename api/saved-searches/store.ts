/**
 * The saved-searches index: an employer's searches, read and written by id,
 * always scoped to the employer who owns them (another employer's id reads
 * as missing). The alert job pages through the searches with an alert.
 */
import type { Client } from '@elastic/elasticsearch';
import type { SavedSearchDocument } from '../../mappings/saved-searches.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import { engineGuard } from '../stores/guard.ts';
import { getVersioned } from '../stores/versioned.ts';
import { SAVED_SEARCH_LIMITS } from './criteria.ts';

const PAGE = 500;

export interface SavedSearchStore {
  /** The employer's saved searches, newest first. */
  listOwn(employerAccountId: string): Promise<SavedSearchDocument[]>;
  countOwn(employerAccountId: string): Promise<number>;
  create(document: SavedSearchDocument): Promise<void>;
  /** Deletes it only if this employer owns it; false otherwise (also when it does not exist). */
  deleteOwn(employerAccountId: string, id: string): Promise<boolean>;
  /** Every saved search with an alert, in pages (by id). */
  withAlerts(): AsyncGenerator<SavedSearchDocument[]>;
  /** Records one run's matches (visible to lists after `refresh`). */
  recordRun(id: string, run: Pick<SavedSearchDocument, 'lastRunAt' | 'lastMatchIds' | 'newMatchCount'>): Promise<void>;
  /** Makes recorded runs visible to lists: once per job run, not per search. */
  refresh(): Promise<void>;
}

export function createSavedSearchStore(client: Client, indexPrefix: string, log: Logger): SavedSearchStore {
  const index = aliasName(indexPrefix, 'saved-searches');
  const guard = engineGuard(log);
  const own = (employerAccountId: string) => ({ term: { employerAccountId } });

  return {
    listOwn: (employerAccountId) =>
      guard(async () => {
        const response = await client.search<SavedSearchDocument>({
          index,
          query: own(employerAccountId),
          sort: [{ createdAt: 'desc' }, { id: 'asc' }],
          size: SAVED_SEARCH_LIMITS.maxPerEmployer,
        });
        return response.hits.hits.map((hit) => hit._source!);
      }),
    countOwn: (employerAccountId) => guard(async () => (await client.count({ index, query: own(employerAccountId) })).count),
    create: (document) =>
      guard(async () => {
        // Refreshed at once: the employer's list shows it in the answer to the next request.
        await client.create({ index, id: document.id, document, refresh: true });
      }),
    deleteOwn: (employerAccountId, id) =>
      guard(async () => {
        // Read, check the owner, delete that very version: another employer's id is left alone.
        const read = await getVersioned<SavedSearchDocument>(client, index, id);
        if (!read || read.doc.employerAccountId !== employerAccountId) return false;
        const response = await client.delete(
          { index, id, if_seq_no: read.seqNo, if_primary_term: read.primaryTerm, refresh: true },
          { ignore: [404, 409] },
        );
        return response.result === 'deleted';
      }),
    async *withAlerts() {
      let after: (string | number)[] | undefined;
      for (;;) {
        const response = await guard(() =>
          client.search<SavedSearchDocument>({
            index,
            query: { bool: { must_not: [{ term: { alert: 'none' } }] } },
            sort: [{ id: 'asc' }],
            size: PAGE,
            ...(after ? { search_after: after } : {}),
          }),
        );
        const hits = response.hits.hits;
        if (hits.length === 0) return;
        yield hits.map((hit) => hit._source!);
        if (hits.length < PAGE) return;
        after = hits.at(-1)!.sort as (string | number)[];
      }
    },
    recordRun: (id, run) =>
      guard(async () => {
        // A search deleted during the run stays deleted.
        await client.update({ index, id, doc: run }, { ignore: [404] });
      }),
    refresh: () =>
      guard(async () => {
        await client.indices.refresh({ index });
      }),
  };
}
