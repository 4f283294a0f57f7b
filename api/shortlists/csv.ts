/**
 * A shortlist as CSV: only what the employer sees in search (name, headline,
 * location) plus their own status and note; no contact details. Earners no
 * longer listed are left out. Pure.
 */
import { csvField } from '../reports/csv.ts';
import type { ShortlistView } from './service.ts';

export const SHORTLIST_CSV_COLUMNS = ['name', 'headline', 'location', 'status', 'note', 'added_at'] as const;

export function shortlistCsv(list: ShortlistView): string {
  const rows = list.entries.flatMap((entry) => {
    if (!entry.listed || !entry.earner) return [];
    const { name, headline, location } = entry.earner;
    // As search cards show it: "Columbus, OH".
    const place = location ? [location.city, location.region.replace(/^[A-Z]{2}-/, '')].filter(Boolean).join(', ') : '';
    // Every cell may hold earner- or employer-written text: all are defused against formulas.
    return [
      [name, headline ?? '', place, entry.status ?? '', entry.note ?? '', entry.addedAt ?? '']
        .map((cell) => csvField(cell, true))
        .join(','),
    ];
  });
  return [SHORTLIST_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** `shortlist_<name>_<day>.csv`, in characters safe in a header. */
export function shortlistCsvFilename(list: ShortlistView, at: Date): string {
  return `shortlist_${list.name}_${at.toISOString().slice(0, 10)}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 120) + '.csv';
}
