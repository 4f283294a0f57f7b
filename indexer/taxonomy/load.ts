/**
 * Loads the shipped taxonomy data set into in-memory lookup maps. The file
 * reading is the only I/O; `indexTaxonomy` and `expandOccupations` are pure.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SkillDocument } from '../../mappings/skills.ts';
import { codeKey, uriKey } from './keys.ts';
import { labelKey } from './text.ts';
import type { OccupationProfile, OccupationsFile, TaxonomyFile } from './types.ts';

/** Where the committed data set lives. */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
export const SKILLS_FILE = 'skills.json.gz';
export const OCCUPATIONS_FILE = 'occupations.json.gz';

/** The taxonomy in memory, with the lookups the normalizer needs. */
export interface Taxonomy {
  entries: readonly SkillDocument[];
  byId: ReadonlyMap<string, SkillDocument>;
  /** `codeKey(framework, code)` -> id; includes the data set's code aliases. */
  byCode: ReadonlyMap<string, string>;
  /** `uriKey(uri)` -> id. */
  byUri: ReadonlyMap<string, string>;
  /** `labelKey(label)` -> ids whose preferred label has that key, in data set order. */
  byLabel: ReadonlyMap<string, readonly string[]>;
  /** `labelKey(altLabel)` -> ids with that alternative label, in data set order. */
  byAltLabel: ReadonlyMap<string, readonly string[]>;
}

export function indexTaxonomy(file: TaxonomyFile): Taxonomy {
  const byId = new Map<string, SkillDocument>();
  const byCode = new Map<string, string>();
  const byUri = new Map<string, string>();
  const byLabel = new Map<string, string[]>();
  const byAltLabel = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string): void => {
    if (key === '') return;
    const ids = map.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(key, ids);
  };

  for (const entry of file.entries) {
    byId.set(entry.id, entry);
    byCode.set(codeKey(entry.framework, entry.code), entry.id);
    const key = entry.uri === undefined ? undefined : uriKey(entry.uri);
    if (key !== undefined) byUri.set(key, entry.id);
    add(byLabel, labelKey(entry.label), entry.id);
    for (const alt of entry.altLabels) add(byAltLabel, labelKey(alt), entry.id);
  }
  for (const [framework, aliases] of Object.entries(file.codeAliases) as [SkillDocument['framework'], Record<string, string>][]) {
    for (const [code, id] of Object.entries(aliases)) {
      const k = codeKey(framework, code);
      if (!byCode.has(k)) byCode.set(k, id);
    }
  }
  return { entries: file.entries, byId, byCode, byUri, byLabel, byAltLabel };
}

function readGzipJson<T>(path: string): T {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as T;
}

/** Reads and indexes `skills.json.gz`. */
export function loadTaxonomy(dir: string = DATA_DIR): Taxonomy {
  const file = readGzipJson<TaxonomyFile>(join(dir, SKILLS_FILE));
  if (file.formatVersion !== 1) throw new Error(`Unsupported taxonomy data format ${String(file.formatVersion)} in ${dir}`);
  return indexTaxonomy(file);
}

/** Expands the compact occupation rows into profiles. */
export function expandOccupations(file: OccupationsFile): OccupationProfile[] {
  return file.occupations.map(([soc, title, skills, technologies]) => ({
    soc,
    occupationId: `onet:soc:${soc}`,
    title,
    skills: skills.map(([element, importance]) => ({ skillId: `onet:${element}`, importance })),
    technologies: technologies.map(([slug, hot, inDemand]) => ({ skillId: `onet:tech:${slug}`, hot: hot === 1, inDemand: inDemand === 1 })),
  }));
}

/** Reads `occupations.json.gz`: the skill profile of every O*NET occupation that has one, by SOC code. */
export function loadOccupationProfiles(dir: string = DATA_DIR): Map<string, OccupationProfile> {
  const file = readGzipJson<OccupationsFile>(join(dir, OCCUPATIONS_FILE));
  if (file.formatVersion !== 1) throw new Error(`Unsupported occupations data format ${String(file.formatVersion)} in ${dir}`);
  return new Map(expandOccupations(file).map((p) => [p.soc, p]));
}
