/**
 * Puts the framework drafts together: checks ids are unique, applies the
 * curated crosswalks, breaks hierarchy cycles and derives the hierarchy
 * fields. Pure; throws on data that would ship broken.
 */
import type { Framework } from '../../../mappings/skills.ts';
import type { CrosswalkRef } from '../crosswalks.ts';
import { breakCycles, deriveHierarchy, type EntryDraft } from '../hierarchy.ts';
import type { TaxonomyFile } from '../types.ts';

export interface AssembleInput {
  drafts: EntryDraft[];
  crosswalks: CrosswalkRef[][];
  codeAliases: TaxonomyFile['codeAliases'];
  sources: Record<string, string>;
}

export interface AssembleReport {
  file: TaxonomyFile;
  /** `broader` edges dropped because they closed a cycle. */
  brokenCycles: { child: string; parent: string }[];
  crosswalkPairs: number;
}

export function assembleTaxonomy(input: AssembleInput): AssembleReport {
  const byId = new Map<string, EntryDraft>();
  for (const d of input.drafts) {
    if (byId.has(d.id)) throw new Error(`Duplicate taxonomy id ${d.id}`);
    byId.set(d.id, { ...d, broader: [...d.broader], related: [...(d.related ?? [])] });
  }
  const drafts = [...byId.values()];
  const escoByLabel = indexEscoLabels(drafts);

  const resolve = (ref: CrosswalkRef): string => {
    if (typeof ref === 'string') {
      if (!byId.has(ref)) throw new Error(`Crosswalk refers to unknown id ${ref}`);
      return ref;
    }
    const ids = escoByLabel.get(ref.escoLabel) ?? [];
    if (ids.length !== 1) throw new Error(`Crosswalk ESCO label "${ref.escoLabel}" matches ${ids.length} entries`);
    return ids[0]!;
  };
  let crosswalkPairs = 0;
  for (const group of input.crosswalks) {
    const ids = group.map(resolve);
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1)) {
        // Crosswalks join frameworks; links inside one framework belong in its own hierarchy.
        if (byId.get(a)!.framework === byId.get(b)!.framework) throw new Error(`Crosswalk relates ${a} and ${b} of the same framework`);
        byId.get(a)!.related!.push(b);
        crosswalkPairs++;
      }
    }
  }

  for (const [framework, aliases] of Object.entries(input.codeAliases) as [Framework, Record<string, string>][]) {
    for (const [code, id] of Object.entries(aliases)) {
      if (!byId.has(id)) throw new Error(`Code alias ${framework} ${code} points at unknown id ${id}`);
    }
  }

  const brokenCycles = breakCycles(drafts);
  const entries = deriveHierarchy(drafts);
  return { file: { formatVersion: 1, sources: input.sources, entries, codeAliases: input.codeAliases }, brokenCycles, crosswalkPairs };
}

/** Exact ESCO preferred labels -> ids; groups are left out so a skill and its namesake group never clash. */
function indexEscoLabels(drafts: EntryDraft[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of drafts) {
    if (d.framework !== 'esco' || d.kind === 'group') continue;
    out.set(d.label, [...(out.get(d.label) ?? []), d.id]);
  }
  return out;
}
