/**
 * `indexer demand`: job postings into the postings index. Every bad row is
 * reported with its row and column and skipped; every good row is stored;
 * skills that match no taxonomy entry are counted and kept on the posting.
 */
import type { PostingDocument } from '../../mappings/postings.ts';
import type { IndexStore } from '../store/index-store.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { preparePosting } from './prepare.ts';
import type { PostingRowUnit } from './read.ts';

export interface DemandSummary {
  rows: number;
  accepted: number;
  rejected: number;
  /** Every problem, naming the row and column. */
  problems: string[];
  /** Unmatched skill text -> how many postings require it. */
  unknownSkills: Record<string, number>;
}

export async function ingestPostings(
  units: readonly PostingRowUnit[],
  store: IndexStore,
  taxonomy: Taxonomy,
  now: Date,
): Promise<DemandSummary> {
  const summary: DemandSummary = { rows: units.length, accepted: 0, rejected: 0, problems: [], unknownSkills: {} };
  const postings: PostingDocument[] = [];
  for (const unit of units) {
    if (unit.kind === 'problem') {
      summary.rejected++;
      summary.problems.push(unit.detail);
      continue;
    }
    const prepared = preparePosting(unit.row, unit.source, taxonomy, now);
    if (!prepared.ok) {
      summary.rejected++;
      summary.problems.push(...prepared.problems);
      continue;
    }
    postings.push(prepared.posting);
    for (const s of prepared.posting.unmappedSkills) summary.unknownSkills[s] = (summary.unknownSkills[s] ?? 0) + 1;
  }
  if (postings.length > 0) {
    const result = await store.write(
      'postings',
      postings.map((p) => ({ id: p.id, document: p })),
      { refresh: true },
    );
    summary.accepted = result.written;
    summary.rejected += result.rejected.length;
    summary.problems.push(...result.rejected.map((r) => `${r.id}: the engine rejected it (${r.reason})`));
  }
  return summary;
}

export function formatDemandSummary(s: DemandSummary): string {
  const unknown = Object.entries(s.unknownSkills).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `Demand: ${s.rows} rows, ${s.accepted} postings stored, ${s.rejected} rejected`,
    ...s.problems.map((p) => `  rejected: ${p}`),
    `  skills matching no taxonomy entry: ${unknown.length}${
      unknown.length
        ? ` (${unknown
            .slice(0, 10)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}${unknown.length > 10 ? ', …' : ''})`
        : ''
    }`,
  ].join('\n');
}
