/**
 * Disjunctive facet aggregations and how to read them. Each facet counts
 * earners (never badges) under every filter but its own selection.
 *
 * A badge-level facet whose other filters form one badge clause is counted in
 * one pass: nested terms over the badges that meet the clause, with
 * `reverse_nested` counting distinct earners. When an ALL-mode list makes
 * several clauses, a value counts only if every clause is met by a badge with
 * that value: the first pass then yields candidates with upper bounds, and
 * `facet-refinement.ts` counts them exactly.
 */
import type { AggregationsAggregationContainer } from '@elastic/elasticsearch/lib/api/types';
import { monthsAgo } from './dates.ts';
import { FACETS, staticLabel, type BadgeFacet, type FacetDefinition, type FacetValue } from './facets.ts';
import { defaultScopeBuckets, usesDefaultScope } from './default-scope.ts';
import { badgeClauses, clauseConditions, clauseQueries, earnerFacetFilters, type BadgeClause, type BuildContext } from './filters.ts';
import type { EarnerSearch } from './input.ts';
import { visibleBadgeAggregation, visibleBadgeBuckets } from './privacy.ts';

type Aggregation = AggregationsAggregationContainer;

/** How many candidate values a facet that needs exact refinement collects in its first pass. */
export const MAX_FACET_CANDIDATES = 2000;

export interface FacetPlan {
  facet: FacetDefinition;
  /** Badge clauses the facet's counts honour (its own selection left out). */
  clauses: BadgeClause[];
  /** True when the first pass counts are exact; false when they are upper bounds to refine. */
  exact: boolean;
  /** Counted on the flat default-scope fields (no nested join): see `default-scope.ts`. */
  flat: boolean;
  size: number;
}

/** A facet value whose exact count is still to be computed. */
export interface FacetCandidate {
  value: string;
  label?: string;
  /** Earners with a badge meeting the first clause with this value: at least the exact count. */
  upperBound: number;
}

export type FacetReading = { plan: FacetPlan; values: FacetValue[] } | { plan: FacetPlan; candidates: FacetCandidate[] };

/**
 * Values each shard reports per facet when the earners index has several
 * shards. A shard's top values alone could miss a value that ranks low on it
 * but high overall; each earner lives on one shard (routed by id), so when
 * every shard reports ALL its values the summed counts are exact. Exact while
 * a facet has at most this many distinct values on one shard.
 */
export const EXACT_SHARD_SIZE = 10_000;

/** `shard_size` for a terms aggregation: all of each shard's values when there are several shards. */
export function facetShardSize(ctx: BuildContext): { shard_size?: number } {
  return (ctx.shards ?? 1) > 1 ? { shard_size: EXACT_SHARD_SIZE } : {};
}

export const aggregationName = (facet: FacetDefinition): string => `facet_${facet.id}`;

function badgeBuckets(facet: BadgeFacet, size: number, ctx: BuildContext): Aggregation {
  const earners = { earners: { reverse_nested: {} } };
  if (facet.kind === 'issued') {
    return {
      date_range: { field: facet.field, ranges: facet.months.map((m) => ({ key: String(m), from: monthsAgo(ctx.now, m) })) },
      aggs: earners,
    };
  }
  const label: Record<string, Aggregation> =
    facet.label.from === 'badge-field' ? { label: { terms: { field: facet.label.field, size: 1 } } } : {};
  return {
    terms: { field: facet.field, size, ...facetShardSize(ctx), order: [{ earners: 'desc' }, { _key: 'asc' }] },
    aggs: { ...earners, ...label },
  };
}

export function planFacet(facet: FacetDefinition, search: EarnerSearch, ctx: BuildContext): FacetPlan {
  const clauses = badgeClauses(search, ctx, facet.id);
  const exact = facet.level === 'earner' || clauses.length === 1;
  // Flat only when no other badge condition asks for the same badge, and the label needs no badge field.
  const flat =
    facet.level === 'badge' &&
    facet.label.from !== 'badge-field' &&
    usesDefaultScope(search, ctx) &&
    clauseConditions(search, facet.id).every((conditions) => conditions.length === 0);
  return { facet, clauses, exact, flat, size: search.facetSize };
}

export function facetAggregation(plan: FacetPlan, search: EarnerSearch, ctx: BuildContext): Aggregation {
  const { facet, clauses } = plan;
  const others = earnerFacetFilters(search, facet.id);
  const clauseFilters = clauseQueries(search, ctx, facet.id);
  if (facet.level === 'earner') {
    return {
      filter: { bool: { filter: [...others, ...clauseFilters] } },
      aggs: {
        values: { terms: { field: facet.field, size: plan.size, ...facetShardSize(ctx), order: [{ _count: 'desc' }, { _key: 'asc' }] } },
      },
    };
  }
  if (plan.flat)
    return { filter: { bool: { filter: [...others, ...clauseFilters] } }, aggs: { values: defaultScopeBuckets(facet, plan.size, ctx) } };
  const [first = []] = clauses;
  return {
    // Earners must meet the other clauses at all; the nested part checks the first clause per value.
    filter: { bool: { filter: [...others, ...clauseFilters.slice(1)] } },
    aggs: { badges: visibleBadgeAggregation(first, { values: badgeBuckets(facet, plan.exact ? plan.size : MAX_FACET_CANDIDATES, ctx) }) },
  };
}

export function facetAggregations(search: EarnerSearch, ctx: BuildContext): { aggs: Record<string, Aggregation>; plans: FacetPlan[] } {
  const plans = FACETS.map((facet) => planFacet(facet, search, ctx));
  return { plans, aggs: Object.fromEntries(plans.map((plan) => [aggregationName(plan.facet), facetAggregation(plan, search, ctx)])) };
}

interface Bucket {
  key: string | number;
  doc_count: number;
  earners?: { doc_count: number };
  label?: { buckets: { key: string }[] };
}

function bucketsOf(plan: FacetPlan, aggregation: unknown): Bucket[] {
  const outer = aggregation as { values?: { buckets: Bucket[] }; badges?: unknown };
  if (plan.facet.level === 'earner' || plan.flat) return outer.values?.buckets ?? [];
  return visibleBadgeBuckets<{ values: { buckets: Bucket[] } }>(outer.badges).values.buckets;
}

/** Reads one facet from the first-pass response: final values, or candidates to refine. */
export function readFacet(plan: FacetPlan, aggregation: unknown): FacetReading {
  const entries = bucketsOf(plan, aggregation)
    .map((bucket) => {
      const value = String(bucket.key);
      const label = bucket.label?.buckets[0]?.key ?? staticLabel(plan.facet, value);
      return { value, count: bucket.earners?.doc_count ?? bucket.doc_count, ...(label !== undefined ? { label } : {}) };
    })
    .filter((entry) => entry.count > 0);
  // The engine orders date ranges by their start; the API lists them by months (6, 12, 24).
  if (plan.facet.kind === 'issued') entries.sort((a, b) => Number(a.value) - Number(b.value));
  if (plan.exact) return { plan, values: entries.slice(0, plan.size) };
  return { plan, candidates: entries.map(({ count, ...rest }) => ({ ...rest, upperBound: count })) };
}
