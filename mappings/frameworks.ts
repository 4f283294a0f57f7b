/**
 * The names people know the taxonomy frameworks by: the one table of them.
 * The API labels facets and suggestions with it and serves it
 * (`Query.frameworks`); the web app shows what the API serves.
 */
import { FRAMEWORKS, type Framework } from './skills.ts';

export interface FrameworkNames {
  /** The full name, for filters, facets and report headings ("NICE Framework"). */
  name: string;
  /** A short qualifier shown beside a skill's label ("NICE"). */
  shortName: string;
}

/** A `Record` over `Framework`, so a framework added to `FRAMEWORKS` without names is a type error. */
const NAMES: Readonly<Record<Framework, FrameworkNames>> = {
  esco: { name: 'ESCO', shortName: 'ESCO' },
  onet: { name: 'O*NET', shortName: 'O*NET' },
  lightcast: { name: 'Lightcast', shortName: 'Lightcast' },
  nice: { name: 'NICE Framework', shortName: 'NICE' },
  local: { name: 'Local framework', shortName: 'Local' },
};

export interface FrameworkEntry extends FrameworkNames {
  id: Framework;
}

/** Every framework with its names, in the order of `FRAMEWORKS`. */
export const FRAMEWORK_ENTRIES: readonly FrameworkEntry[] = FRAMEWORKS.map((id) => ({ id, ...NAMES[id] }));

/** Own keys only: `constructor` or `__proto__` from a document is not a framework. */
function namesOf(id: string): FrameworkNames | undefined {
  return Object.hasOwn(NAMES, id) ? NAMES[id as Framework] : undefined;
}

/** The framework's full name; an id outside `FRAMEWORKS` (old data) is shown as it is. */
export function frameworkName(id: string): string {
  return namesOf(id)?.name ?? id;
}

/** The framework's short name; an id outside `FRAMEWORKS` is shown as it is. */
export function frameworkShortName(id: string): string {
  return namesOf(id)?.shortName ?? id;
}
