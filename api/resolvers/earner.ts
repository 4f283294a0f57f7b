/** Earner: its shown badges and micro-credentials, one page at a time. */
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { EarnerView } from '../search/earner-view.ts';
import type { ResolverMap } from './types.ts';

export const earnerResolvers: ResolverMap = {
  Earner: {
    badges: (earner: EarnerView, args: PageArgs) => pageOf(earner.badges, args),
    badgeCount: (earner: EarnerView) => earner.badges.length,
    microCredentials: (earner: EarnerView, args: PageArgs) => pageOf(earner.microCredentials, args),
  },
};
