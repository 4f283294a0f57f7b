/**
 * What the ingest benchmarks share: a fresh index set for a demo data set
 * served by the issuers' process (the skills index, the earners' registered
 * ids and their consent loaded before any timing), and a peak-RSS sampler.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DirectorySettingsDocument } from '../../../mappings/directory-settings.ts';
import { deleteAllIndices, type IndexTarget } from '../../../mappings/indices.ts';
import type { PathwayDefinition } from '../../../mappings/pathways.ts';
import { IndexStore } from '../../../indexer/store/index-store.ts';
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import { ensureSkillsIndex } from '../../../indexer/taxonomy/skills-index.ts';
import { registerDemoEarners } from '../../demo/load.ts';
import type { EarnerRecord } from '../../demo/types.ts';

const readJsonLines = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Empties `target`, creates its indices and loads what an ingest of the demo in `folder` expects to find; returns its store and pathways. */
export async function prepareIngestTarget(
  target: IndexTarget,
  folder: string,
  taxonomy: Taxonomy,
): Promise<{ store: IndexStore; pathways: PathwayDefinition[] }> {
  const settings = await readJsonLines<DirectorySettingsDocument>(path.join(folder, 'settings.jsonl'));
  const pathways = JSON.parse(await readFile(path.join(folder, 'pathways.json'), 'utf8')) as PathwayDefinition[];
  const records = JSON.parse(await readFile(path.join(folder, 'records.json'), 'utf8')) as EarnerRecord[];
  await deleteAllIndices(target);
  const store = new IndexStore(target);
  await store.ensureIndices();
  await ensureSkillsIndex(store, taxonomy);
  // Consent is the earners' own data, and their ids are registered: loaded before, outside the timing.
  await registerDemoEarners({ records, settings }, { store, now: () => new Date() });
  await store.write(
    'directory-settings',
    settings.map((s) => ({ id: s.earnerId, document: s })),
    { refresh: true },
  );
  return { store, pathways };
}

/** Samples this process's RSS (worker threads included) every 50 ms; `stop` returns the peak in bytes. */
export function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}
