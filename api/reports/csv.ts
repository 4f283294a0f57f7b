/**
 * The CSV export of a skill-gap report: the same published (suppressed)
 * numbers as GraphQL, a header row, and suppressed cells written `<5`. Pure.
 */
import type { SkillGapReport, SkillGapRow } from './report.ts';
import { cellText } from './suppression.ts';

export const CSV_COLUMNS = [
  'skill_id',
  'skill_label',
  'framework',
  'demand',
  'supply',
  'ratio',
  'searches',
  'searches_with_few_results',
  'importance',
  'demand_change',
  'supply_change',
] as const;

/** Quotes a field when it must be, and defuses text a spreadsheet would run as a formula. */
export function csvField(value: string, isText = false): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(row: SkillGapRow, threshold: number): string {
  const cell = (c: Parameters<typeof cellText>[0]) => cellText(c, threshold);
  return [
    csvField(row.skill.id, true),
    csvField(row.skill.label, true),
    csvField(row.skill.framework, true),
    cell(row.demand),
    cell(row.supply),
    cell(row.ratio),
    cell(row.searches),
    cell(row.searchesWithFewResults),
    row.importance === null ? '' : String(row.importance),
    row.change ? cell(row.change.demand) : '',
    row.change ? cell(row.change.supply) : '',
  ].join(',');
}

export function skillGapCsv(report: SkillGapReport): string {
  return [CSV_COLUMNS.join(','), ...report.rows.map((row) => csvLine(row, report.threshold))].join('\r\n') + '\r\n';
}

/** `skill-gap_US-OH_onet_2026-11-01.csv`: the scope and the day, in characters safe in a header. */
export function csvFilename(report: SkillGapReport): string {
  const { region, framework, occupation } = report.query;
  const parts = [
    'skill-gap',
    region ?? 'all-regions',
    framework ?? 'all-frameworks',
    ...(occupation ? [occupation] : []),
    report.generatedAt.slice(0, 10),
  ];
  return `${parts.join('_').replace(/[^A-Za-z0-9._-]/g, '-')}.csv`;
}
