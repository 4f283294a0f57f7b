/**
 * The issuer registry as admins manage it: entries with their counts, a
 * conditional write (optimistic concurrency), and the credentials a change
 * concerns, judged again. Only the admin service uses it; employers read the
 * registry's public fields through `engine.ts`.
 */
import type { Client } from '@elastic/elasticsearch';
import type { QueryDslQueryContainer, SortResults } from '@elastic/elasticsearch/lib/api/types';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { affectedCredentialsQuery, recognize } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument, IssuerStatus } from '../../mappings/issuers.ts';
import { aliasName, type IndexKind } from '../../mappings/indices.ts';
import type { Logger } from '../log.ts';
import { engineGuard } from './guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from './versioned.ts';

const PAGE = 1000;

/** A registry entry with how many stored credentials (and their earners) it matches. */
export interface IssuerWithCounts extends IssuerRegistryDocument {
  credentialCount: number;
  earnerCount: number;
}

export interface IssuerListQuery {
  search?: string;
  statuses: IssuerStatus[];
  first: number;
}

export interface IssuerRegistryStore {
  list(query: IssuerListQuery): Promise<{ totalCount: number; nodes: IssuerWithCounts[] }>;
  read(id: string): Promise<Versioned<IssuerRegistryDocument> | undefined>;
  /** False when the entry changed since it was read. */
  replace(read: Versioned<IssuerRegistryDocument>, next: IssuerRegistryDocument): Promise<boolean>;
  withCounts(entry: IssuerRegistryDocument): Promise<IssuerWithCounts>;
  /**
   * Judges the credentials `entries` may concern against the whole registry
   * again and stores the changed ones; returns them (their earners need rebuilding).
   */
  reevaluate(entries: readonly IssuerRegistryDocument[]): Promise<CredentialDocument[]>;
}

export function createIssuerRegistryStore(client: Client, indexPrefix: string, log: Logger): IssuerRegistryStore {
  const index = (kind: IndexKind) => aliasName(indexPrefix, kind);
  const guard = engineGuard(log);

  async function searchAll<T>(kind: IndexKind, query: QueryDslQueryContainer): Promise<T[]> {
    const out: T[] = [];
    let after: SortResults | undefined;
    for (;;) {
      const page = await client.search<T>({
        index: index(kind),
        query,
        size: PAGE,
        sort: ['_doc'],
        ...(after ? { search_after: after } : {}),
      });
      for (const hit of page.hits.hits) if (hit._source) out.push(hit._source);
      if (page.hits.hits.length < PAGE) return out;
      after = page.hits.hits.at(-1)!.sort;
    }
  }

  async function counts(entryIds: readonly string[]): Promise<Map<string, { credentials: number; earners: number }>> {
    if (entryIds.length === 0) return new Map();
    const response = await client.search({
      index: index('credentials'),
      size: 0,
      query: { terms: { 'issuerRecognition.entryId': [...entryIds] } },
      aggs: {
        entries: {
          terms: { field: 'issuerRecognition.entryId', size: entryIds.length },
          aggs: { earners: { cardinality: { field: 'earnerId', precision_threshold: 40000 } } },
        },
      },
    });
    const buckets = (response.aggregations?.entries as { buckets: { key: string; doc_count: number; earners: { value: number } }[] })
      .buckets;
    return new Map(buckets.map((b) => [b.key, { credentials: b.doc_count, earners: b.earners.value }]));
  }

  const withCountsOf = (
    entries: readonly IssuerRegistryDocument[],
    found: Map<string, { credentials: number; earners: number }>,
  ): IssuerWithCounts[] =>
    entries.map((e) => ({ ...e, credentialCount: found.get(e.id)?.credentials ?? 0, earnerCount: found.get(e.id)?.earners ?? 0 }));

  return {
    list: ({ search, statuses, first }) =>
      guard(async () => {
        const filter: QueryDslQueryContainer[] = statuses.length > 0 ? [{ terms: { status: statuses } }] : [];
        const must: QueryDslQueryContainer[] = search
          ? [
              {
                bool: {
                  should: [
                    { match: { name: { query: search, operator: 'and' } } },
                    { prefix: { 'name.keyword': search.toLowerCase() } },
                    { term: { ids: search } },
                    { term: { dids: search } },
                  ],
                  minimum_should_match: 1,
                },
              },
            ]
          : [];
        const response = await client.search<IssuerRegistryDocument>({
          index: index('issuers'),
          query: { bool: { filter, must } },
          size: first,
          track_total_hits: true,
          // Who is knocking first: PENDING, then by name.
          sort: [{ status: { order: 'asc' } }, { 'name.keyword': 'asc' }, { id: 'asc' }],
        });
        const entries = response.hits.hits.map((h) => h._source!);
        const total = response.hits.total;
        return {
          totalCount: typeof total === 'number' ? total : (total?.value ?? entries.length),
          nodes: withCountsOf(entries, await counts(entries.map((e) => e.id))),
        };
      }),
    read: (id) => guard(() => getVersioned<IssuerRegistryDocument>(client, index('issuers'), id)),
    replace: (read, next) => guard(() => replaceIfUnchanged(client, index('issuers'), next.id, read, next, { waitForRefresh: true })),
    withCounts: (entry) => guard(async () => withCountsOf([entry], await counts([entry.id]))[0]!),
    reevaluate: (entries) =>
      guard(async () => {
        await client.indices.refresh({ index: index('issuers') });
        const registry = await searchAll<IssuerRegistryDocument>('issuers', { match_all: {} });
        const affected = await searchAll<CredentialDocument>('credentials', {
          bool: { should: entries.map(affectedCredentialsQuery), minimum_should_match: 1 },
        });
        const changed = affected
          .map((c) => ({ before: c, after: { ...c, issuerRecognition: recognize(c.authority ?? [], registry) } }))
          .filter(({ before, after }) => JSON.stringify(before.issuerRecognition ?? {}) !== JSON.stringify(after.issuerRecognition))
          .map(({ after }) => after);
        for (let i = 0; i < changed.length; i += 500) {
          const batch = changed.slice(i, i + 500);
          const response = await client.bulk({
            operations: batch.flatMap((c) => [{ index: { _index: index('credentials'), _id: c.key } }, c]),
            refresh: 'wait_for',
          });
          const failed = response.items.find((item) => item.index?.error);
          if (failed) throw new Error(`could not update credentials: ${failed.index?.error?.reason ?? 'unknown reason'}`);
        }
        return changed;
      }),
  };
}
