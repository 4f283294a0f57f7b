/**
 * The pathways index: stackable micro-credentials, each a set of badge
 * classes that together complete it. Loaded by the indexer from pathway
 * files; read wherever earner documents are derived (indexer and API).
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { PathwayProgress } from './earners.ts';

export interface PathwayDefinition {
  id: string;
  name: string;
  description?: string;
  /** Badge class (achievement) ids that count toward the pathway. */
  badgeClasses: string[];
  /** How many of them complete it; all of them when absent. */
  required?: number;
}

export const pathwaysMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    name: { type: 'text', fields: { keyword: { type: 'keyword' } } },
    description: { type: 'text', index: false },
    badgeClasses: { type: 'keyword' },
    required: { type: 'integer' },
  },
};

/** Progress on every pathway the earner has at least one badge of. Pure. */
export function pathwayProgress(pathways: readonly PathwayDefinition[], earnedBadgeClasses: ReadonlySet<string>): PathwayProgress[] {
  return pathways
    .map((p) => {
      const required = Math.min(p.required ?? p.badgeClasses.length, p.badgeClasses.length);
      const earned = p.badgeClasses.filter((id) => earnedBadgeClasses.has(id)).length;
      return { pathwayId: p.id, name: p.name, earned: Math.min(earned, required), required, completed: earned >= required };
    })
    .filter((p) => p.earned > 0);
}
