/**
 * PathwayProgress.credentials: which credentials of a pathway the earner holds
 * and which are missing, named. `earned` follows the rule the progress count
 * uses (a shown, verified badge of a recognized issuer).
 */
import type { PathwayProgress } from '../../mappings/earners.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { BadgeView, EarnerView } from '../search/earner-view.ts';
import type { RequestContext } from '../context.ts';
import { recognitionOf } from './earner-badge.ts';
import type { ResolverMap } from './types.ts';

/** Progress with the badge classes the earner counts toward it (set by Earner.microCredentials). */
export type ProgressWithEarned = PathwayProgress & { earnedBadgeClasses: readonly string[] };

const counts = (badge: BadgeView) => badge.verification.status === 'VERIFIED' && recognitionOf(badge) === 'RECOGNIZED';

export function withEarned(earner: EarnerView, progress: readonly PathwayProgress[]): ProgressWithEarned[] {
  const earned = [...new Set(earner.badges.filter(counts).map((b) => b.badgeClassId))];
  return progress.map((p) => ({ ...p, earnedBadgeClasses: earned }));
}

export interface PathwayCredentialView {
  badgeClassId: string;
  name: string;
  earned: boolean;
}

async function credentialsOf(progress: ProgressWithEarned, ctx: RequestContext): Promise<PathwayCredentialView[]> {
  const pathway = await ctx.loaders.pathway.load(progress.pathwayId);
  if (!pathway) return [];
  const held = new Set(progress.earnedBadgeClasses);
  const names = await ctx.loaders.badgeClassName.loadMany(pathway.badgeClasses);
  const all = pathway.badgeClasses.map((id, i) => {
    const name = names[i];
    return { badgeClassId: id, name: typeof name === 'string' ? name : id, earned: held.has(id) };
  });
  return [...all.filter((c) => c.earned), ...all.filter((c) => !c.earned)];
}

export const pathwayProgressResolvers: ResolverMap = {
  PathwayProgress: {
    credentials: async (progress: ProgressWithEarned, args: PageArgs, ctx) => pageOf(await credentialsOf(progress, ctx), args),
  },
};
