/** FacetValue: skill labels come from the taxonomy, batched through the skill loader. */
import type { ResolverMap } from './types.ts';

export const facetValueResolvers: ResolverMap = {
  FacetValue: {
    label: async (value, _args, ctx) => value.label ?? (await ctx.loaders.skill.load(value.value))?.label ?? value.value,
  },
};
