/**
 * The skill-gap report's filters as they live in the URL, and their
 * translation to the API's input and the CSV export's query string. Pure:
 * the URL is the single source of truth, so a shared link or the back button
 * restores exactly the same report.
 */
import type { SkillGapInput, SkillGapSort } from '../graphql/generated';

export interface ReportQuery {
  /** Region code such as US-OH; null for all regions. */
  region: string | null;
  /** Taxonomy framework id (onet, esco, ...); null for all. */
  framework: string | null;
  /** O*NET-SOC code such as 15-1252.00; null for all occupations. */
  occupation: string | null;
  /** Demand from postings of the last N months. */
  months: number;
  sort: SkillGapSort;
  /** Skills shown in the trend, in the order they were added. */
  trend: string[];
  /** Every row of the scope (up to `ALL_ROWS`), not only the first `REPORT_ROWS`. */
  all: boolean;
}

/** Rows the report page asks for; the CSV export holds every row of the same scope. */
export const REPORT_ROWS = 25;
/** "Show all": the most rows the API returns at once (the CSV holds every row). */
export const ALL_ROWS = 500;
/** Skills the trend and the table by region show at most (readable lines and columns). */
export const MAX_TREND_SKILLS = 5;

export const DEFAULT_MONTHS = 12;
// The API publishes these windows only (a fixed set, so windows cannot be differenced month by month).
export const WINDOW_OPTIONS = [3, 6, 12, 24] as const;

/** What a framework id looks like; which ones exist the API says (`frameworks`), and it refuses others by name. */
const FRAMEWORK_ID = /^[a-z]{1,32}$/;

export const SORT_OPTIONS: readonly { value: SkillGapSort; label: string; param: string }[] = [
  { value: 'GAP', label: 'Largest gap first', param: 'gap' },
  { value: 'DEMAND', label: 'Most demand first', param: 'demand' },
  { value: 'SUPPLY', label: 'Most supply first', param: 'supply' },
];

const SOC_CODE = /^\d{2}-\d{4}(\.\d{2})?$/;

/** A SOC code as the API expects it (`15-1252` -> `15-1252.00`), or null when it is not one. */
export function normalizeOccupation(text: string): string | null {
  const code = text.trim();
  if (!SOC_CODE.test(code)) return null;
  return /\.\d{2}$/.test(code) ? code : `${code}.00`;
}

export function emptyReportQuery(): ReportQuery {
  return { region: null, framework: null, occupation: null, months: DEFAULT_MONTHS, sort: 'GAP', trend: [], all: false };
}

export function parseReportQuery(params: URLSearchParams): ReportQuery {
  const query = emptyReportQuery();
  const region = params.get('region')?.trim().toUpperCase();
  if (region && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region)) query.region = region;
  const framework = params.get('framework')?.trim().toLowerCase();
  if (framework && FRAMEWORK_ID.test(framework)) query.framework = framework;
  query.occupation = normalizeOccupation(params.get('occupation') ?? '');
  const months = Number(params.get('months'));
  if (Number.isInteger(months) && months >= 1 && months <= 60) query.months = months;
  query.sort = SORT_OPTIONS.find((s) => s.param === params.get('sort'))?.value ?? 'GAP';
  query.all = params.get('rows') === 'all';
  query.trend = [
    ...new Set(
      params
        .getAll('trend')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_TREND_SKILLS);
  return query;
}

/** URL parameters in a stable order, defaults left out, so equal reports have equal URLs. */
export function reportQueryToParams(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.region) params.set('region', query.region);
  if (query.framework) params.set('framework', query.framework);
  if (query.occupation) params.set('occupation', query.occupation);
  if (query.months !== DEFAULT_MONTHS) params.set('months', String(query.months));
  if (query.sort !== 'GAP') params.set('sort', SORT_OPTIONS.find((s) => s.value === query.sort)?.param ?? 'gap');
  if (query.all) params.set('rows', 'all');
  for (const skill of query.trend) params.append('trend', skill);
  return params;
}

export function reportPath(query: ReportQuery): string {
  const params = reportQueryToParams(query).toString();
  return params ? `/reports?${params}` : '/reports';
}

/** The report's scope without the trend: what the report request depends on. */
export function scopeKey(query: ReportQuery): string {
  return reportQueryToParams({ ...query, trend: [] }).toString();
}

export function toSkillGapInput(query: ReportQuery, first = query.all ? ALL_ROWS : REPORT_ROWS): SkillGapInput {
  const input: SkillGapInput = { first, sort: query.sort, postedWithinMonths: query.months };
  if (query.region) input.region = query.region;
  if (query.framework) input.framework = query.framework;
  if (query.occupation) input.occupation = query.occupation;
  return input;
}

/** The CSV route's query string for the same scope (every row, so no `first`). */
export function toCsvParams(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.region) params.set('region', query.region);
  if (query.framework) params.set('framework', query.framework);
  if (query.occupation) params.set('occupation', query.occupation);
  params.set('postedWithinMonths', String(query.months));
  params.set('sort', query.sort);
  return params;
}

export function toggleTrendSkill(query: ReportQuery, skill: string): ReportQuery {
  const trend = query.trend.includes(skill) ? query.trend.filter((s) => s !== skill) : [...query.trend, skill].slice(-MAX_TREND_SKILLS);
  return { ...query, trend };
}
