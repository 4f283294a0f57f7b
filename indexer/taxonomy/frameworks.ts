/**
 * Framework names as credentials spell them in the wild, mapped to the
 * frameworks the directory knows. Pure functions.
 */
import type { Framework } from '../../mappings/skills.ts';
import { LOCAL_FRAMEWORK_NAME, LOCAL_FRAMEWORK_SHORT_NAME } from './local-framework.ts';

/** Letters and digits only, lower case: `O*NET-SOC 2019` -> `onetsoc2019`. */
function frameworkKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const LOCAL_KEYS = new Set(['local', frameworkKey(LOCAL_FRAMEWORK_NAME), frameworkKey(LOCAL_FRAMEWORK_SHORT_NAME)]);

/**
 * Maps a `targetFramework` value to a known framework, or `undefined`.
 * Matches on prefixes so versions and suffixes ("ESCO v1.2", "O*NET-SOC",
 * "O*NET OnLine", "NICE Framework", "Lightcast Open Skills") still match.
 */
export function normalizeFrameworkName(name: string | undefined): Framework | undefined {
  if (name === undefined) return undefined;
  const key = frameworkKey(name);
  if (key === '') return undefined;
  if (key.startsWith('esco') || key.startsWith('europeanskillscompetences')) return 'esco';
  if (key.startsWith('onet')) return 'onet';
  if (
    key.startsWith('nice') ||
    key.startsWith('nistsp800181') ||
    key.startsWith('sp800181') ||
    key.startsWith('workforceframeworkforcybersecurity') ||
    key.startsWith('nationalinitiativeforcybersecurityeducation')
  ) {
    return 'nice';
  }
  if (key.startsWith('lightcast') || key.startsWith('emsi')) return 'lightcast';
  if (LOCAL_KEYS.has(key)) return 'local';
  return undefined;
}
