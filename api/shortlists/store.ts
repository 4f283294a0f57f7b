/** The shortlists index: one document per list, written with refresh and optimistic concurrency. */
import type { Client } from '@elastic/elasticsearch';
import { aliasName } from '../../mappings/indices.ts';
import type { ShortlistDocument } from '../../mappings/shortlists.ts';
import type { Logger } from '../log.ts';
import { engineGuard } from '../stores/guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from '../stores/versioned.ts';

export interface ShortlistStore {
  create(list: ShortlistDocument): Promise<void>;
  get(id: string): Promise<Versioned<ShortlistDocument> | undefined>;
  /** False when the list changed since it was read. */
  replace(list: Versioned<ShortlistDocument>): Promise<boolean>;
  /** The employer's lists, oldest first (at most `max`). */
  listFor(employerAccountId: string, max: number): Promise<ShortlistDocument[]>;
  delete(id: string): Promise<void>;
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
  };
}
