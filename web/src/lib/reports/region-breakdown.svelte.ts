/**
 * The table by region: demand and supply of a few gap skills in each region,
 * one small report request per region (same framework, occupation and
 * window as the report), asked in parallel.
 */
import { request } from '../api';
import { messageOf } from '../errors';
import { SkillGapRegionCellsDocument } from '../graphql/generated';
import type { Cell } from './cells';
import { toSkillGapInput, type ReportQuery } from './report-query';

/** Regions the table shows at most: the ones with the most earners. */
export const MAX_REGIONS = 12;

export interface RegionRow {
  region: string;
  /** Skill id -> its cells in this region. */
  cells: Record<string, { demand: Cell; supply: Cell }>;
}

export class RegionBreakdownStore {
  rows = $state<RegionRow[]>([]);
  /** The skills the rows have cells for. */
  skills = $state<string[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  #lastKey = '';
  #run = 0;

  async run(query: ReportQuery, skills: string[], regions: string[]): Promise<void> {
    const picked = regions.slice(0, MAX_REGIONS);
    const base = { ...query, region: null };
    const key = JSON.stringify([toSkillGapInput(base), skills, picked]);
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    const run = ++this.#run;
    if (skills.length === 0 || picked.length === 0) {
      this.rows = [];
      this.skills = skills;
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const rows = await Promise.all(
        picked.map(async (region): Promise<RegionRow> => {
          const input = { ...toSkillGapInput({ ...base, region }, skills.length), skills };
          const { skillGapReport } = await request(SkillGapRegionCellsDocument, { input });
          return {
            region,
            cells: Object.fromEntries(skillGapReport.rows.map((row) => [row.skill.id, { demand: row.demand, supply: row.supply }])),
          };
        }),
      );
      if (run !== this.#run) return;
      this.rows = rows;
      this.skills = skills;
    } catch (error) {
      if (run !== this.#run) return;
      this.error = messageOf(error);
      this.rows = [];
      this.#lastKey = '';
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }
}
