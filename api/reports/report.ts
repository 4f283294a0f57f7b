/** The published report and trend as the service returns them (GraphQL and CSV read these). Pure. */
import type { PublishedRow } from './publish.ts';
import type { SkillGapQuery } from './input.ts';
import { cellKeys } from './publish.ts';
import { publishCount, publishRatio, type Cell, type DisclosureControl } from './suppression.ts';

/** A skill as a row names it. */
export interface ReportSkill {
  id: string;
  /** The taxonomy label; the id itself when the taxonomy does not know it. */
  label: string;
  framework: string;
}

export interface SkillGapRow extends Omit<PublishedRow, 'skillId'> {
  skill: ReportSkill;
}

export interface SkillGapReport {
  query: SkillGapQuery;
  rows: SkillGapRow[];
  /** Rows the scope has in all (`rows` holds the first `query.first`). */
  totalRows: number;
  generatedAt: string;
  /** Noised counts from 1 to threshold - 1 are suppressed. */
  threshold: number;
  /** When the snapshot `change` compares with was taken; null when there is none for this scope. */
  previousSnapshotAt: string | null;
}

export function reportSkill(id: string, label: string | undefined): ReportSkill {
  return { id, label: label ?? id, framework: id.slice(0, Math.max(0, id.indexOf(':'))) };
}

/** A stored snapshot's counts of one skill, suppressed like a report row. */
export interface TrendPoint {
  takenAt: string;
  demand: Cell;
  supply: Cell;
  ratio: Cell;
}

export interface SkillTrend {
  skill: ReportSkill;
  points: TrendPoint[];
}

/** Snapshot marker and rows as the store reads them. */
export interface SnapshotMarker {
  snapshotId: string;
  takenAt: string;
}
export interface SnapshotValues {
  snapshotId: string;
  skillId: string;
  demand: number;
  supply: number;
}

/**
 * One point per snapshot (oldest first) for each skill; a skill without a row
 * in a snapshot had zero. Published like the report's cells of the same
 * scope (same keys, same noise).
 */
export function shapeTrend(
  skills: readonly ReportSkill[],
  markers: readonly SnapshotMarker[],
  rows: readonly SnapshotValues[],
  control: DisclosureControl,
  scope: { region: string | null; windowMonths: number },
): SkillTrend[] {
  const byKey = new Map(rows.map((r) => [`${r.snapshotId}\n${r.skillId}`, r]));
  const ordered = [...markers].sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.snapshotId.localeCompare(b.snapshotId));
  return skills.map((skill) => ({
    skill,
    points: ordered.map((m) => {
      const row = byKey.get(`${m.snapshotId}\n${skill.id}`);
      const keys = cellKeys(skill.id, { ...scope, occupation: null });
      const demand = publishCount(row?.demand ?? 0, keys.demand, control);
      const supply = publishCount(row?.supply ?? 0, keys.supply, control);
      return { takenAt: m.takenAt, demand, supply, ratio: publishRatio(demand, supply) };
    }),
  }));
}
