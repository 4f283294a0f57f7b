/**
 * The skill-gap snapshot: raw rows for "all regions" and for each region
 * with postings or earners, stored in the report-snapshots index so reports
 * can show the change since the last one and the trend. Scheduled with the
 * non-overlapping job wrapper; the admin mutation runs the same job.
 */
import { randomBytes } from 'node:crypto';
import { ALL_REGIONS_SCOPE, type ReportSnapshotDocument } from '../../mappings/report-snapshots.ts';
import type { Logger } from '../log.ts';
import { REPORT_LIMITS } from './input.ts';
import { collectRows } from './counts.ts';
import type { ReportStore } from './store.ts';
import { createJob, type Job } from '../../mappings/runtime/scheduled-job.ts';

/** What one snapshot run stored. */
export interface SnapshotSummary {
  snapshotId: string;
  takenAt: string;
  scopes: number;
  rows: number;
}

/** Snapshots cover the default report window, so a default report can say what changed. */
export const SNAPSHOT_WINDOW_MONTHS = REPORT_LIMITS.defaultWindowMonths;

export async function takeSkillGapSnapshot(store: ReportStore, now: Date): Promise<SnapshotSummary> {
  const takenAt = now.toISOString();
  // Unique even when two runs share a clock reading (a pinned test clock).
  const snapshotId = `${takenAt}~${randomBytes(3).toString('hex')}`;
  const scopes = [ALL_REGIONS_SCOPE, ...(await store.regionsWithData())];
  const rows: ReportSnapshotDocument[] = [];
  const markers: ReportSnapshotDocument[] = [];
  for (const region of scopes) {
    const scope = {
      region: region === ALL_REGIONS_SCOPE ? null : region,
      framework: null,
      occupation: null,
      skills: null,
      postedWithinMonths: SNAPSHOT_WINDOW_MONTHS,
    };
    const scoped = (await collectRows(store, scope, now)).rows;
    const base = { snapshotId, takenAt, region, postedWithinMonths: SNAPSHOT_WINDOW_MONTHS };
    for (const r of scoped) {
      rows.push({
        ...base,
        kind: 'row',
        skillId: r.skillId,
        framework: r.skillId.slice(0, r.skillId.indexOf(':')),
        demand: r.demand,
        supply: r.supply,
        searches: r.searches,
        searchesWithFewResults: r.searchesWithFewResults,
      });
    }
    markers.push({ ...base, kind: 'scope', rows: scoped.length });
  }
  // Rows first, markers last: a snapshot is visible (through its markers) only once complete.
  await store.saveSnapshot(rows);
  await store.saveSnapshot(markers);
  return { snapshotId, takenAt, scopes: scopes.length, rows: rows.length };
}

export interface SnapshotJobOptions {
  store: ReportStore;
  /** When to run (node-cron syntax). */
  expression: string;
  now: () => Date;
  log: Logger;
}

export function createSnapshotJob({ store, expression, now, log }: SnapshotJobOptions): Job {
  return createJob({
    name: 'skill-gap-snapshot',
    expression,
    log,
    run: async () => {
      const summary = await takeSkillGapSnapshot(store, now());
      log.info('skill-gap snapshot stored', { ...summary });
    },
  });
}
