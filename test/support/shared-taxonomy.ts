/**
 * The skills and occupations indices are the same for every test (built from
 * the shipped taxonomy: about 5,000 skills with typeahead inputs and 900
 * occupation profiles) and cost the engine several seconds of CPU each time
 * they are loaded. The global setup loads them once per run under a prefix of
 * their own; a test's prefix then reaches them through read-only aliases
 * (`<prefix>-skills`, `<prefix>-occupations`) instead of loading its own copy.
 * The product's "load when empty" check (`ensureSkillsIndex`) sees them and
 * skips the load; a rebuild on the test's prefix swaps its alias to a new
 * index of its own and never touches the shared one (`rebuildIndex` deletes
 * only its own prefix's versions).
 */
import type { Client } from '@elastic/elasticsearch';
import { aliasName, aliasTargets, deleteAllIndices, type IndexTarget } from '../../mappings/indices.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { loadOccupationsIndex, loadSkillsIndex } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';

const SHARED_KINDS = ['skills', 'occupations'] as const;

/**
 * One prefix per test run, so parallel runs on one engine never share or delete each other's: the one `npm test`
 * loaded during its checks (TEST_TAXONOMY_PREFIX, preload-taxonomy.ts), else one of the vitest main process.
 */
export function sharedTaxonomyPrefix(): string {
  return process.env.TEST_TAXONOMY_PREFIX || `test-taxonomy-${process.pid}`;
}

const loading = new Map<string, Promise<void>>();

/** Loads the shared indices once per run, however many vitest projects' global setups ask (and whenever they ask). */
export async function loadSharedTaxonomy(client: Client, prefix: string): Promise<() => Promise<void>> {
  const target: IndexTarget = { client, prefix, replicas: 0 };
  if (!loading.has(prefix)) loading.set(prefix, loadOnce(target));
  await loading.get(prefix);
  return () => deleteAllIndices(target);
}

async function loadOnce(target: IndexTarget): Promise<void> {
  const store = new IndexStore(target);
  if ((await aliasTargets(target, 'skills')).length === 0) await loadSkillsIndex(store, loadTaxonomy());
  if ((await aliasTargets(target, 'occupations')).length === 0) await loadOccupationsIndex(store);
}

/**
 * Points `target`'s skills and occupations aliases at the shared indices
 * (moving them off the target's own empty ones, if an API created those
 * already; `ensureIndices` keeps these aliases). The aliases are not write indices: a test that writes
 * skills through them fails loudly instead of changing every test's data.
 */
export async function linkSharedTaxonomy(target: IndexTarget, sharedPrefix: string): Promise<void> {
  const shared: IndexTarget = { client: target.client, prefix: sharedPrefix, replicas: 0 };
  const actions = [];
  for (const kind of SHARED_KINDS) {
    const [index] = await aliasTargets(shared, kind);
    if (!index) throw new Error(`the shared ${kind} index (${aliasName(sharedPrefix, kind)}) is missing: the global setup loads it`);
    const alias = aliasName(target.prefix, kind);
    // An API started on the prefix already created empty ones: the alias moves (atomically); cleanup deletes them.
    for (const own of await aliasTargets(target, kind)) actions.push({ remove: { index: own, alias } });
    actions.push({ add: { index, alias, is_write_index: false } });
  }
  await target.client.indices.updateAliases({ actions });
}

/** Drops `target`'s aliases onto the shared indices, if it has any (its own indices are deleted separately). */
export async function unlinkSharedTaxonomy(target: IndexTarget): Promise<void> {
  await target.client.indices.deleteAlias(
    { index: '_all', name: SHARED_KINDS.map((kind) => aliasName(target.prefix, kind)) },
    { ignore: [404] },
  );
}
