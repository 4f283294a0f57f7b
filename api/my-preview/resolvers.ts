/** Query.myEmployerPreview: the earner's own profile as employers see it (fields of Earner resolve as for employers). */
import type { ResolverMap } from '../resolvers/types.ts';

export const previewResolvers: ResolverMap = {
  Query: {
    myEmployerPreview: (_parent, _args, ctx) => ctx.services.preview.myEmployerPreview(),
  },
};
