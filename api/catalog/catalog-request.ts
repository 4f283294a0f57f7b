/**
 * The public catalog's engine requests and their shaping. Pure.
 *
 * Badge classes come from the badge-classes index (written only from an
 * owner's authentic credential), restricted to issuers the registry
 * RECOGNIZES. Filters apply as a post filter, and each facet counts with
 * every selection but its own, so a facet shows what picking a value adds.
 * Earner counts go through the privacy layer (listed earners, shown badges).
 */
import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
  SearchRequest,
  SearchResponse,
} from '@elastic/elasticsearch/lib/api/types';
import type { BadgeClassDocument } from '../../mappings/badge-classes.ts';
import {
  directoryRequest,
  RECOGNIZED_ISSUER,
  visibleBadgeAggregation,
  visibleBadgeBuckets,
  type DirectoryRequest,
} from '../search/privacy.ts';
import { CATALOG_LIMITS, type CatalogQuery } from './catalog-input.ts';

type Query = QueryDslQueryContainer;

/** A recognized registry entry: the issuer as the catalog names it. */
export interface CatalogIssuer {
  id: string;
  /** Every id (DID, URL) the entry lists: badge classes name their issuer by one of them. */
  ids: string[];
  name: string;
  url?: string;
  /** Free text from the registry ("Columbus, OH"). */
  location?: string;
  /** The region `location` names (`issuer-region.ts`), set by the service. */
  region?: string | null;
}

export const CATALOG_ISSUER_FIELDS = ['id', 'ids', 'name', 'url', 'location'] as const;

export function recognizedIssuersRequest(): Omit<SearchRequest, 'index'> {
  return { query: { term: { status: 'RECOGNIZED' } }, size: 1000, _source: { includes: [...CATALOG_ISSUER_FIELDS] } };
}

/** Skills at or under the selected ones (the taxonomy tree): a filter on a broad skill finds narrower ones. */
export function narrowerSkillsRequest(skills: readonly string[]): Omit<SearchRequest, 'index'> {
  // Every narrower skill (a broad ESCO group has over 1,500; the whole shipped taxonomy about 5,000), up to the engine's result window.
  return { query: { terms: { ancestors: [...skills] } }, size: 10_000, _source: false };
}

export const CATALOG_FIELDS = [
  'id',
  'name',
  'description',
  'criteria',
  'image',
  'credentialType',
  'issuerId',
  'skills',
  'pathways',
] as const;

export type CatalogDocument = Pick<BadgeClassDocument, (typeof CATALOG_FIELDS)[number]>;

/** Issuers the facet lists at most (the schema's cost bound). */
const MAX_ISSUER_FACET = 100;

export type Facet = 'issuers' | 'credentialTypes' | 'skills' | 'pathways' | 'issuerRegions';
const FACET_FIELDS: Record<Facet, string> = {
  issuers: 'issuerId',
  credentialTypes: 'credentialType',
  skills: 'skills',
  pathways: 'pathways',
  // Badge classes name their issuer, whose registry entry has the region: counted per issuer id, folded per region.
  issuerRegions: 'issuerId',
};
/** Values each facet's terms list may hold: every issuer id, and every skill the catalog uses (the tree needs them all). */
const FACET_SIZE: Record<Facet, number> = {
  issuers: 1000,
  issuerRegions: 1000,
  skills: 1000,
  credentialTypes: CATALOG_LIMITS.facetSize,
  pathways: CATALOG_LIMITS.facetSize,
};

export interface CatalogScope {
  issuers: readonly CatalogIssuer[];
  /** The selected skills with every narrower one. */
  expandedSkills: readonly string[];
}

/** Matches badge classes of these issuer ids; none at all (never everything) when the list is empty. */
const ofIssuers = (ids: string[]): Query => ({ terms: { issuerId: ids.length > 0 ? ids : ['\u0000none'] } });

function selections(query: CatalogQuery, scope: CatalogScope): Record<Facet, Query | null> {
  const chosen = scope.issuers.filter((i) => query.issuers.includes(i.id)).flatMap((i) => i.ids);
  const inRegions = scope.issuers.filter((i) => i.region && query.issuerRegions.includes(i.region)).flatMap((i) => i.ids);
  return {
    // An issuer id that is not a recognized entry matches nothing (never everything).
    issuers: query.issuers.length > 0 ? ofIssuers(chosen) : null,
    issuerRegions: query.issuerRegions.length > 0 ? ofIssuers(inRegions) : null,
    credentialTypes: query.credentialTypes.length > 0 ? { terms: { credentialType: query.credentialTypes } } : null,
    skills: query.skills.length > 0 ? { terms: { skills: [...new Set([...query.skills, ...scope.expandedSkills])] } } : null,
    pathways: query.pathways.length > 0 ? { terms: { pathways: query.pathways } } : null,
  };
}

/** The catalog's query before selections (recognized issuers, the words), and every selection but one facet's. */
function catalogParts(query: CatalogQuery, scope: CatalogScope) {
  const recognized: Query = { terms: { issuerId: scope.issuers.flatMap((i) => i.ids).concat(['\u0000none']) } };
  const must: Query[] = query.text
    ? [{ multi_match: { query: query.text, fields: ['name^3', 'description', 'criteria', 'issuerName', 'tags'] } }]
    : [];
  const chosen = selections(query, scope);
  const others = (facet: Facet): Query[] => (Object.keys(chosen) as Facet[]).filter((f) => f !== facet && chosen[f]).map((f) => chosen[f]!);
  return { base: { bool: { must, filter: [recognized] } } satisfies Query, chosen, others };
}

