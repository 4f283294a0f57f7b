/**
 * Skill-gap reports for agencies and admins: checks the viewer and the
 * input, collects the raw counts, compares with the previous snapshot of
 * the same scope, and publishes every number through the disclosure control
 * (`reports/suppression.ts`: noise, rounding, suppression) before anything
 * leaves the service.
 */
import { ALL_REGIONS_SCOPE } from '../../mappings/report-snapshots.ts';
import { BadInputError } from '../errors.ts';
import { SNAPSHOT_WINDOW_MONTHS } from './snapshot-job.ts';
import { csvFilename, skillGapCsv } from './csv.ts';
import {
  CSV_ROWS,
  GRAPHQL_ROWS,
  parseSkillGapInput,
  parseTrendInput,
  REPORT_LIMITS,
  type RowLimits,
  type SkillGapArgs,
  type SkillGapQuery,
  type SkillGapTrendArgs,
} from './input.ts';
import { isEmptyRow, publishRow, sortRows, type PreviousSnapshot } from './publish.ts';
import { reportSkill, shapeTrend, type SkillGapReport, type SkillTrend } from './report.ts';
import type { RawRow } from './rows.ts';
import type { Reporting } from './reporting.ts';
import type { ReportStore } from './store.ts';
import type { Viewer } from '../viewer.ts';
import { requireAdmin, requireReportAccess } from '../services/access.ts';
import { collectRows } from './counts.ts';
import { POPULATION_SOURCE, regionPopulation } from '../../mappings/region-population.ts';
import { compareRegions, publishShares, type DemandBreakdown, type RegionComparison } from './region-comparison.ts';
import { BREAKDOWN_LIMITS, parseDemandBreakdownInput, parseRegionComparisonInput } from './region-input.ts';
import { cellKeys } from './publish.ts';
import { publishCount } from './suppression.ts';
import { monthsBefore } from './window.ts';
import type { DemandBreakdownInput, RegionComparisonInput } from '../generated/resolvers-types.ts';

export interface ReportServiceDependencies {
  /** Absent on a server without reports: every call fails loudly. */
  reporting?: Reporting;
  viewer: Viewer;
  now: () => Date;
}

/** The outcome of an on-demand snapshot run. */
export interface SnapshotRunResult {
  status: 'OK' | 'SKIPPED' | 'FAILED';
  ms: number | null;
  message: string;
}

/** Only a report of the snapshots' own scope shape (any region, the snapshot window, no occupation) has a comparable previous snapshot. */
function comparable(query: SkillGapQuery): boolean {
  return query.occupation === null && query.postedWithinMonths === SNAPSHOT_WINDOW_MONTHS;
}

async function previousSnapshot(
  store: ReportStore,
  query: SkillGapQuery,
  at: Date,
  rows: readonly RawRow[],
): Promise<PreviousSnapshot | null> {
  if (!comparable(query)) return null;
  const region = query.region ?? ALL_REGIONS_SCOPE;
  const marker = await store.latestSnapshot(region, SNAPSHOT_WINDOW_MONTHS, at);
  if (!marker) return null;
  const values = await store.snapshotValues(
    [marker.snapshotId],
    region,
    rows.map((r) => r.skillId),
  );
  return { takenAt: marker.takenAt, values: new Map(values.map((v) => [v.skillId, { demand: v.demand, supply: v.supply }])) };
}

/** Fails naming `skills` when one is not in the taxonomy; returns the labels. */
async function knownSkills(store: ReportStore, skills: readonly string[]): Promise<Map<string, string>> {
  const labels = await store.skillLabels(skills);
  const unknown = skills.find((id) => !labels.has(id));
  if (unknown) throw new BadInputError('skills', `"${unknown.slice(0, 80)}" is not a skill of the taxonomy`);
  return labels;
}

