/**
 * Loads a demo data set into the indices the way a real deployment fills
 * them: the earners' settings (their own choices), the pathways and the job
 * postings first, then the demo's issuer registry, then every credential
 * through the normal ingest (verified over HTTP against the demo issuer
 * server), and last the few badges of the one issuer no registry lists.
 */
import type { EarnerLink } from '../../mappings/earner-ids.ts';
import type { EarnerContext } from '../../indexer/earners/refresh.ts';
import { ingestPostings } from '../../indexer/demand/ingest.ts';
import type { ImportRow } from '../../indexer/ingest/imports.ts';
import { ingest } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import type { Reject } from '../../indexer/ingest/prepare.ts';
import type { RunSummary } from '../../indexer/ingest/summary.ts';
import type { Taxonomy } from '../../indexer/taxonomy/index.ts';
import type { VerifyOptions } from '../../indexer/verify/types.ts';
import { applyRegistries } from '../../indexer/issuers/import.ts';
import { parseRegistryFile } from '../../indexer/issuers/registry-file.ts';
import { demoRegistry } from './issuers/registry.ts';
import { unknownIssuerUnits } from './issuers/unknown-issuer.ts';
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

/**
 * Registers the demo earners' ids in the private index before anything is
 * ingested, as a deployment that knows its people would: their credentials
 * then land on these ids. An address already linked keeps its earlier id, and
 * the data set's records and settings take that id (they are the ground truth).
 */
export async function registerDemoEarners(
  dataset: Pick<DemoDataset, 'records' | 'settings'>,
  options: Pick<DemoLoadOptions, 'store' | 'now'>,
): Promise<void> {
  // Registered just before the run, so these ids are the older ones in any merge.
  const assignedAt = new Date(options.now().getTime() - 1000).toISOString();
  const keys = dataset.records.map((r) => `email:${r.email.toLowerCase()}`);
  const existing = await options.store.earnersByIdentity(keys);
  const renamed = new Map<string, string>();
  const links = new Map<string, EarnerLink>();
  dataset.records.forEach((record, i) => {
    const known = existing.get(keys[i]!);
    if (known && known.earnerId !== record.earnerId) renamed.set(record.earnerId, known.earnerId);
    if (!known) links.set(keys[i]!, { earnerId: record.earnerId, assignedAt });
  });
  for (const record of dataset.records) record.earnerId = renamed.get(record.earnerId) ?? record.earnerId;
  for (const settings of dataset.settings) settings.earnerId = renamed.get(settings.earnerId) ?? settings.earnerId;
  await options.store.linkIdentities(links);
}

export async function loadDemo(dataset: DemoDataset, options: DemoLoadOptions): Promise<RunSummary> {
  const { store } = options;
  await registerDemoEarners(dataset, options);
  await store.write(
    'directory-settings',
    dataset.settings.map((s) => ({ id: s.earnerId, document: s })),
    { refresh: true },
  );
  await store.write(
    'pathways',
    dataset.pathways.map((p) => ({ id: p.id, document: p })),
    { refresh: true },
  );
  // The demo's issuers are recognized through their registry, loaded before any credential.
  const registry = parseRegistryFile(JSON.stringify(demoRegistry(dataset.issuers, dataset.options.issuerBaseUrl)), 'demo registry');
  if (registry.problems.length > 0)
    throw new Error(`demo registry: ${registry.problems.map((p) => `line ${p.line}: ${p.reason}`).join('; ')}`);
  await applyRegistries(options, [{ file: 'registry.json', format: registry.format, name: registry.name, entries: registry.entries }]);
  const postings = dataset.postings.map((row, i) => ({
    kind: 'row' as const,
    source: `demo/postings.jsonl:${i + 1}`,
    row: { ...row } satisfies ImportRow,
  }));
  const demand = await ingestPostings(postings, store, options.taxonomy, options.now());
  if (demand.rejected > 0) throw new Error(`demo postings rejected: ${demand.problems.join('; ')}`);
  const summary = await ingest(demoUnits(dataset), { ...options, pathways: dataset.pathways, chunkSize: 500 });
  // The demo's unrecognized issuer: its badges show what employers see of an issuer no registry lists.
  await ingest(await unknownIssuerUnits(dataset), { ...options, pathways: dataset.pathways });
  return summary;
}
