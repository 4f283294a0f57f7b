/**
 * Disjunctive facet aggregations and how to read them. Each facet counts
 * earners (never badges) under every filter but its own selection.
 *
 * A badge-level facet whose other filters form one badge clause is counted in
 * one pass: nested terms over the badges that meet the clause, with
 * `reverse_nested` counting distinct earners. When an ALL-mode list makes
 * several clauses, a value counts only if every clause is met by a badge with
 * that value: the first pass then yields candidates with upper bounds, and
 * `facet-refinement.ts` counts them exactly. In the default scope those
 * upper bounds come from the flat fields (earners meeting every clause who
 * hold the value on some counted badge: never fewer than the exact count),
 * so the first pass makes no nested join; candidates whose labels are badge
 * fields get them from the badge-classes index while they are counted.
 */
import type { AggregationsAggregationContainer, QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import { monthsAgo } from './dates.ts';
import { FACETS, staticLabel, type BadgeFacet, type FacetDefinition, type FacetValue } from './facets.ts';
import { defaultScopeBuckets, usesDefaultScope } from './default-scope.ts';
import { facetShardSize } from './shards.ts';
import { badgeClauses, clauseConditions, clauseQueries, earnerFacetFilters, type BadgeClause, type BuildContext } from './filters.ts';
import type { EarnerSearch } from './input.ts';
import { pathwayBuckets, readPathwayBuckets } from './pathways.ts';
import { visibleBadgeAggregation, visibleBadgeBuckets } from './privacy.ts';

type Aggregation = AggregationsAggregationContainer;
type Query = QueryDslQueryContainer;

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
  /** Where its buckets are in the response: the group's aggregation, and its nested join if any. */
  path?: { group: string; nested?: string };
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
  const defaultScope = facet.level === 'badge' && usesDefaultScope(search, ctx);
  // Exact and flat only when no other badge condition asks for the same badge, and the label needs no badge field;
  // candidates to refine (upper bounds, labels looked up later) are flat whenever the scope allows.
  const flat = exact
    ? defaultScope &&
      facet.label.from !== 'badge-field' &&
      clauseConditions(search, facet.id).every((conditions) => conditions.length === 0)
    : defaultScope;
  return { facet, clauses, exact, flat, size: search.facetSize };
}

/** One facet's aggregation before grouping: the earner filter it runs under, and the badge clause of its nested part. */
interface FacetPart {
  plan: FacetPlan;
  filter: Query[];
  /** The first badge clause, for facets counted through the nested badges. */
  nestedClause?: BadgeClause;
  aggregation: Aggregation;
}

function facetPart(plan: FacetPlan, search: EarnerSearch, ctx: BuildContext): FacetPart {
  const { facet, clauses } = plan;
  const others = earnerFacetFilters(search, ctx, facet.id);
  const clauseFilters = clauseQueries(search, ctx, facet.id);
  if (facet.kind === 'pathway') return { plan, filter: [...others, ...clauseFilters], aggregation: pathwayBuckets(ctx) };
  if (facet.level === 'earner') {
    const terms = {
      field: facet.field,
      size: plan.size,
      ...facetShardSize(ctx),
      order: [{ _count: 'desc' as const }, { _key: 'asc' as const }],
    };
    return { plan, filter: [...others, ...clauseFilters], aggregation: { terms } };
  }
  if (plan.flat)
    return {
      plan,
      filter: [...others, ...clauseFilters],
      aggregation: defaultScopeBuckets(facet, plan.exact ? plan.size : MAX_FACET_CANDIDATES, ctx),
    };
  const [first = []] = clauses;
  return {
    plan,
    // Earners must meet the other clauses at all; the nested part checks the first clause per value.
    filter: [...others, ...clauseFilters.slice(1)],
    nestedClause: first,
    aggregation: badgeBuckets(facet, plan.exact ? plan.size : MAX_FACET_CANDIDATES, ctx),
  };
}

const valuesName = (plan: FacetPlan) => `values_${plan.facet.id}`;

/**
 * The facets' aggregations, grouped: facets whose counts run under the same
 * earner filter share one `filter` aggregation, and those among them counted
 * through the same badge clause share one nested join. With one badge filter
 * selected, five facets honour the same clause: one join instead of five.
 */
export function facetAggregations(search: EarnerSearch, ctx: BuildContext): { aggs: Record<string, Aggregation>; plans: FacetPlan[] } {
  const groups = new Map<
    string,
    {
      name: string;
      filter: Query[];
      direct: Record<string, Aggregation>;
      nested: Map<string, { name: string; clause: BadgeClause; aggs: Record<string, Aggregation> }>;
    }
  >();
  const plans = FACETS.map((facet) => {
    const part = facetPart(planFacet(facet, search, ctx), search, ctx);
    const key = JSON.stringify(part.filter);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: `facets_${groups.size}`, filter: part.filter, direct: {}, nested: new Map() }));
    if (!part.nestedClause) {
      group.direct[valuesName(part.plan)] = part.aggregation;
      return { ...part.plan, path: { group: group.name } };
    }
    const clauseKey = JSON.stringify(part.nestedClause);
    let nested = group.nested.get(clauseKey);
    if (!nested) group.nested.set(clauseKey, (nested = { name: `badges_${group.nested.size}`, clause: part.nestedClause, aggs: {} }));
    nested.aggs[valuesName(part.plan)] = part.aggregation;
    return { ...part.plan, path: { group: group.name, nested: nested.name } };
  });
  const aggs = Object.fromEntries(
    [...groups.values()].map((group) => [
      group.name,
      {
        filter: { bool: { filter: group.filter } },
        aggs: {
          ...group.direct,
          ...Object.fromEntries([...group.nested.values()].map((n) => [n.name, visibleBadgeAggregation(n.clause, n.aggs)])),
        },
      },
    ]),
  );
  return { plans, aggs };
}

interface Bucket {
  key: string | number;
  doc_count: number;
  earners?: { doc_count: number };
  label?: { buckets: { key: string }[] };
}

type Buckets = Record<string, { buckets: Bucket[] } | undefined>;

function bucketsOf(plan: FacetPlan, aggregations: Record<string, unknown>): Bucket[] {
  if (!plan.path) throw new Error(`facet ${plan.facet.id}: read before its aggregation was planned`);
  const group = (aggregations[plan.path.group] ?? {}) as Record<string, unknown>;
  const holder = plan.path.nested ? visibleBadgeBuckets<Buckets>(group[plan.path.nested]) : (group as Buckets);
  return holder[valuesName(plan)]?.buckets ?? [];
}

/** Reads one facet from the first-pass response: final values, or candidates to refine. */
export function readFacet(plan: FacetPlan, aggregations: Record<string, unknown>, ctx: BuildContext): FacetReading {
  if (plan.facet.kind === 'pathway') {
    const group = (aggregations[plan.path?.group ?? ''] ?? {}) as Record<string, unknown>;
    return { plan, values: readPathwayBuckets(group[valuesName(plan)], ctx, plan.size) };
  }
  const entries = bucketsOf(plan, aggregations)
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
