/**
 * The one place that decides what employers may see of the earners index.
 *
 * - Only earners who opted in (`directory.listed: true`) ever match.
 * - Only badges the earner shows (`badges.visible: true`) ever match, count
 *   or come back: every nested query and aggregation on `badges` is built
 *   here, with the visibility condition inside it. Revoked, tampered or
 *   otherwise failed badges are never visible; expired ones are.
 * - Earner fields come back through an allow-list (`_source` includes), so a
 *   field added to the document later (identities, contact data) stays out.
 *
 * The engine module only accepts earner requests made by `directoryRequest`.
 */
import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
  SearchHit,
  SearchRequest,
} from '@elastic/elasticsearch/lib/api/types';
import type { EarnerBadge, EarnerDocument } from '../../mappings/earners.ts';

type Query = QueryDslQueryContainer;
type Aggregations = Record<string, AggregationsAggregationContainer>;

export const LISTED_EARNER: Query = { term: { 'directory.listed': true } };
/**
 * A badge employers may see. `visible` already excludes withheld verification
 * outcomes; the status condition keeps them out of documents built before
 * that rule, until they are rebuilt (`reindex`).
 */
const VISIBLE_BADGE: Query = {
  bool: {
    filter: [{ term: { 'badges.visible': true } }],
    should: [{ term: { 'badges.verification.status': 'VERIFIED' } }, { term: { 'badges.verification.reasons': 'EXPIRED' } }],
    minimum_should_match: 1,
  },
};
/** A badge whose issuer the registry recognizes: what suggestions and badge-class and issuer lookups draw on. */
export const RECOGNIZED_ISSUER: Query = { term: { 'badges.issuerRecognition': 'RECOGNIZED' } };

/** Earner fields an employer may read. Never `identities`, never `badges` (visible ones come as inner hits). */
export const EARNER_FIELDS = [
  'earnerId',
  'name',
  'headline',
  'location.city',
  'location.region',
  'location.country',
  'directory.contactable',
  'directory.openTo',
  'public.latestIssuedOn',
  'microCredentials',
] as const;

/** Badge fields an employer may read (not `source`, the ingest path). */
export const BADGE_FIELDS = [
  'credentialId',
  'badgeClassId',
  'name',
  'description',
  'criteria',
  'image',
  'credentialType',
  'issuerId',
  'issuerName',
  'issuerRecognition',
  'registryIssuerId',
  'issuedOn',
  'expiresOn',
  'verification',
  'skills',
  'skillsExpanded',
  'unmappedSkills',
  'frameworks',
  'evidence',
].map((field) => `badges.${field}`);

/** Name of the inner hits that carry an earner's shown badges. */
export const SHOWN_BADGES = 'shown_badges';
/** The engine's default cap on inner hits per document. */
export const MAX_SHOWN_BADGES = 100;

/** "Some badge the earner shows satisfies all of `conditions`": the only nested query on `badges`. */
export function visibleBadgeQuery(conditions: readonly Query[]): Query {
  return { nested: { path: 'badges', score_mode: 'none', query: { bool: { filter: [VISIBLE_BADGE, ...conditions] } } } };
}

/**
 * Aggregates over the shown badges that satisfy `conditions` (of the earners
 * the surrounding request matched): the only nested aggregation on `badges`.
 * Sub-aggregations count earners with `reverse_nested`.
 */
export function visibleBadgeAggregation(conditions: readonly Query[], aggs: Aggregations): AggregationsAggregationContainer {
  return {
    nested: { path: 'badges' },
    aggs: { shown: { filter: { bool: { filter: [VISIBLE_BADGE, ...conditions] } }, aggs } },
  };
}

/** Where `visibleBadgeAggregation` puts its sub-aggregations in a response. */
export function visibleBadgeBuckets<T>(aggregation: unknown): T {
  return (aggregation as { shown: T }).shown;
}

/** A request to the earners index that went through the privacy rules. */
export type DirectoryRequest = Omit<SearchRequest, 'index'> & { readonly __directory: true };

export interface DirectoryRequestOptions {
  /** Return earner documents with their shown badges (false for counts and aggregations only). */
  withEarners: boolean;
}

/**
 * Wraps a request body for the earners index: restricts the query to listed
 * earners and replaces `_source` with the allow-list; with `withEarners`, each
 * hit carries its shown badges as inner hits.
 */
export function directoryRequest(
  body: Omit<SearchRequest, 'index' | '_source'>,
  { withEarners }: DirectoryRequestOptions,
): DirectoryRequest {
  const shownBadges: Query = {
    nested: {
      path: 'badges',
      score_mode: 'none',
      boost: 0,
      query: VISIBLE_BADGE,
      inner_hits: {
        name: SHOWN_BADGES,
        size: MAX_SHOWN_BADGES,
        sort: [{ 'badges.issuedOn': 'desc' }],
        _source: { includes: BADGE_FIELDS },
      },
    },
  };
  const query: Query = {
    bool: {
      ...(body.query ? { must: [body.query] } : {}),
      filter: [LISTED_EARNER],
      // Optional clause with no score: it only fetches the shown badges of each hit.
      ...(withEarners ? { should: [shownBadges] } : {}),
    },
  };
  return { ...body, query, _source: withEarners ? { includes: [...EARNER_FIELDS] } : false, __directory: true };
}

/** The value at a dotted `_source` path such as `location.city`, copied into `target` at the same path. */
function copyPath(source: Record<string, unknown>, target: Record<string, unknown>, path: string): void {
  const [head, ...rest] = path.split('.');
  const value = source[head!];
  if (value === undefined) return;
  if (rest.length === 0) {
    target[head!] = value;
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const child = (target[head!] ??= {}) as Record<string, unknown>;
  copyPath(value as Record<string, unknown>, child, rest.join('.'));
}

function allowed(source: object, fields: readonly string[]): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const field of fields) copyPath(source as Record<string, unknown>, target, field);
  return target;
}

/** `VISIBLE_BADGE` read in memory (the engine reads the query above). */
function visibleBadge(badge: EarnerBadge): boolean {
  return badge.visible && (badge.verification.status === 'VERIFIED' || badge.verification.reasons.includes('EXPIRED'));
}

/**
 * The hit `directoryRequest({ withEarners: true })` gives for `document`, made
 * in memory from the same allow-lists and badge rule: for an earner's own
 * preview of a document that is not (yet) listed, so not searchable. A test
 * checks it equals the engine's hit for listed earners.
 */
export function directoryHitOf(document: EarnerDocument): SearchHit<unknown> {
  const badgeFields = BADGE_FIELDS.map((field) => field.slice('badges.'.length));
  const shown = document.badges
    .filter(visibleBadge)
    .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))
    .slice(0, MAX_SHOWN_BADGES);
  return {
    _index: 'preview',
    _id: document.earnerId,
    _source: allowed(document, EARNER_FIELDS),
    inner_hits: {
      [SHOWN_BADGES]: {
        hits: {
          total: { value: shown.length, relation: 'eq' },
          hits: shown.map((badge) => ({ _index: 'preview', _id: document.earnerId, _source: allowed(badge, badgeFields) })),
        },
      },
    },
  };
}
