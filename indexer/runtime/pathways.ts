/**
 * Pathway definition files: checked here, stored in the pathways index
 * (mappings/pathways.ts holds the type and the progress rule). Pure.
 */
import type { PathwayDefinition } from '../../mappings/pathways.ts';

export type { PathwayDefinition };

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
    } else if (p.required !== undefined && (!Number.isInteger(p.required) || p.required < 1))
      errors.push(`${where}.required: expected a whole number >= 1`);
    else pathways.push(p as PathwayDefinition);
  });
  return { pathways, errors };
}
