/** The accounts index: read by id (realtime), written with optimistic concurrency. */
import type { Client } from '@elastic/elasticsearch';
import type { AccountDocument } from '../../mappings/accounts.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import { engineGuard, isConflict } from './guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from './versioned.ts';

export type { Versioned };

export interface AccountStore {
  get(id: string): Promise<Versioned<AccountDocument> | undefined>;
  /** False when an account with this id already exists. */
  create(account: AccountDocument): Promise<boolean>;
  /** False when the account changed since it was read. */
  replace(account: Versioned<AccountDocument>): Promise<boolean>;
  findByEarner(earnerId: string): Promise<AccountDocument | undefined>;
  delete(id: string): Promise<void>;
}

export function createAccountStore(client: Client, indexPrefix: string, log: Logger): AccountStore {
  const index = aliasName(indexPrefix, 'accounts');
  const guard = engineGuard(log);
  return {
    get: (id) => guard(() => getVersioned<AccountDocument>(client, index, id)),
    create: (account) =>
      guard(async () => {
        try {
          // wait_for: look-ups by earner id (a search) see the account at once.
          await client.create({ index, id: account.id, document: account, refresh: 'wait_for' });
          return true;
        } catch (error) {
          if (isConflict(error)) return false;
          throw error;
        }
      }),
    replace: (read) => guard(() => replaceIfUnchanged(client, index, read.doc.id, read, read.doc, { waitForRefresh: true })),
    findByEarner: (earnerId) =>
      guard(async () => {
        const response = await client.search<AccountDocument>({
          index,
          size: 1,
          query: { bool: { filter: [{ term: { earnerId } }, { term: { role: 'earner' } }] } },
        });
        return response.hits.hits[0]?._source;
      }),
    delete: (id) =>
      guard(async () => {
        await client.delete({ index, id, refresh: 'wait_for' }, { ignore: [404] });
      }),
  };
}
