/**
 * The postings index: job postings (demand), one document per posting, with
 * required skills normalized to the same taxonomy as badges. Written by
 * `indexer demand`; read by the skill-gap reports.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface PostingDocument {
  id: string;
  title: string;
  employer: string;
  /** Region code, e.g. `US-OH`. */
  region: string;
  postedOn: string;
  /** O*NET-SOC code of the posting's occupation, when the source gives one. */
  occupation?: string;
  /** Canonical skill ids the posting requires. */
  skills: string[];
  /** `skills` plus their taxonomy ancestors: demand for a narrow skill is demand for its broader ones. */
  skillsExpanded: string[];
  /** Required skills that matched no taxonomy entry, as written. */
  unmappedSkills: string[];
  source: string;
  ingestedAt: string;
}

export const postingsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
    employer: { type: 'keyword' },
    region: { type: 'keyword' },
    postedOn: { type: 'date' },
    occupation: { type: 'keyword' },
    skills: { type: 'keyword' },
    skillsExpanded: { type: 'keyword' },
    unmappedSkills: { type: 'keyword' },
    source: { type: 'keyword', index: false },
    ingestedAt: { type: 'date' },
  },
};
