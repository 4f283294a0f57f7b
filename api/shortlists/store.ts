/** The shortlists index: one document per list, written with refresh and optimistic concurrency. */
import type { Client } from '@elastic/elasticsearch';
import { aliasName } from '../../mappings/indices.ts';
import type { ShortlistDocument } from '../../mappings/shortlists.ts';
import type { Logger } from '../log.ts';
import { engineGuard } from '../stores/guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from '../stores/versioned.ts';

/** Lists one deletion visits: every employer's lists holding the earner (50 lists per employer at most). */
const DROP_PAGE = 10_000;

export interface ShortlistStore {
  create(list: ShortlistDocument): Promise<void>;
  get(id: string): Promise<Versioned<ShortlistDocument> | undefined>;
  /** False when the list changed since it was read. */
  replace(list: Versioned<ShortlistDocument>): Promise<boolean>;
  /** The employer's lists, oldest first (at most `max`). */
  listFor(employerAccountId: string, max: number): Promise<ShortlistDocument[]>;
  delete(id: string): Promise<void>;
  /** Drops an earner from every list (their data was deleted); returns how many lists changed. */
  dropEarner(earnerId: string): Promise<number>;
}

export function createShortlistStore(client: Client, indexPrefix: string, log: Logger): ShortlistStore {
  const index = aliasName(indexPrefix, 'shortlists');
  const guard = engineGuard(log);
  return {
    create: (list) =>
      guard(async () => {
        await client.create({ index, id: list.id, document: list, refresh: 'wait_for' });
      }),
    get: (id) => guard(() => getVersioned<ShortlistDocument>(client, index, id)),
    replace: (read) => guard(() => replaceIfUnchanged(client, index, read.doc.id, read, read.doc, { waitForRefresh: true })),
    listFor: (employerAccountId, max) =>
      guard(async () => {
        const response = await client.search<ShortlistDocument>({
          index,
          size: max,
          query: { term: { employerAccountId } },
          sort: [{ createdAt: 'asc' }, { id: 'asc' }],
        });
        return response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
      }),
    delete: (id) =>
      guard(async () => {
        await client.delete({ index, id, refresh: 'wait_for' }, { ignore: [404] });
      }),
    dropEarner: (earnerId) =>
      guard(async () => {
        // The engine has no update-by-query here: read each list holding the earner and write it back without them.
        await client.indices.refresh({ index });
        const page = await client.search<ShortlistDocument>({
          index,
          size: DROP_PAGE,
          query: { term: { 'entries.earnerId': earnerId } },
          _source: false,
          sort: ['_doc'],
        });
        let changed = 0;
        for (const hit of page.hits.hits) {
          for (let attempt = 0; attempt < 3; attempt++) {
            const read = await getVersioned<ShortlistDocument>(client, index, hit._id!);
            if (!read) break;
            const doc = { ...read.doc, entries: read.doc.entries.filter((entry) => entry.earnerId !== earnerId) };
            if (await replaceIfUnchanged(client, index, doc.id, read, doc, { waitForRefresh: true })) {
              changed++;
              break;
            }
          }
        }
        return changed;
      }),
  };
}
