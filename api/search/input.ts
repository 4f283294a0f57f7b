/**
 * The validated form of a search: what the GraphQL arguments mean once
 * checked, with defaults filled in. One zod schema; every problem names the
 * argument (`graphql/input-errors.ts`).
 */
import { z } from 'zod';
import { CREDENTIAL_TYPES, EMPLOYER_VERIFICATION_STATUSES, type EmployerVerificationStatus } from '../../mappings/earners.ts';
import { ISSUER_RECOGNITIONS, type IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import { FRAMEWORKS } from '../../mappings/skills.ts';
import type { EarnerSearchInput } from '../generated/resolvers-types.ts';
import { parseInput, quoted } from '../graphql/input-errors.ts';
import { boundedList, id, numberFrom, oneOf, orDefault, wholeNumber } from '../graphql/input-rules.ts';
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

/** "At least `minEarned` of this pathway's credentials" (more than it requires means completed). */
export interface PathwayProgressFilter {
  pathway: string;
  minEarned: number;
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
  /** Pathways completed: at least one of them (the pathways facet's selection). */
  pathways: string[];
  /** Progress on pathways: each must hold. */
  pathwayProgress: PathwayProgressFilter[];
}

/** The GraphQL `EarnerSearchInput` as it arrives (generated from the schema). */
export type EarnerSearchArgs = EarnerSearchInput;

const MATCH_MODES = ['ANY', 'ALL'] as const;
const SORTS = ['RELEVANCE', 'RECENT'] as const satisfies readonly EarnerSort[];

const idList = (allowed?: readonly [string, ...string[]]) =>
  orDefault(boundedList(allowed ? oneOf(allowed) : id(LIMITS.maxIdLength), LIMITS.maxFilterValues), []);

/** One value or none is always ANY. */
const selection = (values: string[], mode: MatchMode): ValueSelection => ({
  values,
  mode: values.length > 1 && mode === 'ALL' ? 'ALL' : 'ANY',
});

const geoNear = z.object({
  lat: numberFrom(-90, 90),
  lon: numberFrom(-180, 180),
  radiusKm: numberFrom(LIMITS.minRadiusKm, LIMITS.maxRadiusKm),
});

const pathwayProgress = z.object({
  pathway: id(LIMITS.maxIdLength),
  minEarned: wholeNumber(1, LIMITS.maxPathwayCredentials),
});

const verification = boundedList(
  z.enum(EMPLOYER_VERIFICATION_STATUSES, {
    error: (issue) => `${quoted(issue.input)} badges are never shown in search: use VERIFIED and/or EXPIRED`,
  }),
  LIMITS.maxFilterValues,
).refine((values) => values.length > 0, { error: 'name at least one status (the default is VERIFIED)' });

const issuerRecognition = boundedList(oneOf(ISSUER_RECOGNITIONS), LIMITS.maxFilterValues).refine((values) => values.length > 0, {
  error: 'name at least one standing (the default is RECOGNIZED)',
});

export const earnerSearchSchema = z
  .object({
    text: z
      .string()
      .nullish()
      .transform((text) => text?.trim() || undefined)
      .pipe(
        z
          .string()
          .max(LIMITS.maxTextLength, { error: `at most ${LIMITS.maxTextLength} characters` })
          .optional(),
      ),
    badges: idList(),
    badgesMode: orDefault(z.enum(MATCH_MODES), 'ANY'),
    skills: idList(),
    skillsMode: orDefault(z.enum(MATCH_MODES), 'ANY'),
    issuers: idList(),
    frameworks: idList(FRAMEWORKS),
    regions: idList(),
    near: geoNear.nullish(),
    credentialTypes: idList(CREDENTIAL_TYPES),
    issuedWithinMonths: wholeNumber(1, LIMITS.maxIssuedWithinMonths).nullish(),
    verification: orDefault(verification, ['VERIFIED']),
    issuerRecognition: orDefault(issuerRecognition, ['RECOGNIZED']),
    sort: orDefault(z.enum(SORTS), 'RELEVANCE'),
    first: orDefault(wholeNumber(1, LIMITS.maxPageSize), LIMITS.defaultPageSize),
    after: z.string().nullish(),
    facetSize: orDefault(wholeNumber(1, LIMITS.maxFacetSize), LIMITS.defaultFacetSize),
    excludeBadges: idList(),
    excludeSkills: idList(),
    excludeIssuers: idList(),
    pathways: idList(),
    pathwayProgress: orDefault(
      z
        .array(z.unknown())
        .max(LIMITS.maxFilterValues, { error: `at most ${LIMITS.maxFilterValues} values` })
        .pipe(z.array(pathwayProgress)),
      [],
    ),
  })
  .transform((input, ctx): EarnerSearch => {
    // A cursor is read with its sort order: one made for another order is refused.
    const after = input.after != null ? decodeCursor(input.after, input.sort) : undefined;
    if (after && 'problem' in after) {
      ctx.issues.push({ code: 'custom', message: after.problem, path: ['after'], input: input.after });
      return z.NEVER;
    }
    const { near, issuedWithinMonths } = input;
    return {
      ...(input.text ? { text: input.text } : {}),
      badges: selection(input.badges, input.badgesMode),
      skills: selection(input.skills, input.skillsMode),
      issuers: input.issuers,
      frameworks: input.frameworks,
      regions: input.regions,
      credentialTypes: input.credentialTypes,
      ...(near ? { near: { lat: near.lat, lon: near.lon, radiusKm: near.radiusKm } } : {}),
      ...(issuedWithinMonths != null ? { issuedWithinMonths } : {}),
      verification: input.verification,
      issuerRecognition: input.issuerRecognition,
      sort: input.sort,
      first: input.first,
      ...(after ? { after } : {}),
      facetSize: input.facetSize,
      exclude: { badges: input.excludeBadges, skills: input.excludeSkills, issuers: input.excludeIssuers },
      pathways: input.pathways,
      pathwayProgress: input.pathwayProgress.map((p) => ({ pathway: p.pathway, minEarned: p.minEarned })),
    };
  });

export function parseSearchInput(args: EarnerSearchArgs): EarnerSearch {
  return parseInput(earnerSearchSchema, args);
}
