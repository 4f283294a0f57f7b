/**
 * The employer search state as it lives in the URL, and its translation to
 * the API's input. Pure functions: the URL is the single source of truth, so
 * a shared link or the back button restores exactly the same search.
 */
import type { EarnerSearchInput, EarnerSort, IssuerRecognition, MatchMode } from './graphql/generated';
import { DEFAULT_RADIUS_MILES, KM_PER_MILE, placeById, RADII_MILES } from './places';

export interface SearchQuery {
  text: string;
  skills: string[];
  skillsMode: MatchMode;
  badges: string[];
  badgesMode: MatchMode;
  issuers: string[];
  frameworks: string[];
  regions: string[];
  credentialTypes: string[];
  /** NOT filters: earners showing any of these badges, skills or issuers are left out. */
  excludeBadges: string[];
  excludeSkills: string[];
  excludeIssuers: string[];
  /** Pathways completed (any of them). */
  pathways: string[];
  /** Progress on pathways, each `<at least>:<pathway id>` (every one must hold). */
  pathwayProgress: string[];
  /** A place of `places.ts` (its id) and a radius around it in miles. */
  near: string | null;
  radiusMiles: number;
  /** Only badges issued in the last N months. */
  issuedWithinMonths: number | null;
  /** Also count and show badges of issuers the registry does not recognize (labelled). */
  unrecognized: boolean;
  sort: EarnerSort;
}

/** The list filters, each with its URL parameter (repeated once per value). */
export const LIST_FILTERS = {
  skills: 'skill',
  badges: 'badge',
  issuers: 'issuer',
  frameworks: 'framework',
  regions: 'region',
  credentialTypes: 'type',
  excludeSkills: 'not_skill',
  excludeBadges: 'not_badge',
  excludeIssuers: 'not_issuer',
  pathways: 'pathway',
  pathwayProgress: 'progress',
} as const;

export type ListFilter = keyof typeof LIST_FILTERS;

export const PAGE_SIZE = 20;
/** Values per facet: enough for "show more" and the in-facet search to be useful. */
export const FACET_SIZE = 50;

export function emptyQuery(): SearchQuery {
  return {
    text: '',
    skills: [],
    skillsMode: 'ANY',
    badges: [],
    badgesMode: 'ANY',
    issuers: [],
    frameworks: [],
    regions: [],
    credentialTypes: [],
    excludeBadges: [],
    excludeSkills: [],
    excludeIssuers: [],
    pathways: [],
    pathwayProgress: [],
    near: null,
    radiusMiles: DEFAULT_RADIUS_MILES,
    issuedWithinMonths: null,
    unrecognized: false,
    sort: 'RELEVANCE',
  };
}

function distinct(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

export function parseQuery(params: URLSearchParams): SearchQuery {
  const query = emptyQuery();
  query.text = (params.get('q') ?? '').trim();
  for (const [key, param] of Object.entries(LIST_FILTERS) as [ListFilter, string][]) query[key] = distinct(params.getAll(param));
  query.skillsMode = params.get('skills_mode') === 'all' ? 'ALL' : 'ANY';
  query.badgesMode = params.get('badges_mode') === 'all' ? 'ALL' : 'ANY';
  const months = Number(params.get('issued'));
  query.issuedWithinMonths = Number.isInteger(months) && months >= 1 && months <= 600 ? months : null;
  query.unrecognized = params.get('issuers_unrecognized') === 'show';
  query.pathwayProgress = query.pathwayProgress.filter((value) => parseProgress(value) !== null);
  query.near = placeById(params.get('near'))?.id ?? null;
  const radius = Number(params.get('radius'));
  query.radiusMiles = (RADII_MILES as readonly number[]).includes(radius) ? radius : DEFAULT_RADIUS_MILES;
  query.sort = params.get('sort') === 'recent' ? 'RECENT' : 'RELEVANCE';
  return query;
}

/** URL parameters in a stable order, defaults left out, so equal searches have equal URLs. */
export function queryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  for (const [key, param] of Object.entries(LIST_FILTERS) as [ListFilter, string][])
    for (const value of query[key]) params.append(param, value);
  if (query.skillsMode === 'ALL') params.set('skills_mode', 'all');
  if (query.badgesMode === 'ALL') params.set('badges_mode', 'all');
  if (query.issuedWithinMonths) params.set('issued', String(query.issuedWithinMonths));
  if (query.unrecognized) params.set('issuers_unrecognized', 'show');
  if (query.near) {
    params.set('near', query.near);
    if (query.radiusMiles !== DEFAULT_RADIUS_MILES) params.set('radius', String(query.radiusMiles));
  }
  if (query.sort === 'RECENT') params.set('sort', 'recent');
  return params;
}

export function searchPath(query: SearchQuery): string {
  const params = queryToParams(query).toString();
  return params ? `/search?${params}` : '/search';
}

export function toSearchInput(query: SearchQuery, after?: string | null): EarnerSearchInput {
  const input: EarnerSearchInput = { first: PAGE_SIZE, facetSize: FACET_SIZE, sort: query.sort };
  if (query.text) input.text = query.text;
  for (const key of Object.keys(LIST_FILTERS) as ListFilter[])
    if (key !== 'pathwayProgress' && query[key].length > 0) input[key] = query[key];
  const progress = query.pathwayProgress.flatMap((value) => parseProgress(value) ?? []);
  if (progress.length > 0) input.pathwayProgress = progress;
  const place = placeById(query.near);
  if (place) input.near = { lat: place.lat, lon: place.lon, radiusKm: query.radiusMiles * KM_PER_MILE };
  if (query.skills.length > 1) input.skillsMode = query.skillsMode;
  if (query.badges.length > 1) input.badgesMode = query.badgesMode;
  if (query.issuedWithinMonths) input.issuedWithinMonths = query.issuedWithinMonths;
  if (query.unrecognized) input.issuerRecognition = badgeIssuers(query);
  if (after) input.after = after;
  return input;
}

/** Whose badges a search counts and its cards show: recognized issuers only, unless asked. */
export function badgeIssuers(query: SearchQuery): IssuerRecognition[] {
  return query.unrecognized ? ['RECOGNIZED', 'UNKNOWN', 'SUSPENDED'] : ['RECOGNIZED'];
}

export function activeFilterCount(query: SearchQuery): number {
  return (
    (Object.keys(LIST_FILTERS) as ListFilter[]).reduce((n, key) => n + query[key].length, 0) +
    (query.issuedWithinMonths ? 1 : 0) +
    (query.near ? 1 : 0)
  );
}

/** A progress value of the URL: `2:pathway-id` is "at least 2 credentials of pathway-id". */
export function parseProgress(value: string): { pathway: string; minEarned: number } | null {
  const colon = value.indexOf(':');
  const minEarned = Number(value.slice(0, colon));
  const pathway = value.slice(colon + 1);
  return colon > 0 && Number.isInteger(minEarned) && minEarned >= 1 && minEarned <= 100 && pathway ? { pathway, minEarned } : null;
}

export const progressValue = (pathway: string, minEarned: number): string => `${minEarned}:${pathway}`;

export function toggleValue(query: SearchQuery, key: ListFilter, value: string): SearchQuery {
  const values = query[key].includes(value) ? query[key].filter((v) => v !== value) : [...query[key], value];
  return { ...query, [key]: values };
}
