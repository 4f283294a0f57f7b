/** What the trend chart plots: demand, supply or their ratio, with its name and how a point reads. Pure. */
import { countText, ratioText, type Cell } from './cells';
import type { TrendSeries } from './trend.svelte';

export type TrendMetric = 'demand' | 'supply' | 'ratio';

export const TREND_METRICS: readonly { value: TrendMetric; label: string }[] = [
  { value: 'demand', label: 'Demand (job postings)' },
  { value: 'supply', label: 'Verified supply (earners)' },
  { value: 'ratio', label: 'Postings per verified earner' },
];

export type TrendPoint = TrendSeries['points'][number];

export function pointCell(point: TrendPoint, metric: TrendMetric): Cell {
  return point[metric];
}

export function pointText(point: TrendPoint | undefined, metric: TrendMetric, threshold: number): string {
  if (!point) return '—';
  return metric === 'ratio' ? ratioText(point.ratio) : countText(point[metric], threshold);
}

/** Line colours (3:1 or more on white) with dash patterns, so lines differ without colour too. */
export const SERIES_STYLES = [
  { color: '#1d4ed8', dash: '' },
  { color: '#b45309', dash: '6 3' },
  { color: '#047857', dash: '2 3' },
  { color: '#7c3aed', dash: '10 3 2 3' },
  { color: '#be123c', dash: '1 0' },
] as const;

export function seriesStyle(index: number): (typeof SERIES_STYLES)[number] {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}
