/**
 * The validated form of a skill-gap report or trend request: what the
 * arguments mean once checked, with defaults filled in. One zod schema per
 * input; every problem names the argument as the client wrote it
 * (`graphql/input-errors.ts`). Pure.
 */
import { z } from 'zod';
import { normalizeRegion } from '../../mappings/regions.ts';
import { FRAMEWORKS, type Framework } from '../../mappings/skills.ts';
import type { SkillGapInput, SkillGapTrendInput } from '../generated/resolvers-types.ts';
import { parseInput, quoted } from '../graphql/input-errors.ts';
import { boundedList, orDefault, wholeNumber } from '../graphql/input-rules.ts';
import { monthsBefore } from './window.ts';

/** Caps and defaults of report requests. */
export const REPORT_LIMITS = {
  /** The demand window of reports and snapshots unless asked otherwise. */
  defaultWindowMonths: 12,
  defaultRows: 50,
  maxRows: 500,
  /** Rows one CSV export holds at most. */
  maxCsvRows: 10_000,
  maxSkills: 100,
  maxTrendSkills: 20,
  /** Snapshots one trend reads at most (the newest ones). */
  maxTrendPoints: 400,
  maxIdLength: 500,
} as const;

/**
 * The published demand windows, in months. A fixed, coarse set: with any
 * window allowed, 12 months minus 11 months would single out one month's
 * postings.
 */
export const REPORT_WINDOWS = [3, 6, 12, 24] as const;

export const SKILL_GAP_SORTS = ['GAP', 'DEMAND', 'SUPPLY'] as const;
export type SkillGapSort = (typeof SKILL_GAP_SORTS)[number];

/**
 * `SkillGapInput` as it arrives (generated from the schema), or the CSV
 * route's query string converted to it, whose `sort` is any text.
 */
export type SkillGapArgs = Omit<SkillGapInput, 'sort'> & { sort?: string | null };

/** A checked report request. Null filters are absent. */
export interface SkillGapQuery {
  region: string | null;
  framework: Framework | null;
  /** O*NET-SOC code with its `.00` suffix. */
  occupation: string | null;
  postedWithinMonths: number;
  skills: string[] | null;
  first: number;
  sort: SkillGapSort;
}

export type SkillGapTrendArgs = SkillGapTrendInput;

export interface SkillGapTrendQuery {
  region: string | null;
  skills: string[];
  since: Date;
}

/** Blank means absent: the CSV route's `?region=` and GraphQL's null read the same. */
const blankAsNull = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value);

/** A region code (`US-OH`, or `OH` for a US state); absent when blank. */
const region = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    const given = blankAsNull(value);
    if (given === null) return null;
    const code = normalizeRegion(given);
    if (!code) ctx.issues.push({ code: 'custom', input: value, message: `${quoted(given)} is not a known region code (use e.g. US-OH)` });
    return code;
  });

const framework = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    const given = blankAsNull(value);
    if (given === null) return null;
    const name = given.trim().toLowerCase();
    if ((FRAMEWORKS as readonly string[]).includes(name)) return name as Framework;
    ctx.issues.push({ code: 'custom', input: value, message: `${quoted(given)} is not one of ${FRAMEWORKS.join(', ')}` });
    return z.NEVER;
  });

/** An O*NET-SOC code, given with or without its `.00` suffix. */
const occupation = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    const given = blankAsNull(value);
    if (given === null) return null;
    const soc = given.trim();
    if (/^\d{2}-\d{4}(\.\d{2})?$/.test(soc)) return /\.\d{2}$/.test(soc) ? soc : `${soc}.00`;
    ctx.issues.push({ code: 'custom', input: value, message: `${quoted(given)} is not an O*NET-SOC code (e.g. 15-1252.00)` });
    return z.NEVER;
  });

/** A canonical skill id: `framework:code` of a known framework. */
const skillId = z.string().refine(
  (id) => {
    const prefix = id.slice(0, id.indexOf(':'));
    return id.length <= REPORT_LIMITS.maxIdLength && (FRAMEWORKS as readonly string[]).includes(prefix) && id.length > prefix.length + 1;
  },
  { error: (issue) => `${quoted(issue.input)} is not a canonical skill id such as onet:2.B.3.k` },
);

const skillIds = (max: number) => boundedList(skillId, max, `at most ${max} skills`);

