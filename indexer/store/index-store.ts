/**
 * The indexer's one door to the engine: look-ups by identity, credentials of
 * earners, settings, and writes. Everything else in the indexer is pure.
 */
import type { Client } from '@elastic/elasticsearch';
import type { QueryDslQueryContainer, SortResults } from '@elastic/elasticsearch/lib/api/types';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { earnerIdDocumentId, type EarnerIdDocument, type EarnerLink } from '../../mappings/earner-ids.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import { aliasName, ensureAllIndices, type IndexKind, type IndexTarget } from '../../mappings/indices.ts';
import { writeDocuments, type WriteItem, type WriteOptions, type WriteResult } from './bulk-write.ts';

const PAGE = 5000;
const TERMS_BATCH = 2000;

export class IndexStore {
  constructor(readonly target: IndexTarget) {}

  get client(): Client {
    return this.target.client;
  }

  alias(kind: IndexKind): string {
    return aliasName(this.target.prefix, kind);
  }

  async ensureIndices(): Promise<void> {
    await ensureAllIndices(this.target);
  }

  /** Every document matching `query`, page by page with search_after (no deep `from`). */
  async *scan<T>(
    kind: IndexKind,
    query: QueryDslQueryContainer,
    /** Fields to read: all (`true`), these, or all but these. */
    source: string[] | true | { excludes: string[] } = true,
    sortField = '_doc',
  ): AsyncGenerator<{ id: string; doc: T }> {
    let after: SortResults | undefined;
    const pit = await this.client.openPointInTime({ index: this.alias(kind), keep_alive: '2m' });
    try {
      for (;;) {
        const page = await this.client.search<T>({
          size: PAGE,
          query,
          _source: source,
          pit: { id: pit.id, keep_alive: '2m' },
          sort: sortField === '_doc' ? ['_shard_doc'] : [{ [sortField]: 'asc' }, '_shard_doc'],
          ...(after ? { search_after: after } : {}),
        });
        for (const hit of page.hits.hits) if (hit._source) yield { id: hit._id!, doc: hit._source };
        if (page.hits.hits.length < PAGE) return;
        after = page.hits.hits.at(-1)?.sort;
      }
    } finally {
      await this.client.closePointInTime({ id: pit.id }).catch(() => undefined);
    }
  }

  /**
   * Identity key -> the earner it is linked to in the private `earner-ids`
   * index (a realtime get: links written by the previous chunk are seen).
   * Keys with no link yet that a stored credential carries (data ingested
   * before ids were random, until `reindex` migrates it) answer that earner.
   */
  async earnersByIdentity(keys: readonly string[]): Promise<Map<string, EarnerLink>> {
    const found = new Map<string, EarnerLink>();
    for (let i = 0; i < keys.length; i += TERMS_BATCH) {
      const batch = keys.slice(i, i + TERMS_BATCH);
      const response = await this.client.mget<EarnerIdDocument>({ index: this.alias('earner-ids'), ids: batch.map(earnerIdDocumentId) });
      for (const d of response.docs)
        if ('found' in d && d.found && d._source)
          found.set(d._source.identityKey, { earnerId: d._source.earnerId, assignedAt: d._source.assignedAt });
    }
    const unlinked = keys.filter((k) => !found.has(k));
    const wanted = new Set(unlinked);
    for (let i = 0; i < unlinked.length; i += TERMS_BATCH) {
      const batch = unlinked.slice(i, i + TERMS_BATCH);
      for await (const { doc } of this.scan<Pick<CredentialDocument, 'earnerId' | 'identityKeys' | 'ingestedAt'>>(
        'credentials',
        { terms: { identityKeys: batch } },
        ['earnerId', 'identityKeys', 'ingestedAt'],
      )) {
        for (const key of doc.identityKeys)
          if (wanted.has(key) && !found.has(key)) found.set(key, { earnerId: doc.earnerId, assignedAt: doc.ingestedAt });
      }
    }
    return found;
  }

  /** Stores identity -> earner links (the private index); visible to the next `earnersByIdentity` at once. */
  async linkIdentities(links: ReadonlyMap<string, EarnerLink>): Promise<void> {
    const items = [...links].map(([identityKey, link]) => ({
      id: earnerIdDocumentId(identityKey),
      document: { identityKey, ...link } satisfies EarnerIdDocument,
    }));
    const result = await this.write('earner-ids', items, { refresh: true });
    if (result.rejected.length > 0)
      throw new Error(`the engine rejected earner id links: ${result.rejected.map((r) => r.reason).join('; ')}`);
  }

