/**
 * Exact counts for facets whose first pass gave upper bounds (an ALL-mode
 * list split the badge filters into several clauses). Candidates are counted
 * exactly in chunks, highest upper bound first, until no uncounted candidate
 * could still enter the top values.
 */
import type { AggregationsAggregationContainer } from '@elastic/elasticsearch/lib/api/types';
import { aggregationName, type FacetCandidate, type FacetPlan } from './facet-aggregations.ts';
import type { BadgeFacet, FacetValue } from './facets.ts';
import { facetCondition, facetFilters, type BuildContext } from './filters.ts';
import type { EarnerSearch } from './input.ts';
import { visibleBadgeQuery } from './privacy.ts';

/** Candidates counted per facet per request. */
export const REFINE_CHUNK = 200;

export interface Refinement {
  plan: FacetPlan;
  /** Not yet counted, highest upper bound first. */
  remaining: FacetCandidate[];
  counted: FacetValue[];
}

const byCountThenValue = (a: FacetValue, b: FacetValue) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

export function startRefinement(plan: FacetPlan, candidates: readonly FacetCandidate[]): Refinement {
  const remaining = [...candidates].sort((a, b) => b.upperBound - a.upperBound || (a.value < b.value ? -1 : 1));
  return { plan, remaining, counted: [] };
}

/** Settled when nothing is left, or the current top values beat every uncounted upper bound. */
export function isSettled({ plan, remaining, counted }: Refinement): boolean {
  if (remaining.length === 0) return true;
  const top = counted.filter((v) => v.count > 0).sort(byCountThenValue);
  return top.length >= plan.size && top[plan.size - 1]!.count > remaining[0]!.upperBound;
}

/** The aggregation that counts the next chunk of candidates exactly. */
export function refinementAggregation(refinement: Refinement, search: EarnerSearch, ctx: BuildContext): AggregationsAggregationContainer {
  const facet = refinement.plan.facet as BadgeFacet;
  const chunk = refinement.remaining.slice(0, REFINE_CHUNK);
  const filters = Object.fromEntries(
    chunk.map((candidate, i) => [
      `c${i}`,
      {
        bool: {
          filter: refinement.plan.clauses.map((clause) => visibleBadgeQuery([...clause, facetCondition(facet, [candidate.value], ctx)])),
        },
      },
    ]),
  );
  // Every counted earner meets each clause without the candidate too: filtering on the clauses first (flat in the
  // default scope) leaves the per-candidate nested checks only those earners. The counts are the same.
  return { filter: { bool: { filter: facetFilters(search, ctx, facet.id) } }, aggs: { values: { filters: { filters } } } };
}

export function refinementAggregations(
  refinements: readonly Refinement[],
  search: EarnerSearch,
  ctx: BuildContext,
): Record<string, AggregationsAggregationContainer> {
  return Object.fromEntries(refinements.map((r) => [aggregationName(r.plan.facet), refinementAggregation(r, search, ctx)]));
}

/** Folds one refinement response into the state. */
export function applyRefinement(refinement: Refinement, aggregation: unknown): Refinement {
  const buckets = (aggregation as { values: { buckets: Record<string, { doc_count: number }> } }).values.buckets;
  const chunk = refinement.remaining.slice(0, REFINE_CHUNK);
  const counted = chunk.map((candidate, i) => ({
    value: candidate.value,
    count: buckets[`c${i}`]?.doc_count ?? 0,
    ...(candidate.label !== undefined ? { label: candidate.label } : {}),
  }));
  return { ...refinement, remaining: refinement.remaining.slice(REFINE_CHUNK), counted: [...refinement.counted, ...counted] };
}

export function refinedValues({ plan, counted }: Refinement): FacetValue[] {
  const values = counted.filter((v) => v.count > 0).sort(byCountThenValue);
  // Date buckets keep their natural order (6, 12, 24 months).
  if (plan.facet.kind === 'issued') return values.sort((a, b) => Number(a.value) - Number(b.value)).slice(0, plan.size);
  return values.slice(0, plan.size);
}
