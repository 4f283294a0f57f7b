/** The contacts index: contact requests, written with refresh so counts and lists see them at once. */
import type { Client } from '@elastic/elasticsearch';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from './versioned.ts';
import { deleteMatching, engineGuard } from './guard.ts';

/** Requests one party sees in a list, newest first. */
export const MAX_LISTED_REQUESTS = 200;

export interface ContactStore {
  create(request: ContactRequestDocument): Promise<void>;
  get(id: string): Promise<Versioned<ContactRequestDocument> | undefined>;
  /** False when the request changed since it was read. */
  replace(request: Versioned<ContactRequestDocument>): Promise<boolean>;
  list(party: { employerAccountId: string } | { earnerId: string }): Promise<ContactRequestDocument[]>;
  deleteForEarner(earnerId: string): Promise<number>;
}

export function createContactStore(client: Client, indexPrefix: string, log: Logger): ContactStore {
  const index = aliasName(indexPrefix, 'contacts');
  const guard = engineGuard(log);
  return {
    create: (request) =>
      guard(async () => {
        await client.create({ index, id: request.id, document: request, refresh: 'wait_for' });
      }),
    get: (id) => guard(() => getVersioned<ContactRequestDocument>(client, index, id)),
    replace: (read) => guard(() => replaceIfUnchanged(client, index, read.doc.id, read, read.doc, { waitForRefresh: true })),
    list: (party) =>
      guard(async () => {
        const term = 'employerAccountId' in party ? { employerAccountId: party.employerAccountId } : { earnerId: party.earnerId };
        const response = await client.search<ContactRequestDocument>({
          index,
          size: MAX_LISTED_REQUESTS,
          query: { term },
          sort: [{ createdAt: 'desc' }, { id: 'asc' }],
        });
        return response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
      }),
    deleteForEarner: (earnerId) => guard(() => deleteMatching(client, index, { term: { earnerId } })),
  };
}
