/**
 * The skills index from the shipped taxonomy, and the skill lookup earner
 * documents are built with.
 */
import type { IndexedSkillDocument, SkillDocument } from '../../mappings/skills.ts';
import { rebuildIndex } from '../../mappings/indices.ts';
import type { SkillLookup } from '../../mappings/earner-document.ts';
import type { IndexStore } from '../store/index-store.ts';
import { loadOccupationProfiles, type Taxonomy } from './index.ts';
import { writeDocuments } from '../store/bulk-write.ts';

/** Typeahead favours skills over the groups and occupations around them. */
const SUGGEST_WEIGHT: Record<SkillDocument['kind'], number> = {
  skill: 10,
  knowledge: 8,
  technology: 8,
  'work-role': 6,
  occupation: 3,
  group: 2,
};

export function skillDocument(entry: SkillDocument): IndexedSkillDocument {
  return {
    ...entry,
    suggest: { input: [...new Set([entry.label, ...entry.altLabels])].filter((s) => s.length <= 200), weight: SUGGEST_WEIGHT[entry.kind] },
  };
}

export function skillLookup(taxonomy: Taxonomy): SkillLookup {
  return {
    ancestors: (id) => taxonomy.byId.get(id)?.ancestors ?? [],
    label: (id) => taxonomy.byId.get(id)?.label,
  };
}

/** Rebuilds the skills index behind its alias (zero downtime). */
export async function loadSkillsIndex(store: IndexStore, taxonomy: Taxonomy, log: (line: string) => void = () => {}): Promise<number> {
  const result = await rebuildIndex(
    store.target,
    'skills',
    async (index) => {
      const r = await writeDocuments(
        store.client,
        index,
        taxonomy.entries.map((e) => ({ id: e.id, document: skillDocument(e) })),
      );
      if (r.rejected.length > 0)
        throw new Error(`the engine rejected ${r.rejected.length} skills, first: ${r.rejected[0]!.id}: ${r.rejected[0]!.reason}`);
      return r.written;
    },
    log,
  );
  return result.documents;
}

/** Rebuilds the occupations index (O*NET skill profiles) behind its alias. */
export async function loadOccupationsIndex(store: IndexStore, log: (line: string) => void = () => {}): Promise<number> {
  const profiles = [...loadOccupationProfiles().values()];
  const result = await rebuildIndex(
    store.target,
    'occupations',
    async (index) => {
      const r = await writeDocuments(
        store.client,
        index,
        profiles.map((p) => ({ id: p.soc, document: p })),
      );
      if (r.rejected.length > 0)
        throw new Error(`the engine rejected ${r.rejected.length} occupations, first: ${r.rejected[0]!.id}: ${r.rejected[0]!.reason}`);
      return r.written;
    },
    log,
  );
  return result.documents;
}

/** Loads the skills and occupations indices when they are empty (first run). */
export async function ensureSkillsIndex(store: IndexStore, taxonomy: Taxonomy, log?: (line: string) => void): Promise<void> {
  if ((await store.count('skills')) === 0) await loadSkillsIndex(store, taxonomy, log);
  if ((await store.count('occupations')) === 0) await loadOccupationsIndex(store, log);
}
