/** The one table of framework names (mappings/frameworks.ts), without an engine. */
import { describe, expect, it } from 'vitest';
import { FACETS, staticLabel } from '../../api/search/facets.ts';
import { FRAMEWORK_ENTRIES, frameworkName, frameworkShortName } from '../../mappings/frameworks.ts';
import { FRAMEWORKS } from '../../mappings/skills.ts';

describe('framework names', () => {
  it('names every framework the directory normalizes to, in its order, with distinct names', () => {
    expect(FRAMEWORK_ENTRIES.map((f) => f.id)).toEqual([...FRAMEWORKS]);
    expect(new Set(FRAMEWORK_ENTRIES.map((f) => f.name)).size).toBe(FRAMEWORKS.length);
    expect(new Set(FRAMEWORK_ENTRIES.map((f) => f.shortName)).size).toBe(FRAMEWORKS.length);
    for (const f of FRAMEWORK_ENTRIES) {
      expect(f.name.trim()).not.toBe('');
      expect(f.shortName.length).toBeLessThanOrEqual(f.name.length);
    }
  });

  it('looks names up by id, and shows an id outside the table as it is', () => {
    expect(frameworkName('nice')).toBe('NICE Framework');
    expect(frameworkShortName('nice')).toBe('NICE');
    expect(frameworkName('onet')).toBe('O*NET');
    expect(frameworkName('wikipedia')).toBe('wikipedia');
    expect(frameworkShortName('wikipedia')).toBe('wikipedia');
    // Not an inherited property of a plain object.
    expect(frameworkName('constructor')).toBe('constructor');
    expect(frameworkShortName('__proto__')).toBe('__proto__');
  });

  it('is what the frameworks facet labels its values with', () => {
    const facet = FACETS.find((f) => f.id === 'frameworks')!;
    for (const f of FRAMEWORK_ENTRIES) expect(staticLabel(facet, f.id)).toBe(f.name);
  });
});
