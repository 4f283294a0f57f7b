/**
 * What a saved search keeps: the checked search in the shape of
 * `EarnerSearchInput` (defaults filled in, page, cursor and facet size left
 * out), so running it again or opening it in the web app passes it back as
 * search input unchanged. Checked with the search's own zod schema. Pure.
 */
import { z } from 'zod';
import { SAVED_SEARCH_ALERTS, type SavedSearchAlert } from '../../mappings/saved-searches.ts';
import type { EarnerSearchInput } from '../generated/resolvers-types.ts';
import { parseInput } from '../graphql/input-errors.ts';
import { earnerSearchSchema, type EarnerSearch } from '../search/input.ts';

export const SAVED_SEARCH_LIMITS = {
  maxNameLength: 80,
  /** Saved searches one employer may keep. */
  maxPerEmployer: 50,
  /** Earner ids one run records (the digest lists at most the new ones among them). */
  maxTrackedMatches: 1000,
} as const;

export interface SavedCriteria {
  text?: string;
  badges: string[];
  badgesMode: EarnerSearch['badges']['mode'];
  skills: string[];
  skillsMode: EarnerSearch['skills']['mode'];
  issuers: string[];
  frameworks: string[];
  regions: string[];
  near?: { lat: number; lon: number; radiusKm: number };
  credentialTypes: string[];
  issuedWithinMonths?: number;
  verification: EarnerSearch['verification'];
  issuerRecognition: EarnerSearch['issuerRecognition'];
  sort: EarnerSearch['sort'];
  excludeBadges: string[];
  excludeSkills: string[];
  excludeIssuers: string[];
  pathways?: string[];
  pathwayProgress?: EarnerSearch['pathwayProgress'];
}

/** The checked search back in input shape. */
export function criteriaOf(search: EarnerSearch): SavedCriteria {
  return {
    ...(search.text ? { text: search.text } : {}),
    badges: search.badges.values,
    badgesMode: search.badges.mode,
    skills: search.skills.values,
    skillsMode: search.skills.mode,
    issuers: search.issuers,
    frameworks: search.frameworks,
    regions: search.regions,
    ...(search.near ? { near: search.near } : {}),
    credentialTypes: search.credentialTypes,
    ...(search.issuedWithinMonths !== undefined ? { issuedWithinMonths: search.issuedWithinMonths } : {}),
    verification: search.verification,
    issuerRecognition: search.issuerRecognition,
    sort: search.sort,
    excludeBadges: search.exclude.badges,
    excludeSkills: search.exclude.skills,
    excludeIssuers: search.exclude.issuers,
    ...(search.pathways.length > 0 ? { pathways: search.pathways } : {}),
    ...(search.pathwayProgress.length > 0 ? { pathwayProgress: search.pathwayProgress } : {}),
  };
}

const saveSearchSchema = z.object({
  name: z
    .string()
    .transform((name) => name.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'give the search a name' })
        .max(SAVED_SEARCH_LIMITS.maxNameLength, { error: `at most ${SAVED_SEARCH_LIMITS.maxNameLength} characters` }),
    ),
  // A saved search is a query, not a page: where a page starts is not kept.
  search: earnerSearchSchema.transform((search) => criteriaOf({ ...search, after: undefined })),
  alert: z
    .enum(['NONE', 'DAILY', 'WEEKLY'])
    .nullish()
    .transform((alert): SavedSearchAlert => (alert ? (alert.toLowerCase() as SavedSearchAlert) : 'none')),
});

export interface SaveSearchArgs {
  name: string;
  search: EarnerSearchInput;
  alert?: string | null;
}

export interface CheckedSave {
  name: string;
  criteria: SavedCriteria;
  alert: SavedSearchAlert;
}

/** Checks a `saveSearch` input; a problem names its argument (`name`, `search.text`, ...). */
export function parseSaveSearch(input: SaveSearchArgs): CheckedSave {
  const { name, search, alert } = parseInput(saveSearchSchema, input);
  return { name, criteria: search, alert };
}

export const isAlert = (value: string): value is SavedSearchAlert => (SAVED_SEARCH_ALERTS as readonly string[]).includes(value);