export function createReportService({ reporting, viewer, now }: ReportServiceDependencies) {
  const configured = (): Reporting => {
    if (!reporting) throw new Error('skill-gap reports are not configured on this server');
    return reporting;
  };

  async function report(args: SkillGapArgs, limits: RowLimits): Promise<SkillGapReport> {
    requireReportAccess(viewer);
    const query = parseSkillGapInput(args, limits);
    const { store, disclosure } = configured();
    const at = now();
    if (query.skills) await knownSkills(store, query.skills);
    const { rows, importance } = await collectRows(store, query, at);
    const previous = await previousSnapshot(store, query, at, rows);
    const scope = { region: query.region, occupation: query.occupation, windowMonths: query.postedWithinMonths };
    const published = rows.map((row) => publishRow(row, { control: disclosure, scope, importance, previous }));
    // Asked-for skills always get a row; otherwise a row appears only when a published count is not 0.
    const kept = query.skills ? published : published.filter((row) => !isEmptyRow(row));
    const shown = sortRows(kept, query.sort).slice(0, query.first);
    const labels = await store.skillLabels(shown.map((r) => r.skillId));
    return {
      query,
      rows: shown.map(({ skillId, ...row }) => ({ skill: reportSkill(skillId, labels.get(skillId)), ...row })),
      totalRows: kept.length,
      generatedAt: at.toISOString(),
      threshold: disclosure.threshold,
      previousSnapshotAt: previous?.takenAt ?? null,
    };
  }

  return {
    skillGapReport: (args: SkillGapArgs): Promise<SkillGapReport> => report(args, GRAPHQL_ROWS),

    /** The same report as a CSV file: every row (up to the CSV cap), the same suppressed numbers. */
    async skillGapCsv(args: SkillGapArgs): Promise<{ filename: string; text: string }> {
      const result = await report(args, CSV_ROWS);
      return { filename: csvFilename(result), text: skillGapCsv(result) };
    },

    async skillGapTrend(args: SkillGapTrendArgs): Promise<SkillTrend[]> {
      requireReportAccess(viewer);
      const at = now();
      const query = parseTrendInput(args, at);
      const { store, disclosure } = configured();
      const labels = await knownSkills(store, query.skills);
      const region = query.region ?? ALL_REGIONS_SCOPE;
      const markers = await store.snapshots(region, SNAPSHOT_WINDOW_MONTHS, query.since, at, REPORT_LIMITS.maxTrendPoints);
      const values = await store.snapshotValues(
        markers.map((m) => m.snapshotId),
        region,
        query.skills,
      );
      return shapeTrend(
        query.skills.map((id) => reportSkill(id, labels.get(id))),
        markers,
        values,
        disclosure,
        { region: query.region, windowMonths: SNAPSHOT_WINDOW_MONTHS },
      );
    },

    /** Regions side by side: postings and consenting verified earners, and both per 10,000 residents. */
    async regionComparison(input: RegionComparisonInput): Promise<RegionComparison> {
      requireReportAccess(viewer);
      const query = parseRegionComparisonInput(input);
      const { store, disclosure } = configured();
      const labels = query.skill ? await knownSkills(store, [query.skill]) : null;
      const at = now();
      const [regions, counts] = await Promise.all([
        store.regionsWithData(),
        store.regionCounts({ skill: query.skill, occupation: query.occupation, from: monthsBefore(at, query.postedWithinMonths), to: at }),
      ]);
      return {
        query,
        skill: query.skill ? reportSkill(query.skill, labels?.get(query.skill)) : null,
        rows: compareRegions(query, regions, counts, regionPopulation(), disclosure),
        threshold: disclosure.threshold,
        populationSource: POPULATION_SOURCE,
        generatedAt: at.toISOString(),
      };
    },

    /** The employers and job titles behind a skill's demand in the report's scope. */
    async demandBreakdown(input: DemandBreakdownInput): Promise<DemandBreakdown> {
      requireReportAccess(viewer);
      const query = parseDemandBreakdownInput(input);
      const { store, disclosure } = configured();
      const labels = await knownSkills(store, [query.skill]);
      const at = now();
      // Every name (up to BREAKDOWN_LIMITS.maxNames), not the raw top: the order is by published values, which may differ from the raw order.
      const found = await store.demandBreakdown(
        {
          skill: query.skill,
          region: query.region,
          occupation: query.occupation,
          from: monthsBefore(at, query.postedWithinMonths),
          to: at,
        },
        BREAKDOWN_LIMITS.maxNames,
      );
      const scope = { region: query.region, occupation: query.occupation, windowMonths: query.postedWithinMonths };
      return {
        query,
        skill: reportSkill(query.skill, labels.get(query.skill)),
        postings: publishCount(found.total, cellKeys(query.skill, scope).demand, disclosure),
        employers: publishShares('employer', found.employers, query, disclosure),
        titles: publishShares('title', found.titles, query, disclosure),
        threshold: disclosure.threshold,
      };
    },

    /** Admins: takes a snapshot now, unless one is running (then SKIPPED). */
    async runSkillGapSnapshot(): Promise<SnapshotRunResult> {
      requireAdmin(viewer);
      const outcome = await configured().snapshotJob.runNow();
      if (outcome.status === 'skipped')
        return { status: 'SKIPPED', ms: null, message: 'A snapshot is being taken right now; this run was skipped.' };
      if (outcome.status === 'failed')
        return { status: 'FAILED', ms: outcome.ms, message: 'The snapshot failed; the server log says why.' };
      return { status: 'OK', ms: outcome.ms, message: 'Snapshot stored.' };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
