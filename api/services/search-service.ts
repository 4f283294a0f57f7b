/**
 * Earner search: checks the viewer and the input, runs the built request,
 * refines facets that need exact counts, and primes the earner loader with
 * the hits (so resolving them costs no further request).
 */
import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { SearchEngine } from '../engine.ts';
import type { Loaders } from '../loaders.ts';
import { pathwayDefinitions } from '../pathways/definitions.ts';
import { applyRefinement, isSettled, refinedValues, startRefinement, type Refinement } from '../search/facet-refinement.ts';
import type { FacetId, FacetResults, FacetValue } from '../search/facets.ts';
import type { BuildContext } from '../search/filters.ts';
import { parseSearchInput, type EarnerSearch, type EarnerSearchArgs } from '../search/input.ts';
import { aggregationName, type FacetReading } from '../search/facet-aggregations.ts';
import { applyLabels, labelRequest, needsLabels } from '../search/facet-labels.ts';
import { buildRefinementRequest, buildSearchRequest, type SearchPlan } from '../search/request.ts';
import { shapeSearchResponse, type SearchPage } from '../search/response.ts';
import type { LoggedSearch } from '../reports/search-log-entry.ts';
import type { Viewer } from '../viewer.ts';
import { requireDirectoryAccess } from './access.ts';

export interface SearchResult extends Omit<SearchPage, 'facets' | 'nodes'> {
  /** Each hit carries the checked search, so `EarnerHit.matches` can say what it proves. */
  nodes: (SearchPage['nodes'][number] & { search: EarnerSearch })[];
  facets: FacetResults;
}

export interface SearchServiceDependencies {
  engine: SearchEngine;
  loaders: Loaders;
  viewer: Viewer;
  now: () => Date;
  /** The skill-gap reports' search log (fire-and-forget; it never throws). */
  logSearch?: (search: LoggedSearch) => void;
}

/** Counts the facets that need exact refinement. */
async function refineFacets(
  engine: SearchEngine,
  search: EarnerSearch,
  ctx: BuildContext,
  readings: FacetReading[],
): Promise<FacetResults> {
  const results = {} as Record<FacetId, FacetValue[]>;
  let pending: Refinement[] = [];
  for (const reading of readings) {
    if ('values' in reading) results[reading.plan.facet.id] = reading.values;
    else pending.push(startRefinement(reading.plan, reading.candidates));
  }
  pending = pending.filter((r) => !isSettled(r) || ((results[r.plan.facet.id] = refinedValues(r)), false));
  // Candidates counted on the flat fields have no badge-field labels yet: read with the first exact counts, in one round trip.
  let unlabelled = pending.filter(needsLabels);
  while (pending.length > 0) {
    const refinementRequest = buildRefinementRequest(search, ctx, pending);
    let response;
    if (unlabelled.length > 0) {
      const [counts, ...labels] = await engine.multiSearch([
        { index: 'earners', body: refinementRequest },
        ...unlabelled.map((r) => ({ index: 'badge-classes' as const, body: labelRequest(r) })),
      ]);
      const labelled = new Map(unlabelled.map((r, i) => [r, applyLabels(r, labels[i]!)]));
      pending = pending.map((r) => labelled.get(r) ?? r);
      unlabelled = [];
      response = counts!;
    } else response = await engine.searchEarners(refinementRequest);
    const next: Refinement[] = [];
    for (const refinement of pending) {
      const updated = applyRefinement(refinement, response.aggregations?.[aggregationName(refinement.plan.facet)]);
      if (isSettled(updated)) results[updated.plan.facet.id] = refinedValues(updated);
      else next.push(updated);
    }
    pending = next;
  }
  return results;
}

/**
 * The hits and the facet counts in one round trip, as two searches the engine
 * runs side by side; the counts (no hits, no clock) come from its request
 * cache when the same search ran before and the index has not changed since.
 */
async function searchHitsAndCounts(engine: SearchEngine, plan: SearchPlan): Promise<SearchResponse<unknown>> {
  const [hits, counts] = await engine.multiSearch([
    { index: 'earners', body: plan.hits },
    { index: 'earners', body: plan.counts },
  ]);
  return { ...hits!, ...(counts!.aggregations ? { aggregations: counts!.aggregations } : {}) };
}

export function createSearchService({ engine, loaders, viewer, now, logSearch }: SearchServiceDependencies) {
  return {
    async searchEarners(args: EarnerSearchArgs): Promise<SearchResult> {
      requireDirectoryAccess(viewer);
      const search = parseSearchInput(args);
      const layout = engine.earnerLayout;
      const ctx: BuildContext = {
        now: now(),
        shards: layout?.shards ?? 1,
        nestedOnly: layout?.flatDefaultScope === false,
        pathways: await pathwayDefinitions(engine),
      };
      const plan = buildSearchRequest(search, ctx);
      const page = shapeSearchResponse(search, plan.facets, await searchHitsAndCounts(engine, plan), ctx);
      for (const node of page.nodes) loaders.earner.prime(node.earner.id, node.earner);
      // Employer demand, once per search (not per page), with nothing that identifies anyone.
      if (logSearch && viewer.role === 'employer' && !search.after)
        logSearch({ skills: search.skills.values, regions: search.regions, total: page.total });
      // Skill labels are looked up while any refinement runs, not after it (the resolvers then find them in the loader).
      const skills = page.facets.find((reading) => reading.plan.facet.id === 'skills');
      if (skills && 'values' in skills) void loaders.skill.loadMany(skills.values.filter((v) => v.label === undefined).map((v) => v.value));
      return {
        ...page,
        nodes: page.nodes.map((node) => ({ ...node, search })),
        facets: await refineFacets(engine, search, ctx, page.facets),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
