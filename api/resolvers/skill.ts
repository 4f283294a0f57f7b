/** Skill: walks the taxonomy hierarchy through the skill loader. */
import type { SkillView } from '../search/lookups.ts';
import { loadSkills } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

export const skillResolvers: ResolverMap = {
  Skill: {
    broader: (skill: SkillView, _args, ctx) => loadSkills(skill.broader ?? [], ctx),
    narrower: (skill: SkillView, _args, ctx) => loadSkills(skill.narrower ?? [], ctx),
    altLabels: (skill: SkillView) => skill.altLabels ?? [],
  },
};
