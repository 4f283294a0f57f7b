/** Skill: walks the taxonomy hierarchy through the skill loader, one page at a time. */
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { SkillView } from '../search/lookups.ts';
import { loadSkills } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

export const skillResolvers: ResolverMap = {
  Skill: {
    // The page is cut from the ids before loading: a broad entry has 150+ narrower ones.
    broader: (skill: SkillView, args: PageArgs, ctx) => loadSkills(pageOf(skill.broader, args), ctx),
    broaderCount: (skill: SkillView) => skill.broader?.length ?? 0,
    narrower: (skill: SkillView, args: PageArgs, ctx) => loadSkills(pageOf(skill.narrower, args), ctx),
    narrowerCount: (skill: SkillView) => skill.narrower?.length ?? 0,
    altLabels: (skill: SkillView, args: PageArgs) => pageOf(skill.altLabels, args),
  },
};
