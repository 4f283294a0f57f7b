/**
 * Rebuilds one earner's search document from the systems of record, with the
 * same rule the indexer uses (`buildEarnerDocument`), and writes it before
 * returning so the next search reflects the earner's change.
 */
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import type { EarnerRecordStore } from '../stores/earner-records.ts';

/** Rounds of "settings changed while we wrote": each needs a newer settings write to happen meanwhile. */
const MAX_ROUNDS = 100;

export async function rebuildEarnerDocument(
  records: EarnerRecordStore,
  settings: DirectorySettingsDocument,
  credentials: readonly CredentialDocument[],
  now: Date,
): Promise<EarnerDocument | null> {
  // No credentials: nothing to show (the indexer writes the document once some arrive).
  if (credentials.length === 0) return null;
  const [skills, pathways] = await Promise.all([records.skillLookup(credentials.flatMap((c) => c.skills)), records.pathways()]);
  const document = buildEarnerDocument({ earnerId: settings.earnerId, credentials, settings, skills, pathways, now });
  if (document) await records.putEarnerDocument(document);
  else await records.deleteEarnerDocument(settings.earnerId);
  return document;
}

/**
 * Rebuilds the document from the settings version that is stored, and checks
 * after writing that it is still the stored one: if another change landed
 * meanwhile, our write may have replaced a newer document with an older one,
 * so build again from the newer settings. Every writer ends with this check,
 * so the last document written always matches the last settings stored.
 */
export async function rebuildFromStoredSettings(
  records: EarnerRecordStore,
  earnerId: string,
  credentials: readonly CredentialDocument[],
  now: () => Date,
): Promise<void> {
  let stored = await records.versionedSettings(earnerId);
  for (let round = 0; round < MAX_ROUNDS && stored; round++) {
    await rebuildEarnerDocument(records, stored.doc, credentials, now());
    const after = await records.versionedSettings(earnerId);
    if (!after || (after.seqNo === stored.seqNo && after.primaryTerm === stored.primaryTerm)) return;
    stored = after;
  }
  if (stored) throw new Error(`earner ${earnerId}: settings kept changing while the search document was rebuilt`);
}
