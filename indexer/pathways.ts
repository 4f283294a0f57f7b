/**
 * Stackable micro-credentials: a pathway names the badges that together
 * complete it. Progress counts verified badges the earner shows. Pure.
 */
import type { PathwayProgress } from '../mappings/earners.ts';

export interface PathwayDefinition {
  id: string;
  name: string;
  description?: string;
  /** Badge class (achievement) ids that count toward the pathway. */
  badgeClasses: string[];
  /** How many of them complete it; all of them when absent. */
  required?: number;
}

/** Progress on every pathway the earner has at least one badge of. */
export function pathwayProgress(pathways: readonly PathwayDefinition[], earnedBadgeClasses: ReadonlySet<string>): PathwayProgress[] {
  return pathways
    .map((p) => {
      const required = Math.min(p.required ?? p.badgeClasses.length, p.badgeClasses.length);
      const earned = p.badgeClasses.filter((id) => earnedBadgeClasses.has(id)).length;
      return { pathwayId: p.id, name: p.name, earned: Math.min(earned, required), required, completed: earned >= required };
    })
    .filter((p) => p.earned > 0);
}

/** Checks a list of pathway definitions; returns the problems, each naming the pathway and field. */
export function validatePathways(input: unknown): { pathways: PathwayDefinition[]; errors: string[] } {
  const errors: string[] = [];
  if (!Array.isArray(input)) return { pathways: [], errors: ['pathways: expected a JSON array of pathway definitions'] };
  const pathways: PathwayDefinition[] = [];
  input.forEach((raw, i) => {
    const p = raw as Partial<PathwayDefinition>;
    const where = `pathways[${i}]${typeof p?.id === 'string' ? ` (${p.id})` : ''}`;
    if (typeof p?.id !== 'string' || p.id === '') errors.push(`${where}.id: expected a non-empty string`);
    else if (typeof p.name !== 'string' || p.name === '') errors.push(`${where}.name: expected a non-empty string`);
    else if (!Array.isArray(p.badgeClasses) || p.badgeClasses.length === 0 || !p.badgeClasses.every((b) => typeof b === 'string')) {
      errors.push(`${where}.badgeClasses: expected a non-empty array of badge class ids`);
    } else if (p.required !== undefined && (!Number.isInteger(p.required) || p.required < 1)) errors.push(`${where}.required: expected a whole number >= 1`);
    else pathways.push(p as PathwayDefinition);
  });
  return { pathways, errors };
}
