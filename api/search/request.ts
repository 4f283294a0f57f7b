/**
 * Builds the engine request for an earner search (Searchkit's
 * transformRequest): the text and place narrow what every count sees; facet
 * filters go in `post_filter` so each facet can ignore its own selection.
 */
import type { QueryDslQueryContainer, SortCombinations } from '@elastic/elasticsearch/lib/api/types';
import type { EarnerSort } from './cursor.ts';
import { facetAggregations, type FacetPlan } from './facet-aggregations.ts';
import { refinementAggregations, type Refinement } from './facet-refinement.ts';
import { exclusionFilters, facetFilters, geoFilter, type BuildContext } from './filters.ts';
import type { EarnerSearch } from './input.ts';
import { progressFilters } from './pathways.ts';
import { directoryRequest, type DirectoryRequest } from './privacy.ts';
import { TEXT_HIGHLIGHT, textQuery } from './text.ts';

/** Text and place: what every hit and every facet count must meet. */
export function baseQuery(search: EarnerSearch, ctx: BuildContext): QueryDslQueryContainer {
  return {
    bool: {
      ...(search.text
        ? { must: [textQuery(search.text, { unrecognized: search.issuerRecognition.some((r) => r !== 'RECOGNIZED') })] }
        : {}),
      // Pathway progress is no facet's selection: it narrows every count, like the place.
      filter: [...(search.near ? [geoFilter(search.near)] : []), ...progressFilters(search.pathwayProgress, ctx)],
      // Exclusions narrow every hit and every facet count, like the text and the place.
      ...(search.exclude.badges.length + search.exclude.skills.length + search.exclude.issuers.length > 0
        ? { must_not: exclusionFilters(search) }
        : {}),
    },
  };
}

/** A stable order: the earner id breaks every tie, so `search_after` never skips or repeats. */
export function sortOrder(sort: EarnerSort): SortCombinations[] {
  if (sort === 'RECENT') return [{ 'public.latestIssuedOn': { order: 'desc', missing: '_last' } }, { earnerId: 'asc' }];
  return [{ _score: { order: 'desc' } }, { earnerId: 'asc' }];
}

export interface SearchPlan {
  /** The page of hits: text and facet selections, highlights and shown badges, no aggregations. */
  hits: DirectoryRequest;
  /**
   * The facet counts alone: no hits, and no clock in it (dates are whole UTC
   * days), so the engine's request cache answers it again until the index
   * changes: the next page, going back, or another employer's same search
   * costs the hits only. Sent with `hits` in one round trip.
   */
  counts: DirectoryRequest;
  facets: FacetPlan[];
}

export function buildSearchRequest(search: EarnerSearch, ctx: BuildContext): SearchPlan {
  const { aggs, plans } = facetAggregations(search, ctx);
  const hits = directoryRequest(
    {
      query: baseQuery(search, ctx),
      post_filter: { bool: { filter: facetFilters(search, ctx) } },
      sort: sortOrder(search.sort),
      ...(search.after ? { search_after: search.after } : {}),
      // One extra hit tells whether there is a next page.
      size: search.first + 1,
      track_total_hits: true,
      ...(search.text ? { highlight: TEXT_HIGHLIGHT } : {}),
    },
    { withEarners: true },
  );
  return { hits, counts: countsRequest(search, ctx, aggs), facets: plans };
}

/** Aggregations over every earner the text and place match (facet selections are each facet's own filters). */
function countsRequest(search: EarnerSearch, ctx: BuildContext, aggs: DirectoryRequest['aggs']): DirectoryRequest {
  return directoryRequest({ query: baseQuery(search, ctx), size: 0, track_total_hits: false, aggs }, { withEarners: false });
}

/** A counts-only request that refines facets needing exact counts. */
export function buildRefinementRequest(search: EarnerSearch, ctx: BuildContext, refinements: readonly Refinement[]): DirectoryRequest {
  return countsRequest(search, ctx, refinementAggregations(refinements, search, ctx));
}
