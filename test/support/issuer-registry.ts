/** Registry entries for tests: recognizes a test issuer the way an imported registry file would. */
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import type { IndexStore } from '../../indexer/store/index-store.ts';

export function registryEntry(id: string, name: string, extra: Partial<IssuerRegistryDocument> = {}): IssuerRegistryDocument {
  return {
    id,
    ids: [id],
    name,
    origins: [],
    dids: id.startsWith('did:') ? [id] : [],
    keys: [],
    status: 'RECOGNIZED',
    provenance: { format: 'directory-v1', source: 'test registry', rank: 0 },
    changedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export async function recognizeIssuer(store: IndexStore, entry: IssuerRegistryDocument): Promise<void> {
  await store.write('issuers', [{ id: entry.id, document: entry }], { refresh: true });
}
