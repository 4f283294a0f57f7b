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
