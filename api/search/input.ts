/**
 * The validated form of a search: what the GraphQL arguments mean once
 * checked, with defaults filled in. Every problem names the argument.
 */
import { CREDENTIAL_TYPES, EMPLOYER_VERIFICATION_STATUSES, type EmployerVerificationStatus } from '../../mappings/earners.ts';
import { ISSUER_RECOGNITIONS, type IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import { FRAMEWORKS } from '../../mappings/skills.ts';
import { BadInputError } from '../errors.ts';
import { decodeCursor, type EarnerSort, type SortValues } from './cursor.ts';
import { LIMITS } from './limits.ts';

export type MatchMode = 'ANY' | 'ALL';

/** Values of one list filter and how they combine. */
export interface ValueSelection {
  values: string[];
  /** ALL: each value must be held (by some badge); ANY: at least one. One value or none is always ANY. */
  mode: MatchMode;
}

export interface GeoNear {
  lat: number;
  lon: number;
  radiusKm: number;
}

/** A checked earner search. */
export interface EarnerSearch {
  text?: string;
  badges: ValueSelection;
  skills: ValueSelection;
  issuers: string[];
  frameworks: string[];
  regions: string[];
  credentialTypes: string[];
  near?: GeoNear;
  issuedWithinMonths?: number;
  /** Only what employers may see: VERIFIED and EXPIRED. */
  verification: EmployerVerificationStatus[];
  /** Issuer standings that count (default RECOGNIZED: badges of unknown or suspended issuers are left out). */
  issuerRecognition: IssuerRecognition[];
  sort: EarnerSort;
  first: number;
  after?: SortValues;
  /** How many values each facet lists. */
  facetSize: number;
  /** Earners showing a badge of any of these classes, skills or issuers are left out (NOT filters). */
  exclude: { badges: string[]; skills: string[]; issuers: string[] };
}

/** The GraphQL `EarnerSearchInput` as it arrives (GraphQL already checked the types). */
export interface EarnerSearchArgs {
  text?: string | null;
  badges?: readonly string[] | null;
  badgesMode?: MatchMode | null;
  skills?: readonly string[] | null;
  skillsMode?: MatchMode | null;
  issuers?: readonly string[] | null;
  frameworks?: readonly string[] | null;
  regions?: readonly string[] | null;
  near?: GeoNear | null;
  credentialTypes?: readonly string[] | null;
  issuedWithinMonths?: number | null;
  verification?: readonly string[] | null;
  issuerRecognition?: readonly IssuerRecognition[] | null;
  sort?: EarnerSort | null;
  first?: number | null;
  after?: string | null;
  facetSize?: number | null;
  excludeBadges?: readonly string[] | null;
  excludeSkills?: readonly string[] | null;
  excludeIssuers?: readonly string[] | null;
}

function idList(argument: string, values: readonly string[] | null | undefined, allowed?: readonly string[]): string[] {
  if (values == null) return [];
  if (values.length > LIMITS.maxFilterValues) throw new BadInputError(argument, `at most ${LIMITS.maxFilterValues} values`);
  for (const value of values) {
    if (value.trim() === '') throw new BadInputError(argument, 'values must not be empty');
    if (value.length > LIMITS.maxIdLength) throw new BadInputError(argument, `values must be at most ${LIMITS.maxIdLength} characters`);
    if (allowed && !allowed.includes(value)) throw new BadInputError(argument, `"${value}" is not one of ${allowed.join(', ')}`);
  }
  return [...new Set(values)];
}

function integer(argument: string, value: number | null | undefined, min: number, max: number, fallback: number): number;
function integer(argument: string, value: number | null | undefined, min: number, max: number): number | undefined;
function integer(argument: string, value: number | null | undefined, min: number, max: number, fallback?: number): number | undefined {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadInputError(argument, `must be a whole number from ${min} to ${max}`);
  return value;
}

function selection(argument: string, values: readonly string[] | null | undefined, mode: MatchMode | null | undefined): ValueSelection {
  const list = idList(argument, values);
  return { values: list, mode: list.length > 1 && mode === 'ALL' ? 'ALL' : 'ANY' };
}

function geoNear(near: GeoNear | null | undefined): GeoNear | undefined {
  if (near == null) return undefined;
  const inRange = (name: string, value: number, min: number, max: number, exclusiveMin = false) => {
    if (!Number.isFinite(value) || value > max || (exclusiveMin ? value <= min : value < min)) {
      throw new BadInputError(
        `near.${name}`,
        `must be ${exclusiveMin ? 'more than' : 'from'} ${min} ${exclusiveMin ? 'and at most' : 'to'} ${max}`,
      );
    }
  };
  inRange('lat', near.lat, -90, 90);
  inRange('lon', near.lon, -180, 180);
  inRange('radiusKm', near.radiusKm, LIMITS.minRadiusKm, LIMITS.maxRadiusKm);
  return { lat: near.lat, lon: near.lon, radiusKm: near.radiusKm };
}

export function parseSearchInput(args: EarnerSearchArgs): EarnerSearch {
  const text = args.text?.trim();
  if (text !== undefined && text.length > LIMITS.maxTextLength)
    throw new BadInputError('text', `at most ${LIMITS.maxTextLength} characters`);
  const asked = args.verification ?? ['VERIFIED'];
  const withheld = asked.find((status) => !(EMPLOYER_VERIFICATION_STATUSES as readonly string[]).includes(status));
  if (withheld !== undefined)
    throw new BadInputError('verification', `"${withheld}" badges are never shown in search: use VERIFIED and/or EXPIRED`);
  const verification = idList('verification', asked) as EmployerVerificationStatus[];
  if (verification.length === 0) throw new BadInputError('verification', 'name at least one status (the default is VERIFIED)');
  const issuerRecognition = idList(
    'issuerRecognition',
    args.issuerRecognition ?? ['RECOGNIZED'],
    ISSUER_RECOGNITIONS,
  ) as IssuerRecognition[];
  if (issuerRecognition.length === 0)
    throw new BadInputError('issuerRecognition', 'name at least one standing (the default is RECOGNIZED)');
  const sort = args.sort ?? 'RELEVANCE';
  const near = geoNear(args.near);
  const issuedWithinMonths = integer('issuedWithinMonths', args.issuedWithinMonths, 1, LIMITS.maxIssuedWithinMonths);
  return {
    ...(text ? { text } : {}),
    badges: selection('badges', args.badges, args.badgesMode),
    skills: selection('skills', args.skills, args.skillsMode),
    issuers: idList('issuers', args.issuers),
    frameworks: idList('frameworks', args.frameworks, FRAMEWORKS),
    regions: idList('regions', args.regions),
    credentialTypes: idList('credentialTypes', args.credentialTypes, CREDENTIAL_TYPES),
    ...(near ? { near } : {}),
    ...(issuedWithinMonths !== undefined ? { issuedWithinMonths } : {}),
    verification,
    issuerRecognition,
    sort,
    first: integer('first', args.first, 1, LIMITS.maxPageSize, LIMITS.defaultPageSize),
    ...(args.after != null ? { after: decodeCursor(args.after, sort) } : {}),
    facetSize: integer('facetSize', args.facetSize, 1, LIMITS.maxFacetSize, LIMITS.defaultFacetSize),
    exclude: {
      badges: idList('excludeBadges', args.excludeBadges),
      skills: idList('excludeSkills', args.excludeSkills),
      issuers: idList('excludeIssuers', args.excludeIssuers),
    },
  };
}
