/** Skill: walks the taxonomy hierarchy through the skill loader, one page at a time. */
import { pageOf } from '../graphql/list-page.ts';
import { loadSkills } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

export const skillResolvers: ResolverMap = {
  Skill: {
    // The page is cut from the ids before loading: a broad entry has 150+ narrower ones.
    broader: (skill, args, ctx) => loadSkills(pageOf(skill.broader, args), ctx),
    broaderCount: (skill) => skill.broader?.length ?? 0,
    narrower: (skill, args, ctx) => loadSkills(pageOf(skill.narrower, args), ctx),
    narrowerCount: (skill) => skill.narrower?.length ?? 0,
    altLabels: (skill, args) => pageOf(skill.altLabels, args),
  },
};
