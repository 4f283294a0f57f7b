/**
 * Requests that load entities by id for the DataLoaders, and how to read
 * them. Badge classes exist for employers only while some listed earner
 * shows one of their badges from a recognized issuer: read through the
 * earners index (and details from the public badge-classes index). Issuers
 * are read from the issuer registry.
 */
import type { SearchHit, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { BadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { IssuerRegistryDocument, IssuerStatus } from '../../mappings/issuers.ts';
import type { SkillDocument } from '../../mappings/skills.ts';
import { directoryRequest, RECOGNIZED_ISSUER, visibleBadgeAggregation, visibleBadgeBuckets, type DirectoryRequest } from './privacy.ts';

export function earnersByIdRequest(ids: readonly string[]): DirectoryRequest {
  return directoryRequest({ query: { ids: { values: [...ids] } }, size: ids.length, track_total_hits: false }, { withEarners: true });
}

/** A badge class as employers see it. */
export type BadgeClassView = Pick<
  BadgeClassDocument,
  'id' | 'name' | 'description' | 'criteria' | 'image' | 'credentialType' | 'issuerId' | 'issuerName' | 'tags' | 'skills'
> & {
  /** Listed earners who show this badge. */
  earnerCount: number;
};

/** An issuer as the registry describes it. */
export interface IssuerView {
  id: string;
  name: string;
  image?: string;
  url?: string;
  status: IssuerStatus;
  /** Listed earners who show a badge of this issuer. */
  earnerCount: number;
}

export const BADGE_CLASS_FIELDS = [
  'id',
  'name',
  'description',
  'criteria',
  'image',
  'credentialType',
  'issuerId',
  'issuerName',
  'tags',
  'skills',
];
export const SKILL_FIELDS = [
  'id',
  'framework',
  'code',
  'uri',
  'kind',
  'label',
  'altLabels',
  'description',
  'broader',
  'ancestors',
  'narrower',
  'related',
];

interface ShownBucket {
  key: string;
  earners: { doc_count: number };
  sample?: { hits: { hits: SearchHit<Record<string, unknown>>[] } };
  names?: { buckets: { key: string }[] };
}

/** Which of these badge classes some listed earner shows, with a sample badge for names. */
export function shownBadgeClassesRequest(ids: readonly string[]): DirectoryRequest {
  const aggs = {
    values: {
      terms: { field: 'badges.badgeClassId', size: ids.length },
      aggs: {
        earners: { reverse_nested: {} },
        sample: {
          top_hits: {
            size: 1,
            _source: {
              includes: [
                'badges.name',
                'badges.description',
                'badges.criteria',
                'badges.image',
                'badges.credentialType',
                'badges.issuerId',
                'badges.issuerName',
                'badges.skills',
              ],
            },
          },
        },
      },
    },
  };
  // Only recognized issuers' badges define a class's view: a copy claiming someone else's class id never does.
  return directoryRequest(
    {
      size: 0,
      track_total_hits: false,
      aggs: { classes: visibleBadgeAggregation([{ terms: { 'badges.badgeClassId': [...ids] } }, RECOGNIZED_ISSUER], aggs) },
    },
    { withEarners: false },
  );
}

export function badgeClassDocumentsRequest(ids: readonly string[]): Omit<SearchRequest, 'index'> {
  return { query: { ids: { values: [...ids] } }, size: ids.length, _source: { includes: BADGE_CLASS_FIELDS } };
}

function buckets(response: SearchResponse<unknown>, name: string): ShownBucket[] {
  return visibleBadgeBuckets<{ values: { buckets: ShownBucket[] } }>(response.aggregations?.[name]).values.buckets;
}

/** Badge classes in the order of `ids`; null where no listed earner shows one. */
export function readBadgeClasses(
  ids: readonly string[],
  shown: SearchResponse<unknown>,
  documents: SearchResponse<unknown>,
): (BadgeClassView | null)[] {
  const byId = new Map(buckets(shown, 'classes').map((b) => [b.key, b]));
  const docs = new Map(documents.hits.hits.map((hit) => [hit._id, hit._source as Partial<BadgeClassDocument>]));
  return ids.map((id) => {
    const bucket = byId.get(id);
    if (!bucket) return null;
    const badge = (bucket.sample?.hits.hits[0]?._source ?? {}) as Partial<BadgeClassDocument>;
    const doc = docs.get(id) ?? {};
    const pick = <K extends keyof BadgeClassDocument>(key: K) => doc[key] ?? badge[key];
    const optional = (key: 'description' | 'criteria' | 'image') => (pick(key) ? { [key]: pick(key) } : {});
    return {
      id,
      name: pick('name') ?? id,
      ...optional('description'),
      ...optional('criteria'),
      ...optional('image'),
      credentialType: pick('credentialType') ?? 'badge',
      issuerId: pick('issuerId') ?? '',
      issuerName: pick('issuerName') ?? '',
      tags: doc.tags ?? [],
      skills: pick('skills') ?? [],
      earnerCount: bucket.earners.doc_count,
    };
  });
}

/** Registry entries that list any of these ids (public fields only: never an admin's reason or the provenance). */
export function issuerEntriesRequest(ids: readonly string[]): Omit<SearchRequest, 'index'> {
  return { query: { terms: { ids: [...ids] } }, size: Math.min(ids.length * 2, 1000), _source: { includes: [...ISSUER_FIELDS] } };
}

export const ISSUER_FIELDS = ['id', 'ids', 'name', 'image', 'url', 'status'] as const;

/** How many listed earners show a badge matched to each of these registry entries. */
export function shownIssuersRequest(entryIds: readonly string[]): DirectoryRequest {
  const aggs = {
    values: { terms: { field: 'badges.registryIssuerId', size: Math.max(entryIds.length, 1) }, aggs: { earners: { reverse_nested: {} } } },
  };
  return directoryRequest(
    {
      size: 0,
      track_total_hits: false,
      aggs: { issuers: visibleBadgeAggregation([{ terms: { 'badges.registryIssuerId': [...entryIds] } }], aggs) },
    },
    { withEarners: false },
  );
}

type IssuerEntry = Pick<IssuerRegistryDocument, (typeof ISSUER_FIELDS)[number]>;

/** Issuers in the order of `ids` (any id an entry lists finds it); null where no registry lists one. */
export function readIssuers(
  ids: readonly string[],
  entries: SearchResponse<unknown>,
  shown: SearchResponse<unknown> | undefined,
): (IssuerView | null)[] {
  const byListedId = new Map<string, IssuerEntry>();
  for (const hit of entries.hits.hits) {
    const entry = hit._source as IssuerEntry;
    for (const id of entry.ids ?? []) if (!byListedId.has(id)) byListedId.set(id, entry);
  }
  const counts = new Map(shown ? buckets(shown, 'issuers').map((b) => [b.key, b.earners.doc_count]) : []);
  return ids.map((id) => {
    const entry = byListedId.get(id);
    // A PENDING entry was only seen in credentials: it repeats their claims and may reveal who holds what, so employers never see it.
    if (!entry || entry.status === 'PENDING') return null;
    return {
      id: entry.id,
      name: entry.name,
      ...(entry.image ? { image: entry.image } : {}),
      ...(entry.url ? { url: entry.url } : {}),
      status: entry.status,
      earnerCount: counts.get(entry.id) ?? 0,
    };
  });
}

export type SkillView = SkillDocument;
