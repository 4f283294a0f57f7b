/**
 * Requests that load entities by id for the DataLoaders, and how to read
 * them. Badge classes and issuers exist for employers only while some listed
 * earner shows one of their badges: both are read through the earners index
 * (and badge-class details from the public badge-classes index).
 */
import type { SearchHit, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { BadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { SkillDocument } from '../../mappings/skills.ts';
import { directoryRequest, visibleBadgeAggregation, visibleBadgeBuckets, type DirectoryRequest } from './privacy.ts';

export function earnersByIdRequest(ids: readonly string[]): DirectoryRequest {
  return directoryRequest({ query: { ids: { values: [...ids] } }, size: ids.length, track_total_hits: false }, { withEarners: true });
}

/** A badge class as employers see it. */
export type BadgeClassView = Pick<BadgeClassDocument, 'id' | 'name' | 'description' | 'criteria' | 'image' | 'credentialType' | 'issuerId' | 'issuerName' | 'tags' | 'skills'> & {
  /** Listed earners who show this badge. */
  earnerCount: number;
};

export interface IssuerView {
  id: string;
  name: string;
  /** Listed earners who show a badge of this issuer. */
  earnerCount: number;
}

export const BADGE_CLASS_FIELDS = ['id', 'name', 'description', 'criteria', 'image', 'credentialType', 'issuerId', 'issuerName', 'tags', 'skills'];
export const SKILL_FIELDS = ['id', 'framework', 'code', 'uri', 'kind', 'label', 'altLabels', 'description', 'broader', 'ancestors', 'narrower', 'related'];

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
        sample: { top_hits: { size: 1, _source: { includes: ['badges.name', 'badges.description', 'badges.criteria', 'badges.image', 'badges.credentialType', 'badges.issuerId', 'badges.issuerName', 'badges.skills'] } } },
      },
    },
  };
  return directoryRequest({ size: 0, track_total_hits: false, aggs: { classes: visibleBadgeAggregation([{ terms: { 'badges.badgeClassId': [...ids] } }], aggs) } }, { withEarners: false });
}

export function badgeClassDocumentsRequest(ids: readonly string[]): Omit<SearchRequest, 'index'> {
  return { query: { ids: { values: [...ids] } }, size: ids.length, _source: { includes: BADGE_CLASS_FIELDS } };
}

function buckets(response: SearchResponse<unknown>, name: string): ShownBucket[] {
  return visibleBadgeBuckets<{ values: { buckets: ShownBucket[] } }>(response.aggregations?.[name]).values.buckets;
}

/** Badge classes in the order of `ids`; null where no listed earner shows one. */
export function readBadgeClasses(ids: readonly string[], shown: SearchResponse<unknown>, documents: SearchResponse<unknown>): (BadgeClassView | null)[] {
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

export function shownIssuersRequest(ids: readonly string[]): DirectoryRequest {
  const aggs = {
    values: {
      terms: { field: 'badges.issuerId', size: ids.length },
      aggs: { earners: { reverse_nested: {} }, names: { terms: { field: 'badges.issuerName.keyword', size: 1 } } },
    },
  };
  return directoryRequest({ size: 0, track_total_hits: false, aggs: { issuers: visibleBadgeAggregation([{ terms: { 'badges.issuerId': [...ids] } }], aggs) } }, { withEarners: false });
}

export function readIssuers(ids: readonly string[], response: SearchResponse<unknown>): (IssuerView | null)[] {
  const byId = new Map(buckets(response, 'issuers').map((b) => [b.key, b]));
  return ids.map((id) => {
    const bucket = byId.get(id);
    return bucket ? { id, name: bucket.names?.buckets[0]?.key ?? id, earnerCount: bucket.earners.doc_count } : null;
  });
}

export type SkillView = SkillDocument;
