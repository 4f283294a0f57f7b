/**
 * Pathway filters and the pathways facet, asked of the engine at query time
 * from the pathway definitions (so a changed definition counts at once).
 *
 * A pathway counts only what `PathwayProgress` counts (`mappings/pathways.ts`):
 * badges the earner shows, VERIFIED, of RECOGNIZED issuers, whatever the
 * search's `verification` and `issuerRecognition` say. "At least k of the
 * pathway's badge classes" is a bool query of one clause per class with
 * `minimum_should_match: k`: on the flat default-scope values when the index
 * has them, otherwise through the nested badges. Pure.
 */
import type { AggregationsAggregationContainer, QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import type { BuildContext } from './filters.ts';
import type { FacetValue } from './facets.ts';
import type { PathwayProgressFilter } from './input.ts';
import { RECOGNIZED_ISSUER, visibleBadgeQuery } from './privacy.ts';

type Query = QueryDslQueryContainer;

/** How many of its badge classes complete a pathway (all of them unless it says fewer). */
export function requiredOf(pathway: Pick<PathwayDefinition, 'badgeClasses' | 'required'>): number {
  return Math.min(pathway.required ?? pathway.badgeClasses.length, pathway.badgeClasses.length);
}

function heldQuery(badgeClassId: string, ctx: BuildContext): Query {
  if (!ctx.nestedOnly) return { term: { 'public.recognizedVerified.badgeClasses': badgeClassId } };
  return visibleBadgeQuery([
    { term: { 'badges.verification.status': 'VERIFIED' } },
    RECOGNIZED_ISSUER,
    { term: { 'badges.badgeClassId': badgeClassId } },
  ]);
}

/**
 * Earners who earned at least `minEarned` of the pathway's badge classes (at
 * most its required count: asking more means "completed"). An unknown
 * pathway matches nobody, like an unknown badge id.
 */
export function pathwayQuery(pathway: PathwayDefinition | undefined, minEarned: number, ctx: BuildContext): Query {
  const required = pathway ? requiredOf(pathway) : 0;
  if (!pathway || required === 0) return { match_none: {} };
  return {
    bool: {
      should: pathway.badgeClasses.map((id) => heldQuery(id, ctx)),
      minimum_should_match: Math.min(Math.max(1, minEarned), required),
    },
  };
}

export const completedQuery = (pathway: PathwayDefinition | undefined, ctx: BuildContext): Query =>
  pathwayQuery(pathway, Number.POSITIVE_INFINITY, ctx);

const definitionOf = (id: string, ctx: BuildContext) => ctx.pathways?.get(id);

/** "Completed at least one of these pathways" (the facet's own selection). */
export function completedAnyQuery(ids: readonly string[], ctx: BuildContext): Query {
  return { bool: { should: ids.map((id) => completedQuery(definitionOf(id, ctx), ctx)), minimum_should_match: 1 } };
}

/** Each progress condition must hold. */
export function progressFilters(progress: readonly PathwayProgressFilter[], ctx: BuildContext): Query[] {
  return progress.map((p) => pathwayQuery(definitionOf(p.pathway, ctx), p.minEarned, ctx));
}

/** The facet's aggregation: one filter per known pathway, counting earners who completed it. */
export function pathwayBuckets(ctx: BuildContext): AggregationsAggregationContainer {
  const pathways = [...(ctx.pathways?.values() ?? [])];
  // The engine refuses a `filters` aggregation without filters: with no pathways there is nothing to count.
  if (pathways.length === 0) return { filter: { match_none: {} } };
  return { filters: { filters: Object.fromEntries(pathways.map((p) => [p.id, completedQuery(p, ctx)])) } };
}

/** Reads the facet: non-zero counts, count desc then id, labelled with the pathway's name. */
export function readPathwayBuckets(aggregation: unknown, ctx: BuildContext, size: number): FacetValue[] {
  const buckets = (aggregation as { buckets?: Record<string, { doc_count: number }> } | undefined)?.buckets ?? {};
  return Object.entries(buckets)
    .map(([value, bucket]) => ({ value, label: definitionOf(value, ctx)?.name ?? value, count: bucket.doc_count }))
    .filter((v) => v.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, size);
}
