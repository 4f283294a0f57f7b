/**
 * The validated form of a skill-gap report or trend request: what the
 * arguments mean once checked, with defaults filled in. Every problem names
 * the argument as the client wrote it. Pure.
 */
import { normalizeRegion } from '../../mappings/regions.ts';
import { FRAMEWORKS, type Framework } from '../../mappings/skills.ts';
import { BadInputError } from '../errors.ts';
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

/** `SkillGapInput` as it arrives (GraphQL checked the types; the CSV route converts its query string to this). */
export interface SkillGapArgs {
  region?: string | null;
  framework?: string | null;
  occupation?: string | null;
  postedWithinMonths?: number | null;
  skills?: readonly string[] | null;
  first?: number | null;
  sort?: string | null;
}

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

export interface SkillGapTrendArgs {
  region?: string | null;
  skills: readonly string[];
  since?: string | null;
}

export interface SkillGapTrendQuery {
  region: string | null;
  skills: string[];
  since: Date;
}

export function parseRegion(value: string | null | undefined, argument = 'region'): string | null {
  if (value == null || value.trim() === '') return null;
  const region = normalizeRegion(value);
  if (!region) throw new BadInputError(argument, `"${value}" is not a known region code (use e.g. US-OH)`);
  return region;
}

function parseFramework(value: string | null | undefined): Framework | null {
  if (value == null || value.trim() === '') return null;
  const framework = value.trim().toLowerCase();
  if (!(FRAMEWORKS as readonly string[]).includes(framework))
    throw new BadInputError('framework', `"${value}" is not one of ${FRAMEWORKS.join(', ')}`);
  return framework as Framework;
}

function parseOccupation(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const soc = value.trim();
  if (!/^\d{2}-\d{4}(\.\d{2})?$/.test(soc)) throw new BadInputError('occupation', `"${value}" is not an O*NET-SOC code (e.g. 15-1252.00)`);
  return /\.\d{2}$/.test(soc) ? soc : `${soc}.00`;
}

function integer(argument: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadInputError(argument, `must be a whole number from ${min} to ${max}`);
  return value;
}

function skillIds(argument: string, values: readonly string[], max: number): string[] {
  if (values.length > max) throw new BadInputError(argument, `at most ${max} skills`);
  for (const id of values) {
    const framework = id.slice(0, id.indexOf(':'));
    if (
      id.length > REPORT_LIMITS.maxIdLength ||
      !(FRAMEWORKS as readonly string[]).includes(framework) ||
      id.length <= framework.length + 1
    ) {
      throw new BadInputError(argument, `"${id.slice(0, 80)}" is not a canonical skill id such as onet:2.B.3.k`);
    }
  }
  return [...new Set(values)];
}

function reportWindow(value: number | null | undefined): number {
  if (value == null) return REPORT_LIMITS.defaultWindowMonths;
  if (!(REPORT_WINDOWS as readonly number[]).includes(value))
    throw new BadInputError('postedWithinMonths', `must be one of ${REPORT_WINDOWS.join(', ')} (months)`);
  return value;
}

/** How many rows a caller may ask for: GraphQL pages are small, a CSV export holds every row. */
export interface RowLimits {
  defaultRows: number;
  maxRows: number;
}

export const GRAPHQL_ROWS: RowLimits = { defaultRows: REPORT_LIMITS.defaultRows, maxRows: REPORT_LIMITS.maxRows };
export const CSV_ROWS: RowLimits = { defaultRows: REPORT_LIMITS.maxCsvRows, maxRows: REPORT_LIMITS.maxCsvRows };

export function parseSkillGapInput(args: SkillGapArgs, rows: RowLimits = GRAPHQL_ROWS): SkillGapQuery {
  const sort = args.sort ?? 'GAP';
  if (!(SKILL_GAP_SORTS as readonly string[]).includes(sort))
    throw new BadInputError('sort', `must be one of ${SKILL_GAP_SORTS.join(', ')}`);
  return {
    region: parseRegion(args.region),
    framework: parseFramework(args.framework),
    occupation: parseOccupation(args.occupation),
    postedWithinMonths: reportWindow(args.postedWithinMonths),
    skills: args.skills == null ? null : skillIds('skills', args.skills, REPORT_LIMITS.maxSkills),
    first: integer('first', args.first, 1, rows.maxRows, rows.defaultRows),
    sort: sort as SkillGapSort,
  };
}

export function parseTrendInput(args: SkillGapTrendArgs, now: Date): SkillGapTrendQuery {
  if (args.skills.length === 0) throw new BadInputError('skills', 'name at least one skill');
  let since = monthsBefore(now, REPORT_LIMITS.defaultWindowMonths);
  if (args.since != null) {
    since = new Date(args.since);
    if (Number.isNaN(since.getTime())) throw new BadInputError('since', `"${args.since.slice(0, 40)}" is not a date (use YYYY-MM-DD)`);
    if (since > now) throw new BadInputError('since', 'must not be in the future');
  }
  return { region: parseRegion(args.region), skills: skillIds('skills', args.skills, REPORT_LIMITS.maxTrendSkills), since };
}

const CSV_PARAMETERS = new Set(['region', 'framework', 'occupation', 'postedWithinMonths', 'skills', 'first', 'sort']);

/** The CSV route's query string as report arguments: `skills` comma-separated, numbers as text. */
export function csvQueryArgs(query: Record<string, unknown>): SkillGapArgs {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new BadInputError(name, 'give it once, as text');
    return value;
  };
  const number = (name: string): number | undefined => {
    const value = text(name);
    if (value === undefined || value.trim() === '') return undefined;
    if (!/^-?\d+$/.test(value.trim())) throw new BadInputError(name, 'must be a whole number');
    return Number(value);
  };
  for (const name of Object.keys(query))
    if (!CSV_PARAMETERS.has(name))
      throw new BadInputError(name, `is not a parameter of this report (use ${[...CSV_PARAMETERS].join(', ')})`);
  const skills = text('skills');
  return {
    region: text('region') ?? null,
    framework: text('framework') ?? null,
    occupation: text('occupation') ?? null,
    postedWithinMonths: number('postedWithinMonths') ?? null,
    skills:
      skills === undefined
        ? null
        : skills
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    first: number('first') ?? null,
    sort: text('sort')?.toUpperCase() ?? null,
  };
}
