/** EarnerHit: why the earner matched, from the search that found them and the taxonomy (loaded in batches). */
import { pageOf } from '../graphql/list-page.ts';
import type { EarnerSearch } from '../search/input.ts';
import type { SkillView } from '../search/lookups.ts';
import { badgeMatches, skillIdsToLoad } from '../search/matches.ts';
import type { EarnerHit } from '../search/response.ts';
import type { ResolverMap } from './types.ts';

/** A hit as the search service returns it: with the checked search, so `matches` can tell what it proves. */
export type SearchedHit = EarnerHit & { search: EarnerSearch };

export const earnerHitResolvers: ResolverMap = {
  EarnerHit: {
    async matches(hit, args, ctx) {
      const ids = skillIdsToLoad(hit.search, hit.earner.badges);
      const loaded = await ctx.loaders.skill.loadMany(ids);
      const skills = new Map<string, SkillView>();
      for (const skill of loaded) if (skill && !(skill instanceof Error)) skills.set(skill.id, skill);
      return pageOf(
        badgeMatches(hit.search, hit.earner.badges, (id) => skills.get(id)),
        args,
      ).map((match) => ({
        ...match,
        // A skill the taxonomy no longer has is left out rather than shown without a label.
        skills: match.skills.flatMap((m) => {
          const searched = skills.get(m.searched);
          const held = skills.get(m.held);
          return searched && held ? [{ relation: m.relation, searched, held }] : [];
        }),
      }));
    },
  },
};
