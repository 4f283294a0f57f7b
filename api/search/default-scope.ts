/**
 * The default scope of a search (shown, VERIFIED badges of RECOGNIZED
 * issuers) has flat copies of its facet values on the earner document
 * (`public.recognizedVerified`). A clause that needs no same-badge check, or
 * a facet counted under no other badge condition, is answered from them:
 * a plain terms query or aggregation instead of a nested join, with the
 * same exact counts.
 */
import type { AggregationsAggregationContainer, QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import { DEFAULT_SCOPE_FIELDS } from '../../mappings/earners.ts';
import { monthsAgo } from './dates.ts';
import { facetShardSize } from './shards.ts';
import type { BadgeFacet } from './facets.ts';
import type { BuildContext, ClauseCondition } from './filters.ts';
import type { EarnerSearch } from './input.ts';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));

/** True when the search counts exactly the badges the flat fields were built from. */
export function isDefaultScope(search: Pick<EarnerSearch, 'verification' | 'issuerRecognition'>): boolean {
  return sameList(search.verification, ['VERIFIED']) && sameList(search.issuerRecognition, ['RECOGNIZED']);
}

/** True when this search may use the flat fields (always, unless the build asks for the nested-only baseline). */
export function usesDefaultScope(search: Pick<EarnerSearch, 'verification' | 'issuerRecognition'>, ctx: BuildContext): boolean {
  return !ctx.nestedOnly && isDefaultScope(search);
}

/** The flat field holding a badge facet's default-scope values. */
export function defaultScopeField(facet: BadgeFacet): string {
  return `public.recognizedVerified.${DEFAULT_SCOPE_FIELDS[facet.id as keyof typeof DEFAULT_SCOPE_FIELDS]}`;
}

/** "Some default-scope badge meets `condition`" (or any such badge at all) without a nested query. */
export function defaultScopeQuery(condition: ClauseCondition | undefined, ctx: BuildContext): QueryDslQueryContainer {
  if (!condition) return { exists: { field: 'public.recognizedVerified.badgeClasses' } };
  const { facet, values } = condition;
  // "A badge issued since X" is "the latest such badge issued since X".
  if (facet.kind === 'issued')
    return { range: { [defaultScopeField(facet)]: { gte: monthsAgo(ctx.now, Math.max(...values.map(Number))) } } };
  return { terms: { [defaultScopeField(facet)]: [...values] } };
}

/** A badge facet counted on the flat fields: buckets are earners already (no `reverse_nested`). */
export function defaultScopeBuckets(facet: BadgeFacet, size: number, ctx: BuildContext): AggregationsAggregationContainer {
  const field = defaultScopeField(facet);
  if (facet.kind === 'issued')
    return { date_range: { field, ranges: facet.months.map((m) => ({ key: String(m), from: monthsAgo(ctx.now, m) })) } };
  return { terms: { field, size, ...facetShardSize(ctx), order: [{ _count: 'desc' }, { _key: 'asc' }] } };
}
