/**
 * Loads a demo data set into the indices the way a real deployment fills
 * them: the earners' settings (their own choices), the pathways and the job
 * postings first, then every credential through the normal ingest (verified
 * over HTTP against the demo issuer server).
 */
import type { EarnerContext } from '../earners/refresh.ts';
import { ingestPostings } from '../demand/ingest.ts';
import type { ImportRow } from '../ingest/imports.ts';
import { ingest } from '../ingest/ingest.ts';
import type { InputUnit } from '../ingest/inputs.ts';
import type { Reject } from '../ingest/prepare.ts';
import type { RunSummary } from '../ingest/summary.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import type { VerifyOptions } from '../verify/types.ts';
import type { DemoDataset } from './types.ts';

export interface DemoLoadOptions extends EarnerContext {
  taxonomy: Taxonomy;
  verify: VerifyOptions;
  onReject?: (reject: Reject) => void;
  onProgress?: (summary: RunSummary) => void;
  /** Stops the credential ingest between chunks (see `IngestOptions.signal`). */
  signal?: AbortSignal;
}

export function demoUnits(dataset: DemoDataset, label = 'demo'): InputUnit[] {
  return dataset.credentials.map((c, i) => ({ kind: 'credential', source: `${label}/credentials.jsonl:${i + 1}`, bytes: c.bytes }));
}

export async function loadDemo(dataset: DemoDataset, options: DemoLoadOptions): Promise<RunSummary> {
  const { store } = options;
  await store.write('directory-settings', dataset.settings.map((s) => ({ id: s.earnerId, document: s })), { refresh: true });
  await store.write('pathways', dataset.pathways.map((p) => ({ id: p.id, document: p })), { refresh: true });
  const postings = dataset.postings.map((row, i) => ({ kind: 'row' as const, source: `demo/postings.jsonl:${i + 1}`, row: row as unknown as ImportRow }));
  const demand = await ingestPostings(postings, store, options.taxonomy, options.now());
  if (demand.rejected > 0) throw new Error(`demo postings rejected: ${demand.problems.join('; ')}`);
  return ingest(demoUnits(dataset), { ...options, pathways: dataset.pathways, chunkSize: 500 });
}
