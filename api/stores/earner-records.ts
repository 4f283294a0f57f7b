/**
 * An earner's systems of record and their search document: credentials,
 * directory settings, the earner document itself, and what building it needs
 * (the skills taxonomy, pathways). Used for the earner's own data only: what
 * employers read goes through `engine.ts` and the privacy rules.
 */
import type { Client } from '@elastic/elasticsearch';
import type { SortResults } from '@elastic/elasticsearch/lib/api/types';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { earnerIdDocumentId, type EarnerIdDocument } from '../../mappings/earner-ids.ts';
import type { SkillLookup } from '../../mappings/earner-document.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { aliasName, type IndexKind } from '../../mappings/indices.ts';
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import type { SkillDocument } from '../../mappings/skills.ts';
import type { Logger } from '../log.ts';
import { deleteMatching, engineGuard, isConflict } from './guard.ts';
import { getVersioned, type Versioned } from './versioned.ts';

const PAGE = 1000;

export interface EarnerRecordStore {
  /** The earner this identity key (`email:…`) is linked to in the private earner-ids index, if any. */
  earnerWithIdentity(identityKey: string): Promise<string | undefined>;
  /** Every stored credential of the earner; `raw` (the original bytes) only when asked for. */
  credentialsOf(earnerId: string, options?: { withRaw?: boolean }): Promise<CredentialDocument[]>;
  settings(earnerId: string): Promise<DirectorySettingsDocument | undefined>;
  /** The settings with the version they were read at (realtime), for a conditional write. */
  versionedSettings(earnerId: string): Promise<Versioned<DirectorySettingsDocument> | undefined>;
  /**
   * Writes `settings` only if they are still at the version `read` was read
   * at (none stored yet when `read` is undefined); false when someone wrote
   * them meanwhile. Returns the stored version.
   */
  putSettingsIfUnchanged(
    settings: DirectorySettingsDocument,
    read: Versioned<DirectorySettingsDocument> | undefined,
  ): Promise<Versioned<DirectorySettingsDocument> | undefined>;
  /** `visible`: refresh before returning, so searches (the indexer's tombstone check) see it. */
  putSettings(settings: DirectorySettingsDocument, options?: { visible?: boolean }): Promise<void>;
  skillLookup(skillIds: readonly string[]): Promise<SkillLookup>;
  pathways(): Promise<PathwayDefinition[]>;
  earnerDocument(earnerId: string): Promise<EarnerDocument | undefined>;
  /** Written and refreshed before it returns: a search right after sees it. */
  putEarnerDocument(document: EarnerDocument): Promise<void>;
  deleteEarnerDocument(earnerId: string): Promise<void>;
  deleteCredentialsOf(earnerId: string): Promise<number>;
  /** Removes the earner's identity links from the private earner-ids index. */
  deleteIdentityLinks(earnerId: string): Promise<number>;
}

export function createEarnerRecordStore(client: Client, indexPrefix: string, log: Logger): EarnerRecordStore {
  const index = (kind: IndexKind) => aliasName(indexPrefix, kind);
  const guard = engineGuard(log);

  async function searchAll<T>(
    kind: IndexKind,
    query: object,
    source: string[] | { excludes: string[] } | true,
    sortField: string,
  ): Promise<T[]> {
    const out: T[] = [];
    let after: SortResults | undefined;
    for (;;) {
      const page = await client.search<T>({
        index: index(kind),
        query,
        _source: source,
        size: PAGE,
        sort: [{ [sortField]: 'asc' }],
        ...(after ? { search_after: after } : {}),
      });
      for (const hit of page.hits.hits) if (hit._source) out.push(hit._source);
      if (page.hits.hits.length < PAGE) return out;
      after = page.hits.hits.at(-1)!.sort;
    }
  }

  return {
    earnerWithIdentity: (identityKey) =>
      guard(async () => {
        // The private link (see mappings/earner-ids.ts); only the id leaves this function, never the document.
        const response = await client.get<Pick<EarnerIdDocument, 'earnerId'>>(
          { index: index('earner-ids'), id: earnerIdDocumentId(identityKey), _source_includes: ['earnerId'] },
          { ignore: [404] },
        );
        return response.found ? response._source?.earnerId : undefined;
      }),
    credentialsOf: (earnerId, options = {}) =>
      guard(async () => {
        const source = options.withRaw ? true : { excludes: ['raw'] };
        // Sorted by the stored key: ids repeat across issuers, keys never do (search_after needs a unique order).
        const credentials = await searchAll<CredentialDocument>('credentials', { term: { earnerId } }, source, 'key');
        return options.withRaw ? credentials : credentials.map((c) => ({ ...c, raw: '' }));
      }),
    settings: (earnerId) =>
      guard(async () => {
        const response = await client.get<DirectorySettingsDocument>(
          { index: index('directory-settings'), id: earnerId },
          { ignore: [404] },
        );
        return response.found ? response._source : undefined;
      }),
    versionedSettings: (earnerId) => guard(() => getVersioned<DirectorySettingsDocument>(client, index('directory-settings'), earnerId)),
    putSettingsIfUnchanged: (settings, read) =>
      guard(async () => {
        try {
          const written = read
            ? await client.index({
                index: index('directory-settings'),
                id: settings.earnerId,
                document: settings,
                if_seq_no: read.seqNo,
                if_primary_term: read.primaryTerm,
              })
            : await client.create({ index: index('directory-settings'), id: settings.earnerId, document: settings });
          return { doc: settings, seqNo: written._seq_no!, primaryTerm: written._primary_term! };
        } catch (error) {
          if (isConflict(error)) return undefined;
          throw error;
        }
      }),
    putSettings: (settings, options = {}) =>
      guard(async () => {
        await client.index({
          index: index('directory-settings'),
          id: settings.earnerId,
          document: settings,
          refresh: options.visible ? 'wait_for' : false,
        });
      }),
    skillLookup: (skillIds) =>
      guard(async () => {
        const ids = [...new Set(skillIds)];
        const found = new Map<string, Pick<SkillDocument, 'label' | 'ancestors'>>();
        if (ids.length > 0) {
          const response = await client.mget<Pick<SkillDocument, 'label' | 'ancestors'>>({
            index: index('skills'),
            ids,
            _source_includes: ['label', 'ancestors'],
          });
          for (const doc of response.docs) if ('found' in doc && doc.found && doc._source) found.set(doc._id, doc._source);
        }
        return { ancestors: (id) => found.get(id)?.ancestors ?? [], label: (id) => found.get(id)?.label };
      }),
    pathways: () => guard(() => searchAll<PathwayDefinition>('pathways', { match_all: {} }, true, 'id')),
    earnerDocument: (earnerId) =>
      guard(async () => {
        const response = await client.get<EarnerDocument>({ index: index('earners'), id: earnerId }, { ignore: [404] });
        return response.found ? response._source : undefined;
      }),
    putEarnerDocument: (document) =>
      guard(async () => {
        await client.index({ index: index('earners'), id: document.earnerId, document, refresh: 'wait_for' });
      }),
    deleteEarnerDocument: (earnerId) =>
      guard(async () => {
        await client.delete({ index: index('earners'), id: earnerId, refresh: 'wait_for' }, { ignore: [404] });
      }),
    deleteCredentialsOf: (earnerId) => guard(() => deleteMatching(client, index('credentials'), { term: { earnerId } })),
    deleteIdentityLinks: (earnerId) => guard(() => deleteMatching(client, index('earner-ids'), { term: { earnerId } })),
  };
}
