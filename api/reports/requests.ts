/**
 * The engine requests behind a skill-gap report, and how their answers are
 * read, as pure functions (the store only sends them). Every index has one
 * shard (see mappings/indices.ts), so the terms counts are exact; a terms
 * list that still leaves values out is an error, never a silent undercount.
 */
import type { AggregationsAggregationContainer, QueryDslQueryContainer, SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { ALL_REGIONS_SCOPE } from '../../mappings/report-snapshots.ts';

/** Distinct skills one terms aggregation may return: far more than the taxonomy a data set uses. */
export const MAX_SKILL_BUCKETS = 20_000;

/** Which skills, where, and since when. */
export interface CountScope {
  region: string | null;
  occupation: string | null;
  /** Only skills of this framework (`<framework>:` prefix). */
  framework: string | null;
  /** Only these skills (null: every skill). */
  skills: string[] | null;
  from: Date;
  to: Date;
}

export type Body = Omit<SearchRequest, 'index'>;

/** Restricts a terms aggregation to the scope's skills. */
function include(scope: CountScope): { include?: string | string[] } {
  if (scope.skills) return { include: scope.framework ? scope.skills.filter((id) => id.startsWith(`${scope.framework}:`)) : scope.skills };
  // Framework names are lower-case letters only (checked on input): safe inside a regular expression.
  return scope.framework ? { include: `${scope.framework}:.*` } : {};
}

const skillTerms = (field: string, scope: CountScope) => ({ field, size: MAX_SKILL_BUCKETS, ...include(scope) });

/** Postings per skill (on `skillsExpanded`: demand for a narrow skill is demand for its broader ones). */
export function demandRequest(scope: CountScope): Body {
  const filter: QueryDslQueryContainer[] = [{ range: { postedOn: { gte: scope.from.toISOString(), lte: scope.to.toISOString() } } }];
  if (scope.region) filter.push({ term: { region: scope.region } });
  if (scope.occupation) filter.push({ term: { occupation: scope.occupation } });
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: { skills: { terms: skillTerms('skillsExpanded', scope) } },
  };
}

/** Logged employer searches per skill, and how many of them found few or no earners. Searches carry no occupation. */
export function searchesRequest(scope: CountScope): Body {
  const filter: QueryDslQueryContainer[] = [{ range: { at: { gte: scope.from.toISOString(), lte: scope.to.toISOString() } } }];
  if (scope.region) filter.push({ term: { regions: scope.region } });
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: { skills: { terms: skillTerms('skills', scope), aggs: { few: { filter: { terms: { resultBucket: ['none', 'few'] } } } } } },
  };
}

/** Distinct earners (not badges) per skill inside the nested badges matching `badgeFilter`. */
function earnersPerSkill(badgeFilter: QueryDslQueryContainer[], scope: CountScope): Record<string, AggregationsAggregationContainer> {
  return {
    badges: {
      nested: { path: 'badges' },
      aggs: {
        counted: {
          filter: { bool: { filter: badgeFilter } },
          aggs: { skills: { terms: skillTerms('badges.skillsExpanded', scope), aggs: { earners: { reverse_nested: {} } } } },
        },
      },
    },
  };
}

/**
 * Verified earners per skill, counted once per earner, with consent applied
 * here and nowhere else. Two disjoint sets of earners, summed by the reader:
 * - opted in to anonymous statistics: every VERIFIED badge counts;
 * - listed in the directory but not opted in: only VERIFIED badges they show.
 * Earners who are neither are never counted.
 */
export function supplyRequest(scope: CountScope): Body {
  const verified: QueryDslQueryContainer = { term: { 'badges.verification.status': 'VERIFIED' } };
  return {
    size: 0,
    track_total_hits: false,
    query: scope.region ? { bool: { filter: [{ term: { 'location.region': scope.region } }] } } : { match_all: {} },
    aggs: {
      statsOptIn: { filter: { term: { 'directory.statsOptIn': true } }, aggs: earnersPerSkill([verified], scope) },
      listedOnly: {
        filter: { bool: { filter: [{ term: { 'directory.listed': true } }], must_not: [{ term: { 'directory.statsOptIn': true } }] } },
        aggs: earnersPerSkill([verified, { term: { 'badges.visible': true } }], scope),
      },
    },
  };
}

/** Region codes that have postings or earners (the snapshot's scopes besides "all"). */
export const regionsRequests = {
  postings: { size: 0, track_total_hits: false, aggs: { regions: { terms: { field: 'region', size: 500 } } } } satisfies Body,
  earners: { size: 0, track_total_hits: false, aggs: { regions: { terms: { field: 'location.region', size: 500 } } } } satisfies Body,
};

interface TermsBucket {
  key: string;
  doc_count: number;
  earners?: { doc_count: number };
  few?: { doc_count: number };
}
interface TermsAggregate {
  buckets: TermsBucket[];
  sum_other_doc_count?: number;
}

function buckets(aggregate: unknown, what: string): TermsBucket[] {
  const terms = aggregate as TermsAggregate | undefined;
  if (!terms) return [];
  if ((terms.sum_other_doc_count ?? 0) > 0)
    throw new Error(`${what}: more than ${MAX_SKILL_BUCKETS} distinct skills; raise MAX_SKILL_BUCKETS`);
  return terms.buckets;
}

type Aggregations = Record<string, unknown> | undefined;
const path = (aggs: Aggregations, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], aggs);

export function readDemand(aggs: Aggregations): Map<string, number> {
  return new Map(buckets(path(aggs, 'skills'), 'demand').map((b) => [b.key, b.doc_count]));
}

export function readSearches(aggs: Aggregations): Map<string, { searches: number; few: number }> {
  return new Map(buckets(path(aggs, 'skills'), 'searches').map((b) => [b.key, { searches: b.doc_count, few: b.few?.doc_count ?? 0 }]));
}

export function readSupply(aggs: Aggregations): Map<string, number> {
  const supply = new Map<string, number>();
  for (const set of ['statsOptIn', 'listedOnly']) {
    for (const b of buckets(path(aggs, set, 'badges', 'counted', 'skills'), 'supply'))
      supply.set(b.key, (supply.get(b.key) ?? 0) + (b.earners?.doc_count ?? 0));
  }
  return supply;
}

export function readRegions(aggs: Aggregations): string[] {
  return ((path(aggs, 'regions') as TermsAggregate | undefined)?.buckets ?? []).map((b) => b.key).filter((r) => r !== ALL_REGIONS_SCOPE);
}
