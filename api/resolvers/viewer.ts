/** Query.viewer and the Viewer type. */
import { graphqlEnum } from './enums.ts';
import type { ResolverMap } from './types.ts';

export const viewerResolvers: ResolverMap = {
  Query: { viewer: (_parent, _args, ctx) => ctx.viewer },
  Viewer: { role: (viewer) => graphqlEnum(viewer.role) },
};
