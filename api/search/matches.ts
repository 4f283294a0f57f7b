/**
 * Why an earner matched: for each shown badge, which parts of the search it
 * proves (searched skills, held directly or through a narrower skill; the
 * searched badge classes and issuers; the searched words in its name or skill
 * labels). Pure: the caller supplies the skills (labels and ancestors).
 */
import type { BadgeView } from './earner-view.ts';
import type { EarnerSearch } from './input.ts';

/** A taxonomy entry as matching needs it. */
export interface MatchSkill {
  id: string;
  label: string;
  ancestors: readonly string[];
}

export type SkillRelation = 'EXACT' | 'NARROWER';

/** What one badge match names at most: enough to say why, and a small bound for the query cost. */
export const MAX_MATCH_SKILLS = 10;
export const MAX_MATCH_WORDS = 10;

export interface SkillMatch {
  /** The skill searched for. */
  searched: string;
  /** The skill the badge holds: the searched one, or one narrower than it. */
  held: string;
  relation: SkillRelation;
}

export interface BadgeMatch {
  credentialId: string;
  name: string;
  skills: SkillMatch[];
  badge: boolean;
  issuer: boolean;
  words: string[];
}

/** Lowercase words of a text, as the standard analyzer roughly splits them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Skill ids whose labels and ancestors matching needs: every searched skill and every skill of the badges. */
export function skillIdsToLoad(search: EarnerSearch, badges: readonly BadgeView[]): string[] {
  return [...new Set([...search.skills.values, ...badges.flatMap((b) => b.skills)])];
}

export function badgeMatches(
  search: EarnerSearch,
  badges: readonly BadgeView[],
  skillOf: (id: string) => MatchSkill | undefined,
): BadgeMatch[] {
  const searchedWords = [...new Set(words(search.text ?? ''))];
  const matches: BadgeMatch[] = [];
  for (const badge of badges) {
    const skills: SkillMatch[] = [];
    for (const searched of search.skills.values) {
      if (badge.skills.includes(searched)) skills.push({ searched, held: searched, relation: 'EXACT' });
      else if ((badge.skillsExpanded ?? []).includes(searched)) {
        // The badge holds a narrower skill: name it (the nearest one found among the badge's skills).
        const held = badge.skills.find((id) => skillOf(id)?.ancestors.includes(searched));
        if (held) skills.push({ searched, held, relation: 'NARROWER' });
      }
    }
    const badgeWords = new Set([
      ...words(badge.name),
      ...badge.skills.flatMap((id) => words(skillOf(id)?.label ?? '')),
      ...(badge.unmappedSkills ?? []).flatMap(words),
    ]);
    const matchedWords = searchedWords.filter((w) => badgeWords.has(w)).slice(0, MAX_MATCH_WORDS);
    const isBadge = search.badges.values.includes(badge.badgeClassId);
    const isIssuer = search.issuers.includes(badge.issuerId);
    if (skills.length > 0 || matchedWords.length > 0 || isBadge || isIssuer)
      matches.push({
        credentialId: badge.credentialId,
        name: badge.name,
        skills: skills.slice(0, MAX_MATCH_SKILLS),
        badge: isBadge,
        issuer: isIssuer,
        words: matchedWords,
      });
  }
  return matches;
}
