/**
 * The benchmark's data set: loaded once under its own index prefix and
 * reused while its description (kept in the earners index's mapping `_meta`)
 * matches the flags. Loading follows the indexer's rebuild path: a fresh
 * versioned index with refreshes off, bulk writes, then the alias swap.
 */
import type { Client } from '@elastic/elasticsearch';
import { aliasName, ensureAllIndices, rebuildIndex, type IndexKind, type IndexTarget } from '../../mappings/indices.ts';
import { loadSkillsIndex } from '../../indexer/taxonomy/skills-index.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { writeDocuments, type WriteItem } from '../../indexer/store/bulk-write.ts';
import { FIXTURE_NOW, generateDirectory } from '../../test/support/generators/directory.ts';
import { badgeClassDocuments, earnerDocuments } from '../../test/support/generators/documents.ts';
import { chooseSearches, type BenchSearch } from './searches.ts';

/** Bump when the generator, the documents or the search choice change: older data sets are rebuilt. */
const DATASET_VERSION = 2;

export interface DatasetDescription {
  version: number;
  seed: number;
  /** Earners generated (each one document). */
  earners: number;
  /** Earners who opted in (the only ones a search can find). */
  listedEarners: number;
  /** Badges (credentials) across all earners. */
  badges: number;
  searches: BenchSearch[];
  loadedAt: string;
  loadSeconds: number;
}

export interface Dataset extends DatasetDescription {
  prefix: string;
  /** True when an existing data set was used as it was. */
  reused: boolean;
}

export function datasetPrefix(earners: number): string {
  return `bench-search-${earners}`;
}

async function storedDescription(client: Client, prefix: string): Promise<DatasetDescription | undefined> {
  const alias = aliasName(prefix, 'earners');
  if (!(await client.indices.existsAlias({ name: alias }))) return undefined;
  const mappings = await client.indices.getMapping({ index: alias });
  const meta = Object.values(mappings)[0]?.mappings._meta as { bench?: DatasetDescription } | undefined;
  return meta?.bench;
}

async function rebuildWith<T>(target: IndexTarget, kind: IndexKind, items: Iterable<WriteItem<T>>): Promise<string> {
  const result = await rebuildIndex(target, kind, async (index) => {
    const written = await writeDocuments(target.client, index, items);
    if (written.rejected.length > 0)
      throw new Error(
        `the engine rejected ${written.rejected.length} ${kind} documents, first: ${written.rejected[0]!.id}: ${written.rejected[0]!.reason}`,
      );
    return written.written;
  });
  return result.index;
}

/** Passes the documents on, logging every tenth of the way (a million earners take a while). */
function* withProgress<T>(items: Iterable<T>, total: number, log: (line: string) => void): Generator<T> {
  const step = Math.max(1, Math.ceil(total / 10));
  const started = Date.now();
  let done = 0;
  for (const item of items) {
    yield item;
    if (++done % step === 0) {
      const seconds = (Date.now() - started) / 1000;
      log(
        `  ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} earner documents handed to _bulk (${Math.round(done / seconds)}/s)`,
      );
    }
  }
}

async function load(
  client: Client,
  prefix: string,
  earners: number,
  seed: number,
  log: (line: string) => void,
): Promise<DatasetDescription> {
  const started = Date.now();
  const target: IndexTarget = { client, prefix, replicas: 0 };
  const taxonomy = loadTaxonomy();
  log(`generating ${earners} earners (seed ${seed})`);
  const directory = generateDirectory(taxonomy, seed, earners, FIXTURE_NOW);
  await ensureAllIndices(target);
  await loadSkillsIndex(new IndexStore(target), taxonomy);
  await rebuildWith(target, 'badge-classes', badgeClassDocuments(directory, FIXTURE_NOW));
  log(`writing ${earners} earner documents with ${directory.credentials.length} badges`);
  const earnersIndex = await rebuildWith(target, 'earners', withProgress(earnerDocuments(directory, taxonomy, FIXTURE_NOW), earners, log));
  // Settle merges now, so they do not run during the measurements.
  await client.indices.forcemerge({ index: earnersIndex }, { requestTimeout: 600_000 });
  const description: DatasetDescription = {
    version: DATASET_VERSION,
    seed,
    earners: directory.records.length,
    listedEarners: directory.records.filter((r) => r.listed).length,
    badges: directory.credentials.length,
    searches: chooseSearches(directory, taxonomy),
    loadedAt: new Date().toISOString(),
    loadSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  // Written last: a data set whose load was interrupted has no description and is loaded again.
  await client.indices.putMapping({ index: earnersIndex, _meta: { bench: description } });
  return description;
}

/** The data set for these flags: reused when present and current, loaded otherwise. */
export async function ensureDataset(
  client: Client,
  options: { earners: number; seed: number; reload: boolean },
  log: (line: string) => void,
): Promise<Dataset> {
  const prefix = datasetPrefix(options.earners);
  const stored = await storedDescription(client, prefix);
  if (!options.reload && stored?.version === DATASET_VERSION && stored.seed === options.seed && stored.earners === options.earners) {
    await ensureAllIndices({ client, prefix, replicas: 0 });
    log(`reusing data set ${prefix} (loaded ${stored.loadedAt}; --reload builds it again)`);
    return { ...stored, prefix, reused: true };
  }
  return { ...(await load(client, prefix, options.earners, options.seed, log)), prefix, reused: false };
}
