/**
 * Small-cell suppression: the one privacy rule every report output (GraphQL
 * rows and trends, CSV) goes through, so no report can single out a person.
 *
 * - A count from 1 to `threshold - 1` is suppressed: its value is null and
 *   `suppressed` is true (the CSV writes `<threshold`).
 * - Zero is shown: no person is singled out by "nobody".
 * - A ratio or a change computed from a suppressed cell is suppressed too,
 *   and so is a change whose previous value would have been suppressed
 *   (otherwise the difference of two shown numbers would reveal it).
 */

/** A published number: the value, or null with `suppressed` set when it could identify someone. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

const SUPPRESSED: Cell = Object.freeze({ value: null, suppressed: true });

/** True for a count that must not be shown: 1 to threshold - 1. */
export function isSmallCount(count: number, threshold: number): boolean {
  return count >= 1 && count < threshold;
}

export function publishCount(count: number, threshold: number): Cell {
  return isSmallCount(count, threshold) ? SUPPRESSED : { value: count, suppressed: false };
}

/** demand / supply; null (not suppressed) when supply is 0 and demand is shown. */
export function publishRatio(demand: number, supply: number, threshold: number): Cell {
  if (isSmallCount(demand, threshold) || isSmallCount(supply, threshold)) return SUPPRESSED;
  return { value: supply === 0 ? null : demand / supply, suppressed: false };
}

/** current - previous, suppressed when either side is a small count. */
export function publishChange(current: number, previous: number, threshold: number): Cell {
  if (isSmallCount(current, threshold) || isSmallCount(previous, threshold)) return SUPPRESSED;
  return { value: current - previous, suppressed: false };
}

/** How a cell reads in a CSV file: the number, empty for null, `<threshold` when suppressed. */
export function cellText(cell: Cell, threshold: number): string {
  if (cell.suppressed) return `<${threshold}`;
  return cell.value === null ? '' : String(cell.value);
}
