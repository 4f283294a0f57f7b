/**
 * The reports' documented disclosure control, written out again for tests,
 * independently of `api/reports/suppression.ts` (README, "Report disclosure
 * control"): with the test secret, the published value of every cell is
 * known exactly from the true count.
 */
import { createHmac } from 'node:crypto';

export const TEST_NOISE_SECRET = 'test-report-noise-secret-0123456789abcdef';
export const THRESHOLD = 5;

export interface PublishedCell {
  value: number | null;
  suppressed: boolean;
}

/** A cell: measure, skill, region (ALL), occupation (demand only), window in months (demand and searches). */
export interface CellOf {
  measure: 'demand' | 'supply' | 'searches' | 'searchesWithFewResults';
  skillId: string;
  region?: string | undefined;
  occupation?: string | undefined;
  windowMonths?: number | undefined;
}

export function noiseOf(cell: CellOf, secret = TEST_NOISE_SECRET): number {
  const windowed = cell.measure !== 'supply';
  const text = [
    cell.measure,
    cell.skillId,
    cell.region ?? 'ALL',
    cell.measure === 'demand' ? (cell.occupation ?? '-') : '-',
    windowed ? (cell.windowMonths ?? 12) : '-',
  ].join('|');
  return (createHmac('sha256', secret).update(text).digest().readUInt32BE(0) % 5) - 2;
}

/** What the API must publish for `noised` = count + noise. */
export function fromNoised(noised: number, threshold = THRESHOLD): PublishedCell {
  if (noised <= 0) return { value: 0, suppressed: false };
  if (noised < threshold) return { value: null, suppressed: true };
  return { value: 5 * Math.round(noised / 5), suppressed: false };
}

export function expectedCell(count: number, cell: CellOf, secret = TEST_NOISE_SECRET): PublishedCell {
  return fromNoised(count + noiseOf(cell, secret));
}

export function expectedRatio(demand: PublishedCell, supply: PublishedCell): PublishedCell {
  if (demand.suppressed || supply.suppressed) return { value: null, suppressed: true };
  return { value: !supply.value ? null : (demand.value ?? 0) / supply.value, suppressed: false };
}

export function cellText(cell: PublishedCell, threshold = THRESHOLD): string {
  return cell.suppressed ? `<${threshold}` : cell.value === null ? '' : String(cell.value);
}
