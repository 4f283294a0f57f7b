/** Query.viewer and the Viewer type. */
import type { Viewer } from '../viewer.ts';
import type { ResolverMap } from './types.ts';

export const viewerResolvers: ResolverMap = {
  Query: { viewer: (_parent, _args, ctx) => ctx.viewer },
  Viewer: { role: (viewer: Viewer) => viewer.role.toUpperCase() },
};
