/**
 * Index and alias names, and the zero-downtime rebuild.
 *
 * Readers and writers address an index by its alias (`<prefix>-earners`);
 * the alias points at one physical, versioned index (`<prefix>-earners-v3`).
 * A rebuild fills a new version while readers keep using the old one, then
 * moves the alias in one atomic `updateAliases` call.
 */
import type { Client } from '@elastic/elasticsearch';
import type { IndicesIndexSettings, MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import { accountsMapping } from './accounts.ts';
import { badgeClassesMapping } from './badge-classes.ts';
import { claimTokensMapping } from './claim-tokens.ts';
import { contactQuotasMapping } from './contact-quotas.ts';
import { contactsMapping } from './contacts.ts';
import { credentialsMapping } from './credentials.ts';
import { didChallengesMapping } from './did-challenges.ts';
import { directorySettingsMapping } from './directory-settings.ts';
import { earnerDidsMapping } from './earner-dids.ts';
import { earnerIdsMapping } from './earner-ids.ts';
import { issuersMapping } from './issuers.ts';
import { issuerApiKeysMapping } from './issuer-api-keys.ts';
import { messageTemplatesMapping } from './message-templates.ts';
import { earnersMapping } from './earners.ts';
import { employerSignupsMapping } from './employer-signups.ts';
import { occupationsMapping } from './occupations.ts';
import { outboxMapping } from './outbox.ts';
import { passwordResetsMapping } from './password-resets.ts';
import { pathwaysMapping } from './pathways.ts';
import { postingsMapping } from './postings.ts';
import { reportSnapshotsMapping } from './report-snapshots.ts';
import { savedSearchesMapping } from './saved-searches.ts';
import { searchLogMapping } from './search-log.ts';
import { shortlistsMapping } from './shortlists.ts';
import { skillsMapping } from './skills.ts';

export const INDEX_KINDS = [
  'earners',
  'credentials',
  'badge-classes',
  'skills',
  'pathways',
  'directory-settings',
  'contacts',
  'accounts',
  'claim-tokens',
  'outbox',
  'postings',
  'occupations',
  'search-log',
  'report-snapshots',
  'contact-quotas',
  'earner-ids',
  'issuers',
  'saved-searches',
  'shortlists',
  'issuer-api-keys',
  'message-templates',
  'password-resets',
  'employer-signups',
  'did-challenges',
  'earner-dids',
] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

export interface IndexDefinition {
  mappings: MappingTypeMapping;
  /** Index settings of this kind beyond the shared ones. */
  settings?: IndicesIndexSettings;
  /**
   * True when the indexer can rebuild it from sources. False for systems of
   * record (settings, contact requests): those are migrated, never rebuilt.
   */
  rebuildable: boolean;
}

export const INDEX_DEFINITIONS: Record<IndexKind, IndexDefinition> = {
  // An earner page shows every badge through nested inner hits, which the engine caps at 100 by default.
  earners: { mappings: earnersMapping, rebuildable: true, settings: { max_inner_result_window: 1000 } },
  // The accepted credentials are a system of record: earners are rebuilt from them.
  credentials: { mappings: credentialsMapping, rebuildable: false },
  'badge-classes': { mappings: badgeClassesMapping, rebuildable: true },
  skills: { mappings: skillsMapping, rebuildable: true },
  // Loaded from pathway definition files; kept as given.
  pathways: { mappings: pathwaysMapping, rebuildable: false },
  'directory-settings': { mappings: directorySettingsMapping, rebuildable: false },
  contacts: { mappings: contactsMapping, rebuildable: false },
  accounts: { mappings: accountsMapping, rebuildable: false },
  'claim-tokens': { mappings: claimTokensMapping, rebuildable: false },
  outbox: { mappings: outboxMapping, rebuildable: false },
  // Job postings (demand), kept as ingested.
  postings: { mappings: postingsMapping, rebuildable: false },
  // From the shipped taxonomy data, like skills.
  occupations: { mappings: occupationsMapping, rebuildable: true },
  // Anonymous employer searches (a demand signal), kept as logged.
  'search-log': { mappings: searchLogMapping, rebuildable: false },
  // Skill-gap report snapshots written by the API's snapshot job.
  'report-snapshots': { mappings: reportSnapshotsMapping, rebuildable: false },
  // Per-employer contact counters, written with optimistic concurrency.
  'contact-quotas': { mappings: contactQuotasMapping, rebuildable: false },
  // Private: identity -> random earner id, assigned once. A system of record (ids must outlive every rebuild).
  'earner-ids': { mappings: earnerIdsMapping, rebuildable: false },
  // The issuer registry: loaded from registry files and changed by admins, never rebuilt.
  issuers: { mappings: issuersMapping, rebuildable: false },
  // Employers' saved searches and what each matched at its last alert run.
  'saved-searches': { mappings: savedSearchesMapping, rebuildable: false },
  // Employers' shortlists: their own notes, a system of record.
  shortlists: { mappings: shortlistsMapping, rebuildable: false },
  // Issuers' push keys (hashes only), created and revoked by admins.
  'issuer-api-keys': { mappings: issuerApiKeysMapping, rebuildable: false },
  // Employers' named contact-request messages, private to their account.
  'message-templates': { mappings: messageTemplatesMapping, rebuildable: false },
  // One-time password links (hashed), like claim tokens.
  'password-resets': { mappings: passwordResetsMapping, rebuildable: false },
  // Requests for employer accounts, awaiting an admin's decision.
  'employer-signups': { mappings: employerSignupsMapping, rebuildable: false },
  // One-time DID Auth challenges (hashed), like password-reset links.
  'did-challenges': { mappings: didChallengesMapping, rebuildable: false },
  // Private: DIDs earners proved control of; a system of record (a proof cannot be re-run without the earner's wallet).
  'earner-dids': { mappings: earnerDidsMapping, rebuildable: false },
};

/**
 * Systems of record: what a backup saves and a restore brings back (the
 * `rebuildable: false` kinds, so a new kind is backed up by its definition
 * alone). Everything else is derived and rebuilt after a restore.
 */
export const RECORD_KINDS: readonly IndexKind[] = INDEX_KINDS.filter((kind) => !INDEX_DEFINITIONS[kind].rebuildable);
export const DERIVED_KINDS: readonly IndexKind[] = INDEX_KINDS.filter((kind) => INDEX_DEFINITIONS[kind].rebuildable);

/** What readers and writers use: `<prefix>-<kind>`. */
export function aliasName(prefix: string, kind: IndexKind): string {
  return `${prefix}-${kind}`;
}

/** A physical index: `<prefix>-<kind>-v<version>`. */
export function versionedName(prefix: string, kind: IndexKind, version: number): string {
  return `${aliasName(prefix, kind)}-v${version}`;
}

/** The version of a physical index of this prefix and kind, or null if the name is not one. */
export function parseVersion(indexName: string, prefix: string, kind: IndexKind): number | null {
  const stem = `${aliasName(prefix, kind)}-v`;
  if (!indexName.startsWith(stem)) return null;
  const rest = indexName.slice(stem.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

export function nextVersion(existing: string[], prefix: string, kind: IndexKind): number {
  const versions = existing.map((name) => parseVersion(name, prefix, kind)).filter((v): v is number => v !== null);
  return versions.length === 0 ? 1 : Math.max(...versions) + 1;
}

export interface IndexTarget {
  client: Client;
  prefix: string;
  /** Replicas once an index is live (0 on a single node). */
  replicas: number;
  /** Primary shards of the earners index (default 1); every other index has one. */
  shards?: number;
}

/** Physical indices of this prefix and kind (exact names only, never another prefix's). */
export async function listVersions({ client, prefix }: IndexTarget, kind: IndexKind): Promise<string[]> {
  const response = await client.indices.get(
    { index: `${aliasName(prefix, kind)}-v*`, expand_wildcards: ['open', 'closed'], allow_no_indices: true, ignore_unavailable: true },
    { ignore: [404] },
  );
  return Object.keys(response)
    .filter((name) => parseVersion(name, prefix, kind) !== null)
    .sort((a, b) => (parseVersion(a, prefix, kind) ?? 0) - (parseVersion(b, prefix, kind) ?? 0));
}

/** The physical indices the alias points at now (empty when there is no alias). */
export async function aliasTargets({ client, prefix }: IndexTarget, kind: IndexKind): Promise<string[]> {
  const alias = aliasName(prefix, kind);
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return [];
  return Object.keys(await client.indices.getAlias({ name: alias }));
}

/**
 * Every index has ONE primary shard, except the earners index when
 * `INDEX_SHARDS` asks for more: its documents are routed by earner id (each
 * earner with all their badges on one shard, so per-shard earner counts add
 * up), and the API asks every shard for all its facet values when there are
 * several (see `facetShardSize`), so counts stay exact.
 */
async function createVersion(target: IndexTarget, kind: IndexKind, settings: IndicesIndexSettings): Promise<string> {
  const index = versionedName(target.prefix, kind, nextVersion(await listVersions(target, kind), target.prefix, kind));
  await createIndex(target, kind, index, settings);
  return index;
}

/** Creates the index and returns once its primary shard has started (the create call's default wait). */
async function createIndex(target: IndexTarget, kind: IndexKind, index: string, settings: IndicesIndexSettings): Promise<void> {
  await target.client.indices.create({
    index,
    mappings: INDEX_DEFINITIONS[kind].mappings,
    settings: { ...INDEX_DEFINITIONS[kind].settings, ...settings, number_of_shards: kind === 'earners' ? (target.shards ?? 1) : 1 },
  });
}

const alreadyExists = (error: unknown) =>
  (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type === 'resource_already_exists_exception';

/**
 * Makes sure the alias exists, creating version 1 behind it the first time.
 * The alias is added only once the index's shard has started, so a reader
 * never reaches an index that cannot answer yet. Processes starting at the
 * same moment (the API and the indexer) both end up on the same version 1.
 * Returns the alias.
 */
export async function ensureIndex(target: IndexTarget, kind: IndexKind): Promise<string> {
  const created = await ensureFirstVersion(target, kind);
  if (created) await target.client.indices.updateAliases({ actions: [aliasAdd(created)] });
  return aliasName(target.prefix, kind);
}

interface CreatedVersion {
  index: string;
  alias: string;
}

const aliasAdd = ({ index, alias }: CreatedVersion) => ({ add: { index, alias, is_write_index: true } });

/**
 * The existing alias brought up to date (null), or version 1 created and
 * started, still without its alias. The create request returns once the
 * primary shard has started (`wait_for_active_shards` 1, the default).
 */
async function ensureFirstVersion(target: IndexTarget, kind: IndexKind): Promise<CreatedVersion | null> {
  const alias = aliasName(target.prefix, kind);
  if ((await aliasTargets(target, kind)).length > 0) {
    // Systems of record are never rebuilt: fields added to their mapping since the index was created are added in place
    // (a strict mapping would refuse documents carrying them). A changed field type is refused here, naming the index.
    if (!INDEX_DEFINITIONS[kind].rebuildable) await addNewFields(target, kind, alias);
    return null;
  }
  const index = versionedName(target.prefix, kind, nextVersion(await listVersions(target, kind), target.prefix, kind));
  try {
    await createIndex(target, kind, index, { number_of_shards: 1, number_of_replicas: target.replicas });
  } catch (error) {
    if (!alreadyExists(error)) throw error;
    // Another process is creating the same version: wait until it can answer, then point the alias at it too (idempotent).
    await target.client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' });
  }
  return { index, alias };
}

/** Puts the kind's current mapping on the live index: new fields are added, existing ones must be unchanged. */
async function addNewFields(target: IndexTarget, kind: IndexKind, alias: string): Promise<void> {
  const { properties } = INDEX_DEFINITIONS[kind].mappings;
  try {
    await target.client.indices.putMapping({ index: alias, ...(properties ? { properties } : {}) });
  } catch (error) {
    throw new Error(`the ${alias} index cannot take the current ${kind} mapping: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Every kind at once: the engine applies the creations in one cluster-state queue (about 2.5x faster than one
 * by one), then every new alias in one more change of the cluster state instead of one per kind. An alias is
 * still added only after its index has started; a kind that failed gets none, and its error is thrown.
 */
export async function ensureAllIndices(target: IndexTarget): Promise<void> {
  const outcomes = await Promise.allSettled(INDEX_KINDS.map((kind) => ensureFirstVersion(target, kind)));
  const created = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value ? [o.value] : []));
  if (created.length > 0) await target.client.indices.updateAliases({ actions: created.map(aliasAdd) });
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

export interface RebuildResult {
  index: string;
  documents: number;
  /** False when the fill wrote nothing: readers keep the old index. */
  swapped: boolean;
}

/**
 * Builds a new version of `kind` with `fill` (which writes into the index name
 * it is given and returns how many documents it wrote), then swaps the alias
 * atomically and deletes the old versions. Zero documents: no swap. A failed
 * fill deletes the partial index and rethrows.
 */
export async function rebuildIndex(
  target: IndexTarget,
  kind: IndexKind,
  fill: (index: string) => Promise<number>,
  log: (line: string) => void = () => {},
): Promise<RebuildResult> {
  const { client, prefix } = target;
  const alias = aliasName(prefix, kind);
  // Bulk-load settings: no refreshes, no replicas until the index is complete.
  const index = await createVersion(target, kind, { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '-1' });
  let documents: number;
  try {
    documents = await fill(index);
    await client.indices.putSettings({ index, settings: { refresh_interval: '1s', number_of_replicas: target.replicas } });
    await client.indices.refresh({ index });
  } catch (error) {
    await client.indices.delete({ index }, { ignore: [404] });
    throw error;
  }
  if (documents === 0) {
    log(`${alias}: the rebuild produced no documents; keeping the current index`);
    await client.indices.delete({ index }, { ignore: [404] });
    return { index, documents, swapped: false };
  }
  const previous = await aliasTargets(target, kind);
  await client.indices.updateAliases({
    actions: [...previous.map((old) => ({ remove: { index: old, alias } })), { add: { index, alias, is_write_index: true } }],
  });
  log(`${alias} -> ${index} (${documents} documents)`);
  for (const old of (await listVersions(target, kind)).filter((name) => name !== index)) {
    try {
      await client.indices.delete({ index: old });
    } catch (error) {
      // The swap already happened; a leftover index is only wasted space.
      log(`could not delete old index ${old}: ${(error as Error).message}`);
    }
  }
  return { index, documents, swapped: true };
}

/** Deletes every index of this prefix (tests and `reset`), in one request: one change of the cluster state. */
export async function deleteAllIndices(target: IndexTarget): Promise<void> {
  const versions = (await Promise.all(INDEX_KINDS.map((kind) => listVersions(target, kind)))).flat();
  if (versions.length > 0) await target.client.indices.delete({ index: versions.join(','), ignore_unavailable: true }, { ignore: [404] });
}
