/**
 * Migration to random earner ids, run by `reindex` before the earners are
 * rebuilt. Earners still under an id of the old scheme (a truncated SHA-256
 * of their email, which anyone could recompute) get a new random id, carried
 * into every system of record that names them (credentials, settings,
 * accounts, contact requests, claim links); every identity gets its link in
 * the private `earner-ids` index. Earners that already have a random id keep
 * it, so running it again changes nothing.
 */
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerLink } from '../../mappings/earner-ids.ts';
import type { IndexKind } from '../../mappings/indices.ts';
import type { IndexStore } from '../store/index-store.ts';
import { isLegacyEarnerId, newEarnerId } from './identity.ts';

export interface MigrationResult {
  /** Earners that moved from an old-scheme id to a random one. */
  renamed: number;
  /** Identity links written to the private index. */
  linked: number;
}

/** Stored credentials grouped by earner, in earner order, about `batch` earners at a time (id and identity fields only). */
async function* earnerGroups(
  store: IndexStore,
  batch = 500,
): AsyncGenerator<Map<string, Pick<CredentialDocument, 'id' | 'key' | 'earnerId' | 'identityKeys' | 'ingestedAt'>[]>> {
  let group = new Map<string, Pick<CredentialDocument, 'id' | 'key' | 'earnerId' | 'identityKeys' | 'ingestedAt'>[]>();
  for await (const { doc } of store.scan<Pick<CredentialDocument, 'id' | 'key' | 'earnerId' | 'identityKeys' | 'ingestedAt'>>(
    'credentials',
    { match_all: {} },
    ['id', 'key', 'earnerId', 'identityKeys', 'ingestedAt'],
    'earnerId',
  )) {
    if (!group.has(doc.earnerId) && group.size >= batch) {
      yield group;
      group = new Map();
    }
    group.set(doc.earnerId, [...(group.get(doc.earnerId) ?? []), doc]);
  }
  if (group.size > 0) yield group;
}

/** Rewrites the `earnerId` field of every document of `kind` that names a renamed earner. */
async function renameIn(store: IndexStore, kind: IndexKind, renames: ReadonlyMap<string, string>): Promise<void> {
  const items: { id: string; document: { earnerId: string } }[] = [];
  for await (const { id, doc } of store.scan<{ earnerId: string }>(kind, { terms: { earnerId: [...renames.keys()] } })) {
    items.push({ id, document: { ...doc, earnerId: renames.get(doc.earnerId)! } });
  }
  await checked(kind, store.write(kind, items));
}

async function checked(kind: IndexKind, write: ReturnType<IndexStore['write']>): Promise<void> {
  const result = await write;
  if (result.rejected.length > 0)
    throw new Error(
      `migrating earner ids: the engine rejected ${kind} documents: ${result.rejected.map((r) => `${r.id}: ${r.reason}`).join('; ')}`,
    );
}

/** Carries renamed earner ids into every system of record that names an earner. */
async function applyRenames(
  store: IndexStore,
  renames: ReadonlyMap<string, string>,
  credentialIds: ReadonlyMap<string, string>,
): Promise<void> {
  // Settings are keyed by earner id: written under the new id, then the old one removed.
  const settings = await store.settingsOf([...renames.keys()]);
  await checked(
    'directory-settings',
    store.write<DirectorySettingsDocument>(
      'directory-settings',
      [...settings].map(([old, doc]) => ({ id: renames.get(old)!, document: { ...doc, earnerId: renames.get(old)! } })),
    ),
  );
  await checked(
    'directory-settings',
    store.write(
      'directory-settings',
      [...settings.keys()].map((old) => ({ id: old })),
    ),
  );
  for (const kind of ['accounts', 'contacts', 'claim-tokens'] as const) await renameIn(store, kind, renames);
  // Credentials last: until they move, a rerun still finds these earners under their old ids.
  // Keyed by stored document id: the issuer-scoped key (documents stored before keys existed: the credential id).
  const credentials = await store.credentialsByKey([...credentialIds.keys()]);
  await checked(
    'credentials',
    store.write(
      'credentials',
      credentials.map((c) => ({ id: c.key ?? c.id, document: { ...c, earnerId: credentialIds.get(c.key ?? c.id)! } })),
    ),
  );
}

export async function migrateEarnerIds(store: IndexStore, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const result: MigrationResult = { renamed: 0, linked: 0 };
  for await (const group of earnerGroups(store)) {
    const keys = [...new Set([...group.values()].flat().flatMap((c) => c.identityKeys))];
    const existing = await store.earnersByIdentity(keys);
    const renames = new Map<string, string>();
    const credentialIds = new Map<string, string>();
    const links = new Map<string, EarnerLink>();
    for (const [earnerId, credentials] of group) {
      const firstSeen = credentials.map((c) => c.ingestedAt).sort()[0]!;
      const earnerKeys = [...new Set(credentials.flatMap((c) => c.identityKeys))];
      const id = isLegacyEarnerId(earnerId) ? newEarnerId() : earnerId;
      const assignedAt = earnerKeys.map((k) => existing.get(k)).find((l) => l?.earnerId === earnerId)?.assignedAt ?? firstSeen;
      if (id !== earnerId) {
        renames.set(earnerId, id);
        for (const c of credentials) credentialIds.set(c.key ?? c.id, id);
      }
      for (const key of earnerKeys) {
        const link = existing.get(key);
        if (link?.earnerId !== id || id !== earnerId) links.set(key, { earnerId: id, assignedAt });
      }
    }
    // Links first: from here on ingest and claims find the new ids.
    await store.linkIdentities(links);
    if (renames.size > 0) await applyRenames(store, renames, credentialIds);
    result.renamed += renames.size;
    result.linked += links.size;
  }
  await store.refresh('credentials', 'directory-settings', 'accounts', 'contacts', 'claim-tokens', 'earner-ids');
  log(`earner ids: ${result.renamed} earners moved to random ids, ${result.linked} identity links written`);
  return result;
}
