/** EarnerHit: why the earner matched, from the search that found them and the taxonomy (loaded in batches). */
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { EarnerSearch } from '../search/input.ts';
import { badgeMatches, skillIdsToLoad, type MatchSkill } from '../search/matches.ts';
import type { EarnerHit } from '../search/response.ts';
import type { ResolverMap } from './types.ts';

/** A hit as the search service returns it: with the checked search, so `matches` can tell what it proves. */
export type SearchedHit = EarnerHit & { search: EarnerSearch };

export const earnerHitResolvers: ResolverMap = {
  EarnerHit: {
    async matches(hit: SearchedHit, args: PageArgs, ctx) {
      const ids = skillIdsToLoad(hit.search, hit.earner.badges);
      const loaded = await ctx.loaders.skill.loadMany(ids);
      const skills = new Map<string, MatchSkill>();
      for (const skill of loaded) if (skill && !(skill instanceof Error)) skills.set(skill.id, skill);
      return pageOf(
        badgeMatches(hit.search, hit.earner.badges, (id) => skills.get(id)),
        args,
      ).map((match) => ({
        ...match,
        skills: match.skills
          .map((m) => ({
            relation: m.relation,
            searched: skills.get(m.searched) ?? null,
            held: skills.get(m.held) ?? null,
          }))
          .filter((m) => m.searched && m.held),
      }));
    },
  },
};
