/**
 * The occupations index: O*NET occupation skill profiles (an occupation's
 * skills and knowledge with their importance, and the technologies it
 * lists), loaded by the indexer from the shipped taxonomy data. The
 * skill-gap reports read it to filter by occupation.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface OccupationDocument {
  /** O*NET-SOC code, e.g. `15-1252.00`. */
  soc: string;
  /** Canonical id of the occupation in the skills index, `onet:soc:<soc>`. */
  occupationId: string;
  title: string;
  /** Skills and knowledge with O*NET importance (1-5), most important first. */
  skills: { skillId: string; importance: number }[];
  /** Technology skills the occupation lists. */
  technologies: { skillId: string; hot: boolean; inDemand: boolean }[];
}

export const occupationsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    soc: { type: 'keyword' },
    occupationId: { type: 'keyword' },
    title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
    skills: { properties: { skillId: { type: 'keyword' }, importance: { type: 'float' } } },
    technologies: { properties: { skillId: { type: 'keyword' }, hot: { type: 'boolean' }, inDemand: { type: 'boolean' } } },
  },
};
