/** The issuer-api-keys index (hashes only): create, read, list per issuer, revoke, note the last use. */
import type { Client } from '@elastic/elasticsearch';
import { aliasName } from '../../mappings/indices.ts';
import type { IssuerApiKeyDocument } from '../../mappings/issuer-api-keys.ts';
import type { Logger } from '../log.ts';
import { engineGuard } from '../stores/guard.ts';

export interface IssuerApiKeyStore {
  create(key: IssuerApiKeyDocument): Promise<void>;
  get(id: string): Promise<IssuerApiKeyDocument | undefined>;
  /** Keys of one issuer (or every issuer), newest first, at most `max`. */
  list(issuerEntryId: string | undefined, max: number): Promise<IssuerApiKeyDocument[]>;
  update(key: IssuerApiKeyDocument): Promise<void>;
  /** Sets `lastUsedAt` alone (a partial update: it never undoes a revocation written meanwhile). */
  noteUse(id: string, at: string): Promise<void>;
}

export function createIssuerApiKeyStore(client: Client, indexPrefix: string, log: Logger): IssuerApiKeyStore {
  const index = aliasName(indexPrefix, 'issuer-api-keys');
  const guard = engineGuard(log);
  return {
    create: (key) =>
      guard(async () => {
        await client.create({ index, id: key.id, document: key, refresh: 'wait_for' });
      }),
    get: (id) =>
      guard(async () => {
        const response = await client.get<IssuerApiKeyDocument>({ index, id }, { ignore: [404] });
        return response.found ? response._source : undefined;
      }),
    list: (issuerEntryId, max) =>
      guard(async () => {
        const response = await client.search<IssuerApiKeyDocument>({
          index,
          size: max,
          query: issuerEntryId ? { term: { issuerEntryId } } : { match_all: {} },
          sort: [{ createdAt: 'desc' }, { id: 'asc' }],
        });
        return response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
      }),
    update: (key) =>
      guard(async () => {
        await client.index({ index, id: key.id, document: key, refresh: 'wait_for' });
      }),
    noteUse: (id, at) =>
      guard(async () => {
        await client.update({ index, id, doc: { lastUsedAt: at }, retry_on_conflict: 3 });
      }),
  };
}
