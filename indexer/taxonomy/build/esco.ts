/**
 * ESCO 1.2.0 CSV rows -> taxonomy drafts. Pure: the caller parses the CSVs.
 * Includes the skills of the given collections, the skill groups above them
 * and, where the CSVs name them, the skills above them that sit outside the
 * collections.
 */
import type { EntryDraft } from '../hierarchy.ts';
import { escoIdFromUri } from '../keys.ts';
import { uniqueLabels } from '../text.ts';

type Row = Record<string, string | undefined>;

/** The parsed ESCO files the builder needs. */
export interface EscoSources {
  /** Collection CSVs (digital, transversal, green), rows as objects keyed by header. */
  collections: Row[][];
  broaderRelations: Row[];
  skillGroups: Row[];
  skillsHierarchy: Row[];
}

export interface EscoBuild {
  drafts: EntryDraft[];
  /** Skill group codes (`S1.1.1`, `0613`) -> canonical id. */
  codeAliases: Record<string, string>;
}

const codeOf = (id: string): string => id.slice('esco:'.length);
const field = (row: Row, name: string): string => (row[name] ?? '').trim();
/** ESCO separates list values with " | " in collections and newlines elsewhere. */
const splitList = (value: string): string[] =>
  value
    .split(/\s*\|\s*|\n/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function buildEsco(src: EscoSources): EscoBuild {
  const parents = new Map<string, Set<string>>();
  const addParent = (child: string, parent: string): void => {
    if (child === '' || parent === '' || child === parent) return;
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  };
  for (const row of src.broaderRelations) addParent(field(row, 'conceptUri'), field(row, 'broaderUri'));
  for (const row of src.skillsHierarchy) {
    for (let level = 1; level <= 3; level++) {
      addParent(field(row, `Level ${level} URI`), field(row, `Level ${level - 1} URI`));
    }
  }

  // Collection skills, first collection wins when a skill is in several.
  const skills = new Map<string, Row>();
  const knownLabels = new Map<string, string>();
  for (const rows of src.collections) {
    for (const row of rows) {
      const uri = field(row, 'conceptUri');
      if (!skills.has(uri)) skills.set(uri, row);
      for (const parent of splitList(field(row, 'broaderConceptUri'))) addParent(uri, parent);
      // Labels of parents outside the collections; only trustworthy when both lists line up.
      const parentUris = splitList(field(row, 'broaderConceptUri'));
      const parentLabels = field(row, 'broaderConceptPT').split(/\s*\|\s*/);
      if (parentUris.length === parentLabels.length) parentUris.forEach((p, i) => knownLabels.set(p, parentLabels[i]!.trim()));
    }
  }
  const groups = new Map(src.skillGroups.map((row) => [field(row, 'conceptUri'), row]));

  const includable = (uri: string): boolean => skills.has(uri) || groups.has(uri) || knownLabels.has(uri);
  // Parents that are not includable (no label anywhere) are skipped through to their own parents.
  const includedParents = (uri: string, seen = new Set<string>([uri])): string[] => {
    const out: string[] = [];
    for (const parent of parents.get(uri) ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      if (includable(parent)) out.push(parent);
      else out.push(...includedParents(parent, seen));
    }
    return [...new Set(out)];
  };

  // Walk up from the collection skills to find every entry to ship.
  const included = new Set<string>();
  const stack = [...skills.keys()];
  while (stack.length > 0) {
    const uri = stack.pop()!;
    if (included.has(uri)) continue;
    included.add(uri);
    stack.push(...includedParents(uri));
  }

  const drafts: EntryDraft[] = [];
  const codeAliases: Record<string, string> = {};
  const sorted = [...included].sort();
  for (const uri of sorted) {
    const id = escoIdFromUri(uri);
    const broader = includedParents(uri).map(escoIdFromUri);
    const skill = skills.get(uri);
    const group = groups.get(uri);
    if (skill !== undefined) {
      const label = field(skill, 'preferredLabel');
      drafts.push({
        id,
        framework: 'esco',
        code: codeOf(id),
        uri,
        kind: field(skill, 'skillType') === 'knowledge' ? 'knowledge' : 'skill',
        label,
        altLabels: uniqueLabels(splitList(field(skill, 'altLabels')), [label]),
        ...optionalDescription(field(skill, 'description')),
        broader,
      });
    } else if (group !== undefined) {
      const label = field(group, 'preferredLabel');
      const groupCode = field(group, 'code');
      if (groupCode !== '' && codeAliases[groupCode] === undefined) codeAliases[groupCode] = id;
      drafts.push({
        id,
        framework: 'esco',
        code: codeOf(id),
        uri,
        kind: 'group',
        label,
        altLabels: uniqueLabels(splitList(field(group, 'altLabels')), [label]),
        ...optionalDescription(field(group, 'description')),
        broader,
      });
    } else {
      // A skill outside the collections that a collection skill sits under: label only.
      drafts.push({ id, framework: 'esco', code: codeOf(id), uri, kind: 'skill', label: knownLabels.get(uri)!, altLabels: [], broader });
    }
  }
  return { drafts, codeAliases };
}

function optionalDescription(text: string): { description?: string } {
  return text === '' ? {} : { description: text };
}
