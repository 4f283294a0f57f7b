/**
 * Turns a generated directory into the documents the indexer would write:
 * earner documents through the real builder, badge classes through the same
 * `indexedBadgeClass` the indexer uses. Earners are built lazily, one at a
 * time, so 100,000 of them never sit in memory as documents.
 */
import { indexedBadgeClass, type IndexedBadgeClassDocument } from '../../../mappings/badge-classes.ts';
import type { CredentialDocument } from '../../../mappings/credentials.ts';
import { buildEarnerDocument } from '../../../mappings/earner-document.ts';
import type { EarnerDocument } from '../../../mappings/earners.ts';
import { skillLookup } from '../../../indexer/taxonomy/skills-index.ts';
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import type { GeneratedDirectory } from './directory.ts';

/** A document and its id, as the indexer's bulk writer and a plain `_bulk` both take it. */
export interface IdentifiedDocument<T> {
  id: string;
  document: T;
}

export function* earnerDocuments(
  directory: GeneratedDirectory,
  taxonomy: Taxonomy,
  now: Date,
): Generator<IdentifiedDocument<EarnerDocument>> {
  // Credentials come out of the generator grouped by earner, in record order.
  const byEarner = new Map<string, CredentialDocument[]>();
  for (const credential of directory.credentials) {
    const list = byEarner.get(credential.earnerId);
    if (list) list.push(credential);
    else byEarner.set(credential.earnerId, [credential]);
  }
  const skills = skillLookup(taxonomy);
  for (const [i, record] of directory.records.entries()) {
    const settings = directory.settings[i]!;
    if (settings.earnerId !== record.earnerId) throw new Error(`generator settings out of order at ${record.earnerId}`);
    const document = buildEarnerDocument({
      earnerId: record.earnerId,
      credentials: byEarner.get(record.earnerId) ?? [],
      settings,
      skills,
      pathways: [],
      now,
    });
    if (document) yield { id: document.earnerId, document };
  }
}

export function badgeClassDocuments(directory: GeneratedDirectory, now: Date): IdentifiedDocument<IndexedBadgeClassDocument>[] {
  const issuerName = new Map(directory.issuers.map((i) => [i.id, i.name]));
  return directory.classes.map((cls) => ({
    id: cls.id,
    document: indexedBadgeClass(
      {
        id: cls.id,
        name: cls.name,
        description: `${cls.name}, as assessed by its issuer.`,
        credentialType: cls.credentialType,
        issuerId: cls.issuerId,
        issuerName: issuerName.get(cls.issuerId) ?? cls.issuerId,
        tags: [cls.name.split(' ')[0]!.toLowerCase()],
        alignments: [],
        skills: cls.skills,
        pathways: [],
      },
      now,
    ),
  }));
}