export function catalogSearchRequest(query: CatalogQuery, scope: CatalogScope): Omit<SearchRequest, 'index'> {
  const { base, chosen, others } = catalogParts(query, scope);
  const aggs: Record<string, AggregationsAggregationContainer> = Object.fromEntries(
    (Object.keys(FACET_FIELDS) as Facet[]).map((facet) => [
      facet,
      {
        filter: { bool: { filter: others(facet) } },
        aggs: { values: { terms: { field: FACET_FIELDS[facet], size: FACET_SIZE[facet] } } },
      },
    ]),
  );
  const post = Object.values(chosen).filter(Boolean) as Query[];
  return {
    query: base,
    ...(post.length > 0 ? { post_filter: { bool: { filter: post } } } : {}),
    from: query.offset,
    size: query.first,
    sort: query.text
      ? [{ _score: { order: 'desc' } }, { 'name.keyword': 'asc' }, { id: 'asc' }]
      : [{ 'name.keyword': 'asc' }, { id: 'asc' }],
    track_total_hits: true,
    _source: { includes: [...CATALOG_FIELDS] },
    aggs,
  };
}

export interface FacetBucket {
  value: string;
  count: number;
  /** Skills facet: the broader skills among the facet's values (the tree's parent links). */
  broader?: string[];
}

/** Skills the tree holds at most (the catalog's skills and their broader ones). */
export const MAX_TREE_NODES = 300;

/**
 * The skills facet as a tree: for each node (a skill the catalog uses, or a
 * broader one), the badge classes selecting it would show (those with it or
 * a narrower skill), with every selection but the skills'. `under` maps each
 * node to the used skills at or under it.
 */
export function skillTreeCountsRequest(
  query: CatalogQuery,
  scope: CatalogScope,
  under: ReadonlyMap<string, readonly string[]>,
): Omit<SearchRequest, 'index'> {
  const { base, others } = catalogParts(query, scope);
  return {
    query: base,
    size: 0,
    track_total_hits: false,
    aggs: {
      tree: {
        filter: { bool: { filter: others('skills') } },
        aggs: {
          nodes: {
            filters: { filters: Object.fromEntries([...under].map(([node, skills]) => [node, { terms: { skills: [...skills] } }])) },
          },
        },
      },
    },
  };
}

export function readSkillTreeCounts(response: SearchResponse<unknown>): Map<string, number> {
  const buckets =
    (response.aggregations?.tree as { nodes?: { buckets?: Record<string, { doc_count: number }> } } | undefined)?.nodes?.buckets ?? {};
  return new Map(Object.entries(buckets).map(([node, b]) => [node, b.doc_count]));
}

/** Badge classes per registry entry (or per its region), folded from the per-issuer-id buckets. */
function foldIssuers(buckets: FacetBucket[], scope: CatalogScope, key: (entry: CatalogIssuer) => string | null | undefined): FacetBucket[] {
  const byIssuerId = new Map(scope.issuers.flatMap((entry) => entry.ids.map((id) => [id, entry] as const)));
  const counts = new Map<string, number>();
  for (const b of buckets) {
    const entry = byIssuerId.get(b.value);
    const value = entry ? key(entry) : null;
    if (value) counts.set(value, (counts.get(value) ?? 0) + b.count);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, MAX_ISSUER_FACET);
}

export function readCatalogFacets(response: SearchResponse<unknown>, scope: CatalogScope): Record<Facet, FacetBucket[]> {
  const buckets = (facet: Facet) =>
    (
      (response.aggregations?.[facet] as { values?: { buckets?: { key: string; doc_count: number }[] } } | undefined)?.values?.buckets ?? []
    ).map((b) => ({ value: String(b.key), count: b.doc_count }));
  return {
    issuers: foldIssuers(buckets('issuers'), scope, (entry) => entry.id),
    issuerRegions: foldIssuers(buckets('issuerRegions'), scope, (entry) => entry.region),
    credentialTypes: buckets('credentialTypes'),
    skills: buckets('skills'),
    pathways: buckets('pathways'),
  };
}

/** Listed earners who show a badge of each class (recognized issuers only), through the privacy layer. */
export function catalogEarnerCountsRequest(ids: readonly string[]): DirectoryRequest {
  return directoryRequest(
    {
      size: 0,
      track_total_hits: false,
      aggs: {
        classes: visibleBadgeAggregation([{ terms: { 'badges.badgeClassId': [...ids] } }, RECOGNIZED_ISSUER], {
          values: { terms: { field: 'badges.badgeClassId', size: Math.max(1, ids.length) }, aggs: { earners: { reverse_nested: {} } } },
        }),
      },
    },
    { withEarners: false },
  );
}

export function readEarnerCounts(response: SearchResponse<unknown>): Map<string, number> {
  const { values } = visibleBadgeBuckets<{ values: { buckets: { key: string; earners: { doc_count: number } }[] } }>(
    response.aggregations?.classes,
  );
  return new Map(values.buckets.map((b) => [b.key, b.earners.doc_count]));
}

/** A count about people: below the report threshold it is suppressed; above, rounded down to a multiple of 5 (never below the threshold), so one earner listing or leaving rarely shows. */
export function publishEarnerCount(count: number, threshold: number): { value: number | null; suppressed: boolean } {
  if (count <= 0) return { value: 0, suppressed: false };
  if (count < threshold) return { value: null, suppressed: true };
  return { value: Math.max(threshold, count - (count % 5)), suppressed: false };
}
