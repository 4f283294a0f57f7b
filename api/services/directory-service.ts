/**
 * Lookups by id and typeahead. Earners, badge classes and issuers go through
 * the privacy-checked loaders; the skills taxonomy is open to every account.
 */
import { pathwayDefinitions } from '../pathways/definitions.ts';
import { FRAMEWORK_ENTRIES, type FrameworkEntry } from '../../mappings/frameworks.ts';
import type { SearchEngine } from '../engine.ts';
import { BadInputError } from '../errors.ts';
import type { Loaders } from '../loaders.ts';
import { LIMITS } from '../search/limits.ts';
import {
  directorySuggestRequest,
  readDirectorySuggestions,
  readSkillSuggestions,
  skillSuggestRequest,
  type Suggestion,
  type SuggestionType,
} from '../search/suggest.ts';
import { parseSearchInput, type EarnerSearchArgs } from '../search/input.ts';
import { readSuggestionCounts, suggestionCountRequest } from '../search/suggest-counts.ts';
import type { Viewer } from '../viewer.ts';
import { requireDirectoryAccess, requireSignedIn } from './access.ts';

export interface DirectoryServiceDependencies {
  engine: SearchEngine;
  loaders: Loaders;
  viewer: Viewer;
  now?: () => Date;
}

export const SUGGESTION_TYPES: readonly SuggestionType[] = ['SKILL', 'BADGE', 'ISSUER'];

function checkId(id: string, argument = 'id'): string {
  if (id.trim() === '') throw new BadInputError(argument, 'must not be empty');
  if (id.length > LIMITS.maxIdLength) throw new BadInputError(argument, `must be at most ${LIMITS.maxIdLength} characters`);
  return id;
}

export function createDirectoryService({ engine, loaders, viewer, now = () => new Date() }: DirectoryServiceDependencies) {
  return {
    async earner(id: string) {
      requireDirectoryAccess(viewer);
      return loaders.earner.load(checkId(id));
    },
    async badgeClass(id: string) {
      requireDirectoryAccess(viewer);
      return loaders.badgeClass.load(checkId(id));
    },
    async issuer(id: string) {
      requireDirectoryAccess(viewer);
      return loaders.issuer.load(checkId(id));
    },
    /** Any signed-in account: anonymous callers reach only sign-in and claiming (the taxonomy itself is public data). */
    async skill(id: string) {
      requireSignedIn(viewer);
      return loaders.skill.load(checkId(id));
    },
    /** Any signed-in account, like the taxonomy: the one table of framework names (`mappings/frameworks.ts`). */
    frameworks(): readonly FrameworkEntry[] {
      requireSignedIn(viewer);
      return FRAMEWORK_ENTRIES;
    },
    async suggest(
      prefix: string,
      types: readonly SuggestionType[] | null | undefined,
      first: number | null | undefined,
      within?: EarnerSearchArgs | null,
    ): Promise<Suggestion[]> {
      requireDirectoryAccess(viewer);
      const text = prefix.trim();
      if (text === '') throw new BadInputError('prefix', 'type at least one character');
      if (text.length > LIMITS.maxPrefixLength) throw new BadInputError('prefix', `at most ${LIMITS.maxPrefixLength} characters`);
      const size = first ?? LIMITS.defaultSuggestions;
      if (!Number.isInteger(size) || size < 1 || size > LIMITS.maxSuggestions)
        throw new BadInputError('first', `must be a whole number from 1 to ${LIMITS.maxSuggestions}`);
      if (types && types.length === 0) throw new BadInputError('types', 'name at least one type, or leave it out for all');
      const wanted = SUGGESTION_TYPES.filter((t) => (types ?? SUGGESTION_TYPES).includes(t));
      const [skills, directory] = await Promise.all([
        wanted.includes('SKILL') ? engine.searchPublic('skills', skillSuggestRequest(text, size)) : undefined,
        wanted.includes('BADGE') || wanted.includes('ISSUER')
          ? engine.searchEarners(directorySuggestRequest(text, wanted, size))
          : undefined,
      ]);
      const suggestions = wanted.flatMap((type) => {
        if (type === 'SKILL') return skills ? readSkillSuggestions(skills) : [];
        return directory ? readDirectorySuggestions(directory, type) : [];
      });
      if (!within || suggestions.length === 0) return suggestions;
      // Counts under the employer's current search, so a suggestion that leads nowhere never comes first.
      const search = parseSearchInput({ ...within, first: 1, after: null });
      const layout = engine.earnerLayout;
      const ctx = { now: now(), nestedOnly: layout?.flatDefaultScope === false, pathways: await pathwayDefinitions(engine) };
      return readSuggestionCounts(await engine.searchEarners(suggestionCountRequest(search, suggestions, ctx)), suggestions);
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
