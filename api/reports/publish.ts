/**
 * Raw rows to published report rows: every count, ratio and change goes
 * through `suppression.ts` here (noise, rounding, suppression), then rows are
 * ordered by what is shown (never by a hidden value, which the order would
 * otherwise leak). Pure.
 */
import type { RawRow } from './rows.ts';
import type { SkillGapSort } from './input.ts';
import { publishChange, publishCount, publishRatio, type Cell, type CellKey, type DisclosureControl } from './suppression.ts';

/** The demand and supply of each skill in the previous snapshot of the same scope. */
export interface PreviousSnapshot {
  takenAt: string;
  /** Skills absent here had zero of both. */
  values: ReadonlyMap<string, { demand: number; supply: number }>;
}

/** One report row before labels are attached. */
export interface PublishedRow {
  skillId: string;
  demand: Cell;
  supply: Cell;
  /** demand / supply; null when supply is 0. */
  ratio: Cell;
  searches: Cell;
  searchesWithFewResults: Cell;
  /** O*NET importance (1-5) in the filtered occupation's profile, when it lists the skill. */
  importance: number | null;
  /** Since the previous snapshot of the same scope; null when there is none to compare with. */
  change: { demand: Cell; supply: Cell } | null;
}

/** The population a report counts: what makes its cells (with the skill and the measure). */
export interface PublishScope {
  region: string | null;
  occupation: string | null;
  windowMonths: number;
}

export interface PublishContext {
  control: DisclosureControl;
  scope: PublishScope;
  importance: ReadonlyMap<string, number> | null;
  previous: PreviousSnapshot | null;
}

/**
 * The cell of each measure of a skill in a scope: only the dimensions that
 * change who is counted (supply has no window and no occupation; searches no
 * occupation), so one population never gets two different noises.
 */
export function cellKeys(
  skillId: string,
  { region, occupation, windowMonths }: PublishScope,
): Record<keyof Omit<RawRow, 'skillId'>, CellKey> {
  return {
    demand: { measure: 'demand', skillId, region, occupation, windowMonths },
    supply: { measure: 'supply', skillId, region },
    searches: { measure: 'searches', skillId, region, windowMonths },
    searchesWithFewResults: { measure: 'searchesWithFewResults', skillId, region, windowMonths },
  };
}

export function publishRow(row: RawRow, { control, scope, importance, previous }: PublishContext): PublishedRow {
  const keys = cellKeys(row.skillId, scope);
  const demand = publishCount(row.demand, keys.demand, control);
  const supply = publishCount(row.supply, keys.supply, control);
  const before = previous ? (previous.values.get(row.skillId) ?? { demand: 0, supply: 0 }) : null;
  // The previous snapshot counted the same cells (same region and window, no occupation): same keys, same noise.
  const change = before
    ? {
        demand: publishChange(demand, publishCount(before.demand, keys.demand, control)),
        supply: publishChange(supply, publishCount(before.supply, keys.supply, control)),
      }
    : null;
  return {
    skillId: row.skillId,
    demand,
    supply,
    ratio: publishRatio(demand, supply),
    searches: publishCount(row.searches, keys.searches, control),
    searchesWithFewResults: publishCount(row.searchesWithFewResults, keys.searchesWithFewResults, control),
    importance: importance?.get(row.skillId) ?? null,
    change,
  };
}

/** A row whose demand and supply both publish as 0 says nothing; keeping it would tell that a count was not 0. */
export function isEmptyRow(row: PublishedRow): boolean {
  return row.demand.value === 0 && !row.demand.suppressed && row.supply.value === 0 && !row.supply.suppressed;
}

/** A suppressed count sorts as one value between 0 and the threshold: all suppressed cells tie. */
const SUPPRESSED_RANK = 0.5;
const countRank = (cell: Cell): number => (cell.suppressed ? SUPPRESSED_RANK : (cell.value ?? 0));

/**
 * The gap measure, from shown values only: the shortfall, shown demand minus
 * shown supply (postings beyond the verified earners who could fill them; a
 * suppressed count ranks as 0.5, between 0 and the threshold). Zero demand is
 * never a gap. Tiers, highest first: shown demand (by shortfall, then demand),
 * suppressed demand (least supply first), then shown zero demand.
 */
export function gapRank(row: PublishedRow): [number, number] {
  if (row.demand.suppressed) return [2, -countRank(row.supply)];
  if ((row.demand.value ?? 0) > 0) return [3, countRank(row.demand) - countRank(row.supply)];
  return [1, 0];
}

const compareDesc = (a: number, b: number) => (a === b ? 0 : a > b ? -1 : 1);

function comparator(sort: SkillGapSort): (a: PublishedRow, b: PublishedRow) => number {
  const byId = (a: PublishedRow, b: PublishedRow) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0);
  switch (sort) {
    case 'DEMAND':
      return (a, b) => compareDesc(countRank(a.demand), countRank(b.demand)) || byId(a, b);
    case 'SUPPLY':
      return (a, b) => compareDesc(countRank(a.supply), countRank(b.supply)) || byId(a, b);
    case 'GAP':
      return (a, b) => {
        const [ga, va] = gapRank(a);
        const [gb, vb] = gapRank(b);
        return compareDesc(ga, gb) || compareDesc(va, vb) || compareDesc(countRank(a.demand), countRank(b.demand)) || byId(a, b);
      };
  }
}

export function sortRows(rows: readonly PublishedRow[], sort: SkillGapSort): PublishedRow[] {
  return [...rows].sort(comparator(sort));
}
