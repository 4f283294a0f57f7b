/**
 * Filters of a search as engine queries. Badge-level filters are grouped
 * into clauses: each clause is a set of conditions that ONE shown badge must
 * meet together. ANY-mode lists, verification and dates go into every
 * clause; an ALL-mode list adds one clause per value.
 */
import type { QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import type { EmployerVerificationStatus } from '../../mappings/earners.ts';
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import { monthsAgo } from './dates.ts';
import { BADGE_FACETS, EARNER_FACETS, type BadgeFacet, type FacetId } from './facets.ts';
import type { EarnerSearch, GeoNear } from './input.ts';
import { defaultScopeQuery, usesDefaultScope } from './default-scope.ts';
import { completedAnyQuery } from './pathways.ts';
import { visibleBadgeQuery } from './privacy.ts';

type Query = QueryDslQueryContainer;

/** What query building needs besides the search: the clock, for date filters. */
export interface BuildContext {
  now: Date;
  /** Primary shards of the earners index (default 1). */
  shards?: number;
  /** Never use the flat default-scope fields (an earners index built before them: see `engine.ts#hasDefaultScopeFields`). */
  nestedOnly?: boolean;
  /** Pathway definitions by id: what pathway filters and the pathways facet count (none known: they match nobody). */
  pathways?: ReadonlyMap<string, PathwayDefinition>;
}

/** Conditions one badge must meet together. */
export type BadgeClause = Query[];

/** "The badge has one of `values`" for this facet. */
export function facetCondition(facet: BadgeFacet, values: readonly string[], { now }: BuildContext): Query {
  if (facet.kind === 'issued') {
    const months = Math.max(...values.map(Number));
    return { range: { [facet.field]: { gte: monthsAgo(now, months) } } };
  }
  return { terms: { [facet.field]: [...values] } };
}

/**
 * "The badge's verification is one of `statuses`", as employers see it:
 * EXPIRED is a FAILED check whose reason is the end date (the document
 * builder already withholds every other failure from employers).
 */
export function verificationCondition(statuses: readonly EmployerVerificationStatus[]): Query {
  const byStatus: Record<EmployerVerificationStatus, Query> = {
    VERIFIED: { term: { 'badges.verification.status': 'VERIFIED' } },
    EXPIRED: {
      bool: { filter: [{ term: { 'badges.verification.status': 'FAILED' } }, { term: { 'badges.verification.reasons': 'EXPIRED' } }] },
    },
  };
  return { bool: { should: statuses.map((status) => byStatus[status]), minimum_should_match: 1 } };
}

/** One facet condition of a badge clause, before it becomes a query. */
export interface ClauseCondition {
  facet: BadgeFacet;
  values: readonly string[];
}

/** The facet conditions of each badge clause (the common verification and issuer conditions left implicit). */
export function clauseConditions(search: EarnerSearch, without?: FacetId): ClauseCondition[][] {
  const common: ClauseCondition[] = [];
  const perValue: ClauseCondition[][] = [];
  for (const facet of BADGE_FACETS) {
    if (facet.id === without) continue;
    const { values, mode } = facet.select(search);
    if (values.length === 0) continue;
    if (mode === 'ANY') common.push({ facet, values });
    else for (const value of values) perValue.push([{ facet, values: [value] }]);
  }
  return perValue.length === 0 ? [common] : perValue.map((clause) => [...common, ...clause]);
}

function commonConditions(search: EarnerSearch): BadgeClause {
  return [
    verificationCondition(search.verification),
    // Whose badges count: by default only recognized issuers' (the registry decides, never the credential).
    { terms: { 'badges.issuerRecognition': [...search.issuerRecognition] } },
  ];
}

/** The badge clauses of a search, leaving out one facet's own selection (for its disjunctive counts). */
export function badgeClauses(search: EarnerSearch, ctx: BuildContext, without?: FacetId): BadgeClause[] {
  return clauseConditions(search, without).map((conditions) => [
    ...commonConditions(search),
    ...conditions.map(({ facet, values }) => facetCondition(facet, values, ctx)),
  ]);
}

/**
 * "Some shown badge meets this clause", as a query. In the default scope a
 * clause of at most one facet condition needs no same-badge check, so it is
 * asked of the flat default-scope fields (no nested join); anything else goes
 * through the nested badges.
 */
export function clauseQuery(search: EarnerSearch, conditions: readonly ClauseCondition[], ctx: BuildContext): Query {
  const flat = conditions.length <= 1 && usesDefaultScope(search, ctx) ? defaultScopeQuery(conditions[0], ctx) : undefined;
  return (
    flat ?? visibleBadgeQuery([...commonConditions(search), ...conditions.map(({ facet, values }) => facetCondition(facet, values, ctx))])
  );
}

/** Every badge clause of the search but one facet's own selection, as queries. */
export function clauseQueries(search: EarnerSearch, ctx: BuildContext, without?: FacetId): Query[] {
  return clauseConditions(search, without).map((conditions) => clauseQuery(search, conditions, ctx));
}

/** Earner-level facet filters (flat fields, or completed pathways), leaving out one facet. */
export function earnerFacetFilters(search: EarnerSearch, ctx: BuildContext, without?: FacetId): Query[] {
  return EARNER_FACETS.filter((f) => f.id !== without)
    .map((facet) => ({ facet, values: facet.select(search).values }))
    .filter(({ values }) => values.length > 0)
    .map(({ facet, values }) => (facet.kind === 'pathway' ? completedAnyQuery(values, ctx) : { terms: { [facet.field]: values } }));
}

/** Every facet filter of the search except one facet's: what that facet's counts honour. */
export function facetFilters(search: EarnerSearch, ctx: BuildContext, without?: FacetId): Query[] {
  return [...earnerFacetFilters(search, ctx, without), ...clauseQueries(search, ctx, without)];
}

/**
 * NOT filters: leave out earners who show a badge of an excluded class, with
 * an excluded skill (or one narrower than it), or from an excluded issuer.
 * Only shown badges of the issuer standings the search counts decide it, so
 * an exclusion never reveals a hidden badge.
 */
export function exclusionFilters(search: EarnerSearch): Query[] {
  const { badges, skills, issuers } = search.exclude;
  const excluded: Query[] = (
    [
      ['badges.badgeClassId', badges],
      ['badges.skillsExpanded', skills],
      ['badges.issuerId', issuers],
    ] as const
  )
    .filter(([, values]) => values.length > 0)
    .map(([field, values]) => ({ terms: { [field]: values } }));
  const standing: Query = { terms: { 'badges.issuerRecognition': [...search.issuerRecognition] } };
  return excluded.map((condition) => visibleBadgeQuery([standing, condition]));
}

export function geoFilter(near: GeoNear): Query {
  return { geo_distance: { distance: `${near.radiusKm}km`, 'location.geo': { lat: near.lat, lon: near.lon } } };
}
