/**
 * The checked inputs of the region comparison and of the demand behind a
 * skill (top employers and job titles): the report's own rules for region,
 * occupation, skill and window. Pure.
 */
import { z } from 'zod';
import type { DemandBreakdownInput, RegionComparisonInput } from '../generated/resolvers-types.ts';
import { parseInput } from '../graphql/input-errors.ts';
import { orDefault, wholeNumber } from '../graphql/input-rules.ts';
import { reportRules } from './input.ts';

/** `maxNames`: employers (and titles) of a skill read at most, before publishing and ordering them. */
export const BREAKDOWN_LIMITS = { defaultTop: 10, maxTop: 25, maxNames: 2000 } as const;

export interface RegionComparisonQuery {
  /** Only postings and earners of this skill (or a narrower one); null for all. */
  skill: string | null;
  occupation: string | null;
  postedWithinMonths: number;
}

export interface DemandBreakdownQuery {
  skill: string;
  region: string | null;
  occupation: string | null;
  postedWithinMonths: number;
  first: number;
}

const regionComparisonSchema = z.object({
  skill: reportRules.skillId.nullish().transform((skill) => skill ?? null),
  occupation: reportRules.occupation,
  postedWithinMonths: reportRules.reportWindow,
}) satisfies z.ZodType<RegionComparisonQuery>;

const demandBreakdownSchema = z.object({
  skill: reportRules.skillId,
  region: reportRules.region,
  occupation: reportRules.occupation,
  postedWithinMonths: reportRules.reportWindow,
  first: orDefault(wholeNumber(1, BREAKDOWN_LIMITS.maxTop), BREAKDOWN_LIMITS.defaultTop),
}) satisfies z.ZodType<DemandBreakdownQuery>;

export const parseRegionComparisonInput = (input: RegionComparisonInput): RegionComparisonQuery =>
  parseInput(regionComparisonSchema, input);

export const parseDemandBreakdownInput = (input: DemandBreakdownInput): DemandBreakdownQuery => parseInput(demandBreakdownSchema, input);
