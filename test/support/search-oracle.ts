/**
 * Brute-force search over the generator's records, in plain TypeScript, as
 * the ground truth for search tests. It knows the rules from the issue, not
 * the query builder: listed earners only; badge-level filters must all hold
 * within one shown badge; an ALL list needs one such badge per value; a facet
 * value's count is the total the search would have with that value as the
 * facet's only selection.
 */
import { coarsePoint } from '../../mappings/coarse-location.ts';
import type { BadgeRecord, EarnerRecord } from './generators/directory.ts';
import { oracleMonthsBefore } from './calendar-oracle.ts';

/** The GraphQL `EarnerSearchInput`, as tests send it. */
export interface SearchInput {
  text?: string;
  badges?: string[];
  badgesMode?: 'ANY' | 'ALL';
  skills?: string[];
  skillsMode?: 'ANY' | 'ALL';
  issuers?: string[];
  frameworks?: string[];
  regions?: string[];
  near?: { lat: number; lon: number; radiusKm: number };
  credentialTypes?: string[];
  issuedWithinMonths?: number;
  verification?: string[];
  issuerRecognition?: string[];
  sort?: 'RELEVANCE' | 'RECENT';
  first?: number;
  after?: string;
  facetSize?: number;
}

export const FACET_NAMES = ['badges', 'skills', 'issuers', 'frameworks', 'regions', 'credentialTypes', 'issued'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

const ISSUED_MONTHS = [6, 12, 24];

/** Midnight UTC, `months` calendar months before `now` (last day of a shorter month). */
export function cutoff(now: Date, months: number): string {
  return `${oracleMonthsBefore(now, months).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return (2 * 6_371_008.7714 * Math.asin(Math.min(1, Math.sqrt(h)))) / 1000;
}

type BadgeTest = (badge: BadgeRecord) => boolean;

function badgeTests(input: SearchInput, now: Date): BadgeTest[] {
  const verification = input.verification ?? ['VERIFIED'];
  // Only badges of recognized issuers count unless the search asks for others.
  const recognition = input.issuerRecognition ?? ['RECOGNIZED'];
  const tests: BadgeTest[] = [
    (b) => b.shownAs !== undefined && verification.includes(b.shownAs),
    (b) => recognition.includes(b.issuerRecognition ?? 'RECOGNIZED'),
  ];
  const since = input.issuedWithinMonths ? cutoff(now, input.issuedWithinMonths) : undefined;
  if (since) tests.push((b) => b.issuedOn >= since);
  const { issuers = [], credentialTypes = [], frameworks = [], badges = [], skills = [] } = input;
  if (issuers.length) tests.push((b) => issuers.includes(b.issuerId));
  if (credentialTypes.length) tests.push((b) => credentialTypes.includes(b.credentialType));
  if (frameworks.length) tests.push((b) => b.frameworks.some((f) => frameworks.includes(f)));
  const allBadges = input.badgesMode === 'ALL' && badges.length > 1;
  const allSkills = input.skillsMode === 'ALL' && skills.length > 1;
  if (badges.length && !allBadges) tests.push((b) => badges.includes(b.classId));
  if (skills.length && !allSkills) tests.push((b) => b.skillsExpanded.some((s) => skills.includes(s)));
  return tests;
}

/** Each clause must be met by some shown badge. */
function clauses(input: SearchInput, now: Date): BadgeTest[] {
  const common = badgeTests(input, now);
  const meetsCommon: BadgeTest = (b) => common.every((t) => t(b));
  const perValue: BadgeTest[] = [];
  if (input.badgesMode === 'ALL' && (input.badges?.length ?? 0) > 1) for (const id of input.badges!) perValue.push((b) => b.classId === id);
  if (input.skillsMode === 'ALL' && (input.skills?.length ?? 0) > 1)
    for (const id of input.skills!) perValue.push((b) => b.skillsExpanded.includes(id));
  if (perValue.length === 0) return [meetsCommon];
  return perValue.map((test) => (b: BadgeRecord) => meetsCommon(b) && test(b));
}

export function matches(record: EarnerRecord, input: SearchInput, now: Date): boolean {
  if (!record.listed) return false;
  if (input.regions?.length && !(record.region && input.regions.includes(record.region))) return false;
  // The index holds each point snapped to the documented ~1.1 km grid (README, "Location").
  if (input.near && !(record.geo && distanceKm(coarsePoint(record.geo), input.near) <= input.near.radiusKm)) return false;
  return clauses(input, now).every((clause) => record.badges.some((b) => b.visible && clause(b)));
}

/** The input with one facet's selection replaced by a single value. */
function withOnly(input: SearchInput, facet: FacetName, value: string): SearchInput {
  switch (facet) {
    case 'badges':
      return { ...input, badges: [value], badgesMode: 'ANY' };
    case 'skills':
      return { ...input, skills: [value], skillsMode: 'ANY' };
    case 'issued':
      return { ...input, issuedWithinMonths: Number(value) };
    default:
      return { ...input, [facet]: [value] };
  }
}

function universe(records: readonly EarnerRecord[], facet: FacetName): string[] {
  const values = new Set<string>();
  for (const record of records) {
    if (facet === 'regions') {
      if (record.region) values.add(record.region);
      continue;
    }
    for (const b of record.badges) {
      if (facet === 'badges') values.add(b.classId);
      if (facet === 'skills') b.skillsExpanded.forEach((s) => values.add(s));
      if (facet === 'issuers') values.add(b.issuerId);
      if (facet === 'frameworks') b.frameworks.forEach((f) => values.add(f));
      if (facet === 'credentialTypes') values.add(b.credentialType);
    }
  }
  if (facet === 'issued') return ISSUED_MONTHS.map(String);
  return [...values];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface OracleResult {
  /** Matching earner ids, sorted by id (the order of a text-less RELEVANCE search). */
  ids: string[];
  /** Every facet's non-zero values: count desc then value (issued: by months). */
  facets: Record<FacetName, FacetCount[]>;
}

export function bruteForce(records: readonly EarnerRecord[], input: SearchInput, now: Date): OracleResult {
  const ids = records
    .filter((r) => matches(r, input, now))
    .map((r) => r.earnerId)
    .sort();
  const facets = {} as Record<FacetName, FacetCount[]>;
  for (const facet of FACET_NAMES) {
    const counts = universe(records, facet)
      .map((value) => {
        const narrowed = withOnly(input, facet, value);
        return { value, count: records.filter((r) => matches(r, narrowed, now)).length };
      })
      .filter((v) => v.count > 0);
    facets[facet] =
      facet === 'issued'
        ? counts.sort((a, b) => Number(a.value) - Number(b.value))
        : counts.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  return { ids, facets };
}

/** Newest shown badge of any status: the RECENT order's key. */
export function latestShown(record: EarnerRecord): string | undefined {
  return record.badges
    .filter((b) => b.visible)
    .map((b) => b.issuedOn)
    .sort()
    .at(-1);
}
