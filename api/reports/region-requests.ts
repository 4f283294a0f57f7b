/**
 * The engine requests behind the region comparison and the demand behind a
 * skill, and how their answers are read. Pure. Consent is applied exactly as
 * in the report's supply (`requests.ts`): opted in to statistics, every
 * VERIFIED badge counts; listed only, the VERIFIED badges they show; anyone
 * else is never counted.
 */
import type { QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import type { Body } from './requests.ts';

/** Regions a terms list may hold: far more than the region codes there are. */
const MAX_REGION_BUCKETS = 500;

export interface PostingScope {
  skill: string | null;
  region: string | null;
  occupation: string | null;
  from: Date;
  to: Date;
}

function postingFilter(scope: PostingScope): QueryDslQueryContainer[] {
  const filter: QueryDslQueryContainer[] = [{ range: { postedOn: { gte: scope.from.toISOString(), lte: scope.to.toISOString() } } }];
  if (scope.skill) filter.push({ term: { skillsExpanded: scope.skill } });
  if (scope.region) filter.push({ term: { region: scope.region } });
  if (scope.occupation) filter.push({ term: { occupation: scope.occupation } });
  return filter;
}

/** Postings per region in the window (of the skill, or a narrower one, and the occupation when given). */
export function postingsByRegionRequest(scope: PostingScope): Body {
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: postingFilter(scope) } },
    aggs: { regions: { terms: { field: 'region', size: MAX_REGION_BUCKETS } } },
  };
}

/** Consenting earners per region holding a counted badge (of the skill, or a narrower one, when given), once each. */
export function earnersByRegionRequest(skill: string | null): Body {
  const badges = (extra: QueryDslQueryContainer[]): QueryDslQueryContainer => ({
    nested: {
      path: 'badges',
      query: {
        bool: {
          filter: [
            { term: { 'badges.verification.status': 'VERIFIED' } },
            ...(skill ? [{ term: { 'badges.skillsExpanded': skill } }] : []),
            ...extra,
          ],
        },
      },
    },
  });
  return {
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        should: [
          { bool: { filter: [{ term: { 'directory.statsOptIn': true } }, badges([])] } },
          {
            bool: {
              filter: [{ term: { 'directory.listed': true } }, badges([{ term: { 'badges.visible': true } }])],
              must_not: [{ term: { 'directory.statsOptIn': true } }],
            },
          },
        ],
        minimum_should_match: 1,
      },
    },
    aggs: { regions: { terms: { field: 'location.region', size: MAX_REGION_BUCKETS } } },
  };
}

/** Postings of a skill per employer and per job title (the title's exact text), most first. */
export function demandBreakdownRequest(scope: PostingScope & { skill: string }, size: number): Body {
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: postingFilter(scope) } },
    aggs: {
      employers: { terms: { field: 'employer', size, order: [{ _count: 'desc' }, { _key: 'asc' }] } },
      titles: { terms: { field: 'title.keyword', size, order: [{ _count: 'desc' }, { _key: 'asc' }] } },
    },
  };
}

interface Bucket {
  key: string;
  doc_count: number;
}

/** A terms aggregation as key -> count. */
export function readTerms(aggs: Record<string, unknown> | undefined, name: string): Map<string, number> {
  const buckets = (aggs?.[name] as { buckets?: Bucket[] } | undefined)?.buckets ?? [];
  return new Map(buckets.map((b) => [String(b.key), b.doc_count]));
}
