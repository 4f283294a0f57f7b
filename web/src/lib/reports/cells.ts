/**
 * Published report numbers in words. A suppressed count is never shown as a
 * number: it reads "fewer than N" (N the privacy threshold), and a ratio or a
 * change computed from one reads "not shown". Pure.
 */

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

const whole = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function countText(cell: Cell, threshold: number): string {
  if (cell.suppressed || cell.value === null) return `fewer than ${threshold}`;
  return whole.format(cell.value);
}

/** Demand per verified earner; without supply there is no ratio (the largest kind of gap). */
export function ratioText(cell: Cell): string {
  if (cell.suppressed) return 'not shown';
  if (cell.value === null) return 'no verified earners';
  return oneDecimal.format(cell.value);
}

/** A change since the previous snapshot: signed (0 for none), or "not shown" when a side was too small. */
export function changeText(cell: Cell | null | undefined): string {
  if (!cell) return '—';
  if (cell.suppressed || cell.value === null) return 'not shown';
  if (cell.value === 0) return '0';
  return `${cell.value > 0 ? '+' : '−'}${whole.format(Math.abs(cell.value))}`;
}

/** One side of a change in words: "demand up 5", "supply unchanged", "demand change not shown". */
export function changeWords(measure: 'demand' | 'supply', cell: Cell | null | undefined): string {
  if (!cell) return `${measure}: no earlier snapshot`;
  if (cell.suppressed || cell.value === null) return `${measure} change not shown`;
  if (cell.value === 0) return `${measure} unchanged`;
  return `${measure} ${cell.value > 0 ? 'up' : 'down'} ${whole.format(Math.abs(cell.value))}`;
}

/** The value a chart may draw: null for a suppressed cell (drawn as a marker, never to scale). */
export function drawable(cell: Cell): number | null {
  return cell.suppressed ? null : cell.value;
}

/** One sentence of the privacy rule, for notes and chart descriptions. */
export function privacyRule(threshold: number): string {
  return `To protect privacy, any count from 1 to ${threshold - 1} is shown as “fewer than ${threshold}”, and ratios or changes computed from such a count are not shown, so no report can single out a person.`;
}
