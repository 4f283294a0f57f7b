/**
 * Types of the shipped taxonomy data set and of the normalizer's input and
 * output. The entries themselves are `SkillDocument`s, the contract shared
 * with the skills index.
 */
import type { Framework, SkillDocument } from '../../mappings/skills.ts';

/** The on-disk form of `data/skills.json.gz`, written by `scripts/build-taxonomy.ts`. */
export interface TaxonomyFile {
  /** Bumped when the shape of this file changes. */
  formatVersion: 1;
  /** Which upstream releases the entries come from, for the README and logs. */
  sources: Record<string, string>;
  /** Every entry, with hierarchy (`broader`, `ancestors`, `narrower`) and crosswalks (`related`) already derived. */
  entries: SkillDocument[];
  /**
   * Further codes that name an entry, per framework: ESCO skill group codes
   * (`S1.1.1`, `0613`), legacy NICE SP 800-181 (2017) role ids (`PR-CDA-001`),
   * O*NET commodity codes. Maps code -> canonical id.
   */
  codeAliases: Partial<Record<Framework, Record<string, string>>>;
}

/** One skill or knowledge element rated for an occupation (O*NET scale `IM`). */
export interface RatedSkill {
  /** Canonical id, e.g. `onet:2.A.2.a`. */
  skillId: string;
  /** O*NET importance, 1 (not important) to 5 (extremely important). */
  importance: number;
}

/** One technology an occupation lists in O*NET's Technology Skills table. */
export interface OccupationTechnology {
  /** Canonical id, e.g. `onet:tech:python`. */
  skillId: string;
  /** O*NET flags it as a "hot technology" (frequently in job postings). */
  hot: boolean;
  /** O*NET flags it as in demand for this occupation. */
  inDemand: boolean;
}

/** The skill profile of one O*NET occupation, used for workforce skill-gap reports. */
export interface OccupationProfile {
  /** O*NET-SOC code, e.g. `15-1252.00`. */
  soc: string;
  /** Canonical id of the occupation entry, `onet:soc:<soc>`. */
  occupationId: string;
  title: string;
  /** Skills (2.A, 2.B) and knowledge (2.C) with importance, most important first. */
  skills: RatedSkill[];
  /** Technologies the occupation lists that the data set carries (see the README for the cut). */
  technologies: OccupationTechnology[];
}

/** The on-disk form of `data/occupations.json.gz`: compact rows, expanded by the loader. */
export interface OccupationsFile {
  formatVersion: 1;
  /** `[soc, title, [[elementId, importance], ...], [[technologySlug, hot, inDemand], ...]]`, flags as 0/1. */
  occupations: [string, string, [string, number][], [string, 0 | 1, 0 | 1][]][];
}

/**
 * An Open Badges alignment (OB 2.0 `AlignmentObject`, OB 3.0 `Alignment`),
 * reduced to the fields that can identify a skill. Every field is optional
 * because real credentials fill them unevenly.
 */
export interface AlignmentInput {
  targetName?: string;
  targetUrl?: string;
  targetFramework?: string;
  targetCode?: string;
  targetType?: string;
  targetDescription?: string;
}

/**
 * An alignment or tag the taxonomy could not place. It keeps the original
 * fields so the indexer can store it as an unmapped skill and count it.
 */
export interface UnmappedSkill extends AlignmentInput {
  /** Whether it came from an alignment object or a plain tag string (the tag is then in `targetName`). */
  source: 'alignment' | 'tag';
}

/** The outcome of normalizing one or more alignments or tags. */
export interface NormalizedSkills {
  /** Canonical ids, deduplicated, in first-seen order. */
  skillIds: string[];
  unmapped: UnmappedSkill[];
}