const reportWindow = orDefault(
  z.number().refine((months) => (REPORT_WINDOWS as readonly number[]).includes(months), {
    error: `must be one of ${REPORT_WINDOWS.join(', ')} (months)`,
  }),
  REPORT_LIMITS.defaultWindowMonths,
);

/** How many rows a caller may ask for: GraphQL pages are small, a CSV export holds every row. */
export interface RowLimits {
  defaultRows: number;
  maxRows: number;
}

export const GRAPHQL_ROWS: RowLimits = { defaultRows: REPORT_LIMITS.defaultRows, maxRows: REPORT_LIMITS.maxRows };
export const CSV_ROWS: RowLimits = { defaultRows: REPORT_LIMITS.maxCsvRows, maxRows: REPORT_LIMITS.maxCsvRows };

/** The report request's schema; `rows` bounds `first` (GraphQL pages are small, a CSV export holds every row). */
export const skillGapSchema = (rows: RowLimits) =>
  z.object({
    region,
    framework,
    occupation,
    postedWithinMonths: reportWindow,
    skills: skillIds(REPORT_LIMITS.maxSkills)
      .nullish()
      .transform((skills) => skills ?? null),
    first: orDefault(wholeNumber(1, rows.maxRows), rows.defaultRows),
    sort: orDefault(z.enum(SKILL_GAP_SORTS, { error: `must be one of ${SKILL_GAP_SORTS.join(', ')}` }), 'GAP'),
  }) satisfies z.ZodType<SkillGapQuery>;

export function parseSkillGapInput(args: SkillGapArgs, rows: RowLimits = GRAPHQL_ROWS): SkillGapQuery {
  return parseInput(skillGapSchema(rows), args);
}

/** The trend request's schema; `since` is checked against `now`. */
export const trendSchema = (now: Date) =>
  z.object({
    region,
    skills: skillIds(REPORT_LIMITS.maxTrendSkills).refine((skills) => skills.length > 0, { error: 'name at least one skill' }),
    since: z
      .string()
      .nullish()
      .transform((value, ctx) => {
        if (value == null) return monthsBefore(now, REPORT_LIMITS.defaultWindowMonths);
        const since = new Date(value);
        if (Number.isNaN(since.getTime())) {
          ctx.issues.push({ code: 'custom', input: value, message: `${quoted(value.slice(0, 40))} is not a date (use YYYY-MM-DD)` });
        } else if (since > now) {
          ctx.issues.push({ code: 'custom', input: value, message: 'must not be in the future' });
        }
        return since;
      }),
  }) satisfies z.ZodType<SkillGapTrendQuery>;

export function parseTrendInput(args: SkillGapTrendArgs, now: Date): SkillGapTrendQuery {
  return parseInput(trendSchema(now), args);
}

const CSV_PARAMETERS = ['region', 'framework', 'occupation', 'postedWithinMonths', 'skills', 'first', 'sort'] as const;

/** A query-string parameter given once; `?a=1&a=2` arrives as a list, `?a[b]=1` as an object. */
const csvText = z.string({ error: 'give it once, as text' }).optional();

/** A whole number as text; blank is absent. */
const csvNumber = csvText.transform((value, ctx) => {
  if (value === undefined || value.trim() === '') return null;
  if (/^-?\d+$/.test(value.trim())) return Number(value);
  ctx.issues.push({ code: 'custom', input: value, message: 'must be a whole number' });
  return z.NEVER;
});

/** The CSV route's query string as report arguments: `skills` comma-separated, numbers as text. */
const csvQuerySchema = z
  .strictObject(
    {
      region: csvText,
      framework: csvText,
      occupation: csvText,
      postedWithinMonths: csvNumber,
      skills: csvText,
      first: csvNumber,
      sort: csvText,
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `is not a parameter of this report (use ${CSV_PARAMETERS.join(', ')})` : undefined,
    },
  )
  .transform((query): SkillGapArgs => ({
    region: query.region ?? null,
    framework: query.framework ?? null,
    occupation: query.occupation ?? null,
    postedWithinMonths: query.postedWithinMonths,
    skills:
      query.skills === undefined
        ? null
        : query.skills
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    first: query.first,
    sort: (query.sort?.toUpperCase() ?? null) as SkillGapArgs['sort'],
  }));

export function csvQueryArgs(query: Record<string, unknown>): SkillGapArgs {
  return parseInput(csvQuerySchema, query, 'query');
}

/** The rules above, for the other report inputs (region comparison, demand breakdown). */
export const reportRules = { region, occupation, skillId, reportWindow };
