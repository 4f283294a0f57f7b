/**
 * Statistical disclosure control: the one rule every skill-gap output
 * (GraphQL rows and trends, changes, CSV) goes through, so no report and no
 * combination of reports can single out a person.
 *
 * Every published count is a cell: a measure (demand, supply, searches) of a
 * skill over a population (region, occupation, window). A cell's count `c`
 * is published as follows:
 *
 * 1. Noise: `s = c + n`, where `n` is a whole number from -2 to +2 fixed for
 *    the cell by HMAC-SHA256(REPORT_NOISE_SECRET, cell key). The same cell
 *    always gets the same noise, so asking again (or another way) gives the
 *    same answer and averaging learns nothing.
 * 2. `s <= 0` is published as 0; `s` from 1 to `threshold - 1` is suppressed;
 *    a larger `s` is rounded to the nearest multiple of 5.
 * 3. Ratios and changes are computed from published values only, and are
 *    suppressed when either side is.
 *
 * Everything published about a cell depends on `s` alone, so even an
 * attacker who moves people in and out of a cell (their own earners) learns
 * at most `c + n`, never `c` and `n` apart: every count from 1 up is
 * consistent with at least two true values. Differencing two cells (12
 * minus 6 months, all regions minus the others, with and without an
 * occupation) subtracts two rounded, independently noised numbers.
 */
import { createHmac } from 'node:crypto';

/** A published number: the value, or null with `suppressed` set when it could identify someone. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** How counts are published: the secret keying the noise, and the suppression threshold. */
export interface DisclosureControl {
  /** Noised counts from 1 to threshold - 1 are suppressed. */
  threshold: number;
  noiseSecret: string;
}

/** The noise of a cell is a whole number from -NOISE_RANGE to +NOISE_RANGE. */
export const NOISE_RANGE = 2;
/** Shown counts are multiples of this. */
export const ROUNDING_BASE = 5;

const SUPPRESSED: Cell = Object.freeze({ value: null, suppressed: true });

/** What a count measures, and the population it counts: the dimensions that change who is counted, nothing else. */
export interface CellKey {
  measure: 'demand' | 'supply' | 'searches' | 'searchesWithFewResults';
  skillId: string;
  /** A region code; null for all regions. */
  region: string | null;
  /** Demand only: the O*NET-SOC code of the postings. */
  occupation?: string | null;
  /** Demand and searches only: months before now. */
  windowMonths?: number;
  /** A part of the population (the postings of one employer, `employer:<name>`); absent for the whole. */
  segment?: string;
}

/** The canonical text of a cell, so the same population always has the same key whichever way it is asked for. */
export function cellKeyText(key: CellKey): string {
  const parts = [key.measure, key.skillId, key.region ?? 'ALL', key.occupation ?? '-', key.windowMonths ?? '-'];
  // Appended only when present: the keys of whole cells (and so their noise) stay as they were.
  return (key.segment ? [...parts, key.segment] : parts).join('|');
}

/** The cell's fixed noise: -NOISE_RANGE to +NOISE_RANGE, uniform, from the keyed hash. */
export function cellNoise(secret: string, key: CellKey): number {
  const digest = createHmac('sha256', secret).update(cellKeyText(key)).digest();
  return (digest.readUInt32BE(0) % (2 * NOISE_RANGE + 1)) - NOISE_RANGE;
}

/** Publishes `noised` (= count + noise): 0, suppressed, or rounded. */
export function publishNoised(noised: number, threshold: number): Cell {
  if (noised <= 0) return { value: 0, suppressed: false };
  if (noised < threshold) return SUPPRESSED;
  return { value: ROUNDING_BASE * Math.round(noised / ROUNDING_BASE), suppressed: false };
}

export function publishCount(count: number, key: CellKey, control: DisclosureControl): Cell {
  return publishNoised(count + cellNoise(control.noiseSecret, key), control.threshold);
}

/** demand / supply of published values; null (not suppressed) when the published supply is 0. */
export function publishRatio(demand: Cell, supply: Cell): Cell {
  if (demand.suppressed || supply.suppressed) return SUPPRESSED;
  return { value: !supply.value ? null : (demand.value ?? 0) / supply.value, suppressed: false };
}

/** current - previous of published values, suppressed when either is. */
export function publishChange(current: Cell, previous: Cell): Cell {
  if (current.suppressed || previous.suppressed) return SUPPRESSED;
  return { value: (current.value ?? 0) - (previous.value ?? 0), suppressed: false };
}

/** How a cell reads in a CSV file: the number, empty for null, `<threshold` when suppressed. */
export function cellText(cell: Cell, threshold: number): string {
  if (cell.suppressed) return `<${threshold}`;
  return cell.value === null ? '' : String(cell.value);
}
