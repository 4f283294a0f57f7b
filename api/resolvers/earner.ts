/** Earner: its shown badges (of issuers in the asked standings) and micro-credentials, one page at a time. */
import type { IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { EarnerView } from '../search/earner-view.ts';
import { recognitionOf } from './earner-badge.ts';
import { withEarned } from './pathway-progress.ts';
import type { ResolverMap } from './types.ts';

interface StandingArgs {
  issuerRecognition?: IssuerRecognition[] | null;
}

/** Badges of issuers the registry does not recognize are shown only where the caller asks for them. */
function badgesIn(earner: EarnerView, { issuerRecognition }: StandingArgs) {
  const wanted = issuerRecognition ?? ['RECOGNIZED'];
  return earner.badges.filter((badge) => wanted.includes(recognitionOf(badge)));
}

export const earnerResolvers: ResolverMap = {
  Earner: {
    badges: (earner: EarnerView, args: PageArgs & StandingArgs) => pageOf(badgesIn(earner, args), args),
    badgeCount: (earner: EarnerView, args: StandingArgs) => badgesIn(earner, args).length,
    microCredentials: (earner: EarnerView, args: PageArgs) => withEarned(earner, pageOf(earner.microCredentials, args)),
  },
};
