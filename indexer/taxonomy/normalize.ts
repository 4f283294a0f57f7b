/**
 * Maps Open Badges alignments and plain tags to canonical skill ids. Pure
 * functions over a loaded `Taxonomy`.
 *
 * Matching order for an alignment, stopping at the first step that finds
 * something: (1) `targetUrl` as an exact URI, (2) `targetFramework` +
 * `targetCode`, (3) `targetName` against preferred labels, then alternative
 * labels (case- and punctuation-insensitive), within the named framework
 * first and then in any framework. Nothing fuzzier: a near miss stays
 * unmapped, so the indexer can count it instead of guessing.
 */
import type { Framework } from '../../mappings/skills.ts';
import { normalizeFrameworkName } from './frameworks.ts';
import { codeKey } from './keys.ts';
import type { Taxonomy } from './load.ts';
import { matchUrl } from './match-url.ts';
import { labelKey } from './text.ts';
import type { AlignmentInput, NormalizedSkills, UnmappedSkill } from './types.ts';

const ALIGNMENT_FIELDS = ['targetName', 'targetUrl', 'targetFramework', 'targetCode', 'targetType', 'targetDescription'] as const;
const CANONICAL_ID = /^(esco|onet|nice|lightcast|local):\S+$/;
const LOOKS_LIKE_URL = /^https?:\/\//i;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Ids for a `targetFramework` + `targetCode` pair. */
export function matchCode(taxonomy: Taxonomy, framework: Framework | undefined, code: string): string[] {
  if (LOOKS_LIKE_URL.test(code)) return matchUrl(taxonomy, code);
  if (CANONICAL_ID.test(code) && taxonomy.byId.has(code)) return [code];
  if (framework === undefined) return [];
  const direct = taxonomy.byCode.get(codeKey(framework, code));
  if (direct !== undefined) return [direct];
  if (framework === 'onet') {
    // "15-1252" (SOC without the O*NET suffix) means the base occupation "15-1252.00".
    const soc = /^(\d{2}-\d{4})$/.exec(code);
    const id = soc === null ? undefined : taxonomy.byCode.get(codeKey('onet', `${soc[1]}.00`));
    if (id !== undefined) return [id];
  }
  return [];
}

/**
 * Ids whose preferred label (else alternative label) has the same key as
 * `name`, preferring the named framework. Skill groups only win when nothing
 * more specific carries the label.
 */
export function matchLabel(taxonomy: Taxonomy, name: string, framework?: Framework): string[] {
  const key = labelKey(name);
  if (key === '') return [];
  const scopes: (Framework | undefined)[] = framework === undefined ? [undefined] : [framework, undefined];
  for (const scope of scopes) {
    for (const index of [taxonomy.byLabel, taxonomy.byAltLabel]) {
      const ids = (index.get(key) ?? []).filter((id) => scope === undefined || taxonomy.byId.get(id)?.framework === scope);
      if (ids.length === 0) continue;
      const specific = ids.filter((id) => taxonomy.byId.get(id)?.kind !== 'group');
      return specific.length > 0 ? specific : [...ids];
    }
  }
  return [];
}

/** Keeps only the alignment fields that are non-empty strings, for an unmapped record. */
function unmappedFrom(alignment: AlignmentInput, source: UnmappedSkill['source']): UnmappedSkill {
  const out: UnmappedSkill = { source };
  for (const name of ALIGNMENT_FIELDS) {
    const value = text(alignment[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Normalizes one alignment. An alignment with no usable field is neither mapped nor unmapped. */
export function normalizeAlignment(taxonomy: Taxonomy, alignment: AlignmentInput): NormalizedSkills {
  const url = text(alignment.targetUrl);
  const code = text(alignment.targetCode);
  const name = text(alignment.targetName);
  if (url === undefined && code === undefined && name === undefined) return { skillIds: [], unmapped: [] };
  const framework = normalizeFrameworkName(text(alignment.targetFramework));

  const attempts: (() => string[])[] = [
    () => (url === undefined ? [] : matchUrl(taxonomy, url)),
    () => (code === undefined ? [] : matchCode(taxonomy, framework, code)),
    () => (name === undefined ? [] : matchLabel(taxonomy, name, framework)),
  ];
  for (const attempt of attempts) {
    const ids = attempt();
    if (ids.length > 0) return { skillIds: ids, unmapped: [] };
  }
  return { skillIds: [], unmapped: [unmappedFrom(alignment, 'alignment')] };
}

/** Normalizes a plain tag: a URL or canonical id is matched exactly, anything else by label. */
export function normalizeTag(taxonomy: Taxonomy, tag: string): NormalizedSkills {
  const value = tag.trim();
  if (value === '') return { skillIds: [], unmapped: [] };
  const ids = LOOKS_LIKE_URL.test(value)
    ? matchUrl(taxonomy, value)
    : CANONICAL_ID.test(value) && taxonomy.byId.has(value)
      ? [value]
      : matchLabel(taxonomy, value);
  return ids.length > 0 ? { skillIds: ids, unmapped: [] } : { skillIds: [], unmapped: [{ source: 'tag', targetName: value }] };
}

/** Normalizes every alignment and tag of a badge, merging the results (ids deduplicated in first-seen order). */
export function normalizeSkills(
  taxonomy: Taxonomy,
  input: { alignments?: readonly AlignmentInput[]; tags?: readonly string[] },
): NormalizedSkills {
  const results = [
    ...(input.alignments ?? []).map((a) => normalizeAlignment(taxonomy, a)),
    ...(input.tags ?? []).map((t) => normalizeTag(taxonomy, t)),
  ];
  return {
    skillIds: [...new Set(results.flatMap((r) => r.skillIds))],
    unmapped: results.flatMap((r) => r.unmapped),
  };
}

/**
 * The ids plus all their ancestors (nearest first after each id),
 * deduplicated. Unknown ids are kept as they are.
 */
export function expandWithAncestors(taxonomy: Taxonomy, ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    out.add(id);
    for (const ancestor of taxonomy.byId.get(id)?.ancestors ?? []) out.add(ancestor);
  }
  return [...out];
}