  /** Every link of a merged-away earner now points at the earner it joined. */
  async moveLinks(merges: ReadonlyMap<string, string>, winners: ReadonlyMap<string, EarnerLink>): Promise<void> {
    if (merges.size === 0) return;
    const moved = new Map<string, EarnerLink>();
    for await (const { doc } of this.scan<EarnerIdDocument>('earner-ids', { terms: { earnerId: [...merges.keys()] } })) {
      const to = merges.get(doc.earnerId)!;
      moved.set(doc.identityKey, winners.get(to) ?? { earnerId: to, assignedAt: doc.assignedAt });
    }
    if (moved.size > 0) await this.linkIdentities(moved);
  }

  /** Identity keys of earners who deleted their data: their credentials are never stored again. */
  async deletedIdentities(keys: readonly string[]): Promise<Set<string>> {
    const blocked = new Set<string>();
    for (let i = 0; i < keys.length; i += TERMS_BATCH) {
      const batch = keys.slice(i, i + TERMS_BATCH);
      const query = { bool: { filter: [{ term: { deleted: true } }, { terms: { deletedIdentities: batch } }] } };
      for await (const { doc } of this.scan<Pick<DirectorySettingsDocument, 'deletedIdentities'>>('directory-settings', query, [
        'deletedIdentities',
      ])) {
        for (const key of doc.deletedIdentities) if (batch.includes(key)) blocked.add(key);
      }
    }
    return blocked;
  }

  async credentialsOf(earnerIds: readonly string[]): Promise<CredentialDocument[]> {
    const out: CredentialDocument[] = [];
    for (let i = 0; i < earnerIds.length; i += TERMS_BATCH) {
      for await (const { doc } of this.scan<CredentialDocument>('credentials', {
        terms: { earnerId: earnerIds.slice(i, i + TERMS_BATCH) },
      }))
        out.push(doc);
    }
    return out;
  }

  /** Stored credentials by their key (issuer + credential id: `credentialKey`). */
  async credentialsByKey(keys: readonly string[]): Promise<CredentialDocument[]> {
    return this.documentsById<CredentialDocument>('credentials', keys);
  }

  async documentsById<T>(kind: IndexKind, ids: readonly string[]): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += TERMS_BATCH) {
      const response = await this.client.mget<T>({ index: this.alias(kind), ids: ids.slice(i, i + TERMS_BATCH) });
      for (const d of response.docs) if ('found' in d && d.found && d._source) out.push(d._source);
    }
    return out;
  }

  /** The whole issuer registry (hundreds to a few thousand entries). */
  async registry(): Promise<IssuerRegistryDocument[]> {
    const out: IssuerRegistryDocument[] = [];
    for await (const { doc } of this.scan<IssuerRegistryDocument>('issuers', { match_all: {} })) out.push(doc);
    return out;
  }

  /** Adds entries that do not exist yet (`create`: an entry written meanwhile by an admin or another run wins). */
  async addRegistryEntries(entries: readonly IssuerRegistryDocument[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      const response = await this.client.create({ index: this.alias('issuers'), id: entry.id, document: entry }, { ignore: [409] });
      if ((response as { result?: string }).result === 'created') added++;
    }
    if (entries.length > 0) await this.refresh('issuers');
    return added;
  }

  async settingsOf(earnerIds: readonly string[]): Promise<Map<string, DirectorySettingsDocument>> {
    const out = new Map<string, DirectorySettingsDocument>();
    for (let i = 0; i < earnerIds.length; i += TERMS_BATCH) {
      const response = await this.client.mget<DirectorySettingsDocument>({
        index: this.alias('directory-settings'),
        ids: earnerIds.slice(i, i + TERMS_BATCH),
      });
      for (const d of response.docs) if ('found' in d && d.found && d._source) out.set(d._id, d._source);
    }
    return out;
  }

  async allPathways(): Promise<PathwayDefinition[]> {
    const out: PathwayDefinition[] = [];
    for await (const { doc } of this.scan<PathwayDefinition>('pathways', { match_all: {} })) out.push(doc);
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  write<T>(kind: IndexKind, items: Iterable<WriteItem<T>> | AsyncIterable<WriteItem<T>>, options?: WriteOptions): Promise<WriteResult> {
    return writeDocuments(this.client, this.alias(kind), items, options);
  }

  async refresh(...kinds: IndexKind[]): Promise<void> {
    await this.client.indices.refresh({ index: kinds.map((k) => this.alias(k)).join(',') });
  }

  async count(kind: IndexKind): Promise<number> {
    return (await this.client.count({ index: this.alias(kind) })).count;
  }
}
