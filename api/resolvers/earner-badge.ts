/** EarnerBadge: its class, issuer and skills load in batches across the whole page. */
import { recognitionNotice, type IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import type { BadgeView, EarnerView } from '../search/earner-view.ts';
import type { RequestContext } from '../context.ts';
import type { ResolverMap } from './types.ts';

export async function loadSkills(ids: readonly string[], ctx: RequestContext) {
  const skills = await ctx.loaders.skill.loadMany([...ids]);
  return skills.filter((skill) => skill !== null && !(skill instanceof Error));
}

const recognitionOf = (badge: BadgeView): IssuerRecognition => badge.issuerRecognition ?? 'UNKNOWN';

export const earnerBadgeResolvers: ResolverMap = {
  Earner: {
    // Badges of issuers the registry does not recognize are shown only where the caller asks for them.
    badges: (earner: EarnerView, args: { issuerRecognition?: IssuerRecognition[] | null }) => {
      const wanted = args.issuerRecognition ?? ['RECOGNIZED'];
      return earner.badges.filter((badge) => wanted.includes(recognitionOf(badge)));
    },
  },
  EarnerBadge: {
    badgeClass: (badge: BadgeView, _args, ctx) => ctx.loaders.badgeClass.load(badge.badgeClassId),
    // The registry entry the verifying key matched, when the registry vouches for it (a PENDING entry only repeats the credential's claims).
    issuer: (badge: BadgeView, _args, ctx) => (badge.registryIssuerId && recognitionOf(badge) !== 'UNKNOWN' ? ctx.loaders.issuer.load(badge.registryIssuerId) : null),
    issuerRecognition: (badge: BadgeView) => recognitionOf(badge),
    issuerNotice: (badge: BadgeView) => recognitionNotice(recognitionOf(badge)) ?? null,
    skills: (badge: BadgeView, _args, ctx) => loadSkills(badge.skills, ctx),
    evidence: (badge: BadgeView) => badge.evidence ?? [],
    unmappedSkills: (badge: BadgeView) => badge.unmappedSkills ?? [],
    frameworks: (badge: BadgeView) => badge.frameworks ?? [],
  },
};
