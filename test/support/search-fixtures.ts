/**
 * A seeded directory for search tests: the shared generator's earners
 * (`generators/directory.ts`), turned into documents by the real builders
 * (`generators/documents.ts`) and written under a per-file index prefix, with
 * the skills taxonomy, badge classes and issuer registry.
 */
import type { Client } from '@elastic/elasticsearch';
import { aliasName, deleteAllIndices, ensureAllIndices } from '../../mappings/indices.ts';
import type { IndexedSkillDocument } from '../../mappings/skills.ts';
import { skillDocument } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy, type Taxonomy } from '../../indexer/taxonomy/index.ts';
import { engineClient, uniquePrefix } from './engine.ts';
import {
  FIXTURE_NOW,
  generateDirectory,
  REGIONS,
  type ClassRecord,
  type EarnerRecord,
  type HiddenOnly,
  type IssuerRecord,
} from './generators/directory.ts';
import { badgeClassDocuments, earnerDocuments } from './generators/documents.ts';
import { registryEntry } from './issuer-registry.ts';

export interface SearchFixture {
  prefix: string;
  client: Client;
  now: Date;
  taxonomy: Taxonomy;
  records: EarnerRecord[];
  classes: ClassRecord[];
  issuers: IssuerRecord[];
  /** Skills badges align to. */
  skillPool: string[];
  hiddenOnly: HiddenOnly;
  regions: Record<string, { lat: number; lon: number }>;
  cleanup(): Promise<void>;
}

async function bulkWrite(client: Client, index: string, documents: readonly { id: string; document: object }[]): Promise<void> {
  for (let start = 0; start < documents.length; start += 1000) {
    const operations = documents
      .slice(start, start + 1000)
      .flatMap(({ id, document }) => [{ index: { _index: index, _id: id } }, document]);
    const response = await client.bulk({ operations, refresh: false });
    if (response.errors) throw new Error(`bulk write to ${index} failed: ${JSON.stringify(response.items.find((i) => i.index?.error))}`);
  }
  await client.indices.refresh({ index });
}

/** The skills index as the indexer writes it (with its completion inputs). */
export function skillDocuments(taxonomy: Taxonomy): IndexedSkillDocument[] {
  return taxonomy.entries.map(skillDocument);
}

/** Generates the directory, builds earner documents with the indexer's builder and writes every index. */
export async function seedSearchFixture(name: string, seed = 42, earnerCount = 300, shards = 1): Promise<SearchFixture> {
  const client = engineClient();
  const prefix = uniquePrefix(name);
  const taxonomy = loadTaxonomy();
  const now = FIXTURE_NOW;
  const generated = generateDirectory(taxonomy, seed, earnerCount, now);
  const earners = [...earnerDocuments(generated, taxonomy, now)];
  const badgeClasses = badgeClassDocuments(generated, now);
  const target = { client, prefix, replicas: 0, shards };
  await ensureAllIndices(target);
  await bulkWrite(client, aliasName(prefix, 'earners'), earners);
  await bulkWrite(client, aliasName(prefix, 'badge-classes'), badgeClasses);
  await bulkWrite(
    client,
    aliasName(prefix, 'skills'),
    skillDocuments(taxonomy).map((doc) => ({ id: doc.id, document: doc })),
  );
  // The registry recognizes every generated issuer (their badges carry RECOGNIZED).
  // The hidden-only issuer was only seen in credentials (PENDING): no lookup may reveal it while no listed earner shows its badge.
  const registryStatus = (id: string) =>
    id === generated.hiddenOnly.issuerId
      ? { status: 'PENDING' as const, provenance: { format: 'seen' as const, source: 'generated', rank: 1_000_000 } }
      : {};
  await bulkWrite(
    client,
    aliasName(prefix, 'issuers'),
    generated.issuers.map((i) => ({ id: i.id, document: registryEntry(i.id, i.name, registryStatus(i.id)) })),
  );
  return {
    prefix,
    client,
    now,
    taxonomy,
    records: generated.records,
    classes: generated.classes,
    issuers: generated.issuers,
    skillPool: generated.skillPool,
    hiddenOnly: generated.hiddenOnly,
    regions: REGIONS,
    async cleanup() {
      await deleteAllIndices(target);
      await client.close();
    },
  };
}
