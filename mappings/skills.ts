/**
 * The skills taxonomy index: one document per canonical skill (or work role,
 * occupation, skill group) of every framework the directory understands.
 * The indexer writes it from the shipped taxonomy data; the API reads it for
 * labels, hierarchy and typeahead.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

/** Frameworks the directory normalizes alignments to. */
export const FRAMEWORKS = ['esco', 'onet', 'lightcast', 'nice', 'local'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What a taxonomy entry stands for. */
export type SkillKind = 'skill' | 'knowledge' | 'technology' | 'work-role' | 'occupation' | 'group';

export interface SkillDocument {
  /** Canonical id, `<framework>:<code>`, e.g. `onet:2.A.1.a` or `esco:<uuid>`. */
  id: string;
  framework: Framework;
  /** The framework's own identifier (ESCO UUID, O*NET element id, SOC code, NICE role id, ...). */
  code: string;
  /** The framework's URI for the entry, when it has one (ESCO concept URI, O*NET page). */
  uri?: string;
  kind: SkillKind;
  /** Preferred English label. */
  label: string;
  /** Alternative labels and synonyms, used for matching plain-text alignments and typeahead. */
  altLabels: string[];
  description?: string;
  /** Canonical ids of the direct parents in the same framework. */
  broader: string[];
  /** Canonical ids of every transitive parent, nearest first (derived from `broader`). */
  ancestors: string[];
  /** Canonical ids of the direct children. */
  narrower: string[];
  /** Crosswalk: canonical ids of equivalent entries in other frameworks. */
  related: string[];
}

/** The indexed form adds a completion field for typeahead. */
export interface IndexedSkillDocument extends SkillDocument {
  suggest: { input: string[]; weight?: number };
}

export const skillsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    framework: { type: 'keyword' },
    code: { type: 'keyword' },
    uri: { type: 'keyword' },
    kind: { type: 'keyword' },
    label: { type: 'text', fields: { keyword: { type: 'keyword' }, lower: { type: 'keyword', normalizer: 'lowercase' } } },
    altLabels: { type: 'text', fields: { lower: { type: 'keyword', normalizer: 'lowercase' } } },
    description: { type: 'text' },
    broader: { type: 'keyword' },
    ancestors: { type: 'keyword' },
    narrower: { type: 'keyword' },
    related: { type: 'keyword' },
    suggest: { type: 'completion', analyzer: 'standard' },
  },
};
