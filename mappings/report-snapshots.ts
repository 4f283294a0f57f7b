/**
 * The report-snapshots index: skill-gap counts as the snapshot job stored
 * them, so reports can show the change since the last snapshot and the
 * trend over time. Raw counts: suppression of small cells happens on output.
 *
 * One snapshot run writes, per scope (all regions, or one region), a `scope`
 * marker (so a scope with no rows still has a snapshot) and one `row`
 * document per skill with any demand, supply or searches. A skill with no
 * row in a snapshot had zero of everything.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

/** The scope value of the "all regions" snapshot. */
export const ALL_REGIONS_SCOPE = 'ALL';

export interface ReportSnapshotDocument {
  /** The run's id: its start time in ISO 8601 (every document of one run shares it). */
  snapshotId: string;
  takenAt: string;
  kind: 'scope' | 'row';
  /** A region code, or `ALL`. */
  region: string;
  /** The demand window the counts cover, in months before `takenAt`. */
  postedWithinMonths: number;
  /** Row documents only. */
  skillId?: string;
  framework?: string;
  demand?: number;
  supply?: number;
  searches?: number;
  searchesWithFewResults?: number;
  /** Scope markers only: how many rows the scope has. */
  rows?: number;
}

export const reportSnapshotsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    snapshotId: { type: 'keyword' },
    takenAt: { type: 'date' },
    kind: { type: 'keyword' },
    region: { type: 'keyword' },
    postedWithinMonths: { type: 'integer' },
    skillId: { type: 'keyword' },
    framework: { type: 'keyword' },
    demand: { type: 'integer' },
    supply: { type: 'integer' },
    searches: { type: 'integer' },
    searchesWithFewResults: { type: 'integer' },
    rows: { type: 'integer' },
  },
};
