/** Earner: its shown badges (of issuers in the asked standings) and micro-credentials, one page at a time. */
import type { IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import type { InputMaybe } from '../generated/resolvers-types.ts';
import { pageOf } from '../graphql/list-page.ts';
import type { EarnerView } from '../search/earner-view.ts';
import { recognitionOf } from './earner-badge.ts';
import { withEarned } from './pathway-progress.ts';
import type { ResolverMap } from './types.ts';

/** Badges of issuers the registry does not recognize are shown only where the caller asks for them. */
function badgesIn(earner: EarnerView, issuerRecognition: InputMaybe<readonly IssuerRecognition[]> | undefined) {
  const wanted = issuerRecognition ?? ['RECOGNIZED'];
  return earner.badges.filter((badge) => wanted.includes(recognitionOf(badge)));
}

export const earnerResolvers: ResolverMap = {
  Earner: {
    badges: (earner, args) => pageOf(badgesIn(earner, args.issuerRecognition), args),
    badgeCount: (earner, args) => badgesIn(earner, args.issuerRecognition).length,
    microCredentials: (earner, args) => withEarned(earner, pageOf(earner.microCredentials, args)),
  },
};
