/**
 * The result card's view model, built from a search hit or from the earner's
 * own profile (for "Preview as an employer"), so both show the same card.
 */
import type { EarnerCardFragment, MyDirectoryQuery } from './graphql/generated';

export interface CardBadge {
  credentialId: string;
  name: string;
  issuerName: string;
  /** "issuer not recognized" when the registry does not recognize the issuer; null otherwise. */
  issuerNotice: string | null;
  issuedOn: string;
  credentialType: string;
  verification: { status: string; method: string | null; checkedAt: string | null; reasons: string[] };
}

export interface CardView {
  id: string;
  name: string;
  headline: string | null;
  location: { city: string; region: string } | null;
  openTo: string[];
  contactable: boolean;
  badges: CardBadge[];
  /** All badges shown to employers (a search result carries only the first page of them). */
  badgeCount: number;
  topSkills: string[];
}

/** Skills held on most badges first. */
function topSkills(badges: EarnerCardFragment['badges'], limit = 5): string[] {
  const counts = new Map<string, { label: string; n: number }>();
  for (const badge of badges)
    for (const skill of badge.skills) counts.set(skill.id, { label: skill.label, n: (counts.get(skill.id)?.n ?? 0) + 1 });
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map((s) => s.label);
}

export function cardFromEarner(earner: EarnerCardFragment): CardView {
  const badges = [...earner.badges].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
  return {
    id: earner.id,
    name: earner.name,
    headline: earner.headline,
    location: earner.location,
    openTo: earner.openTo,
    contactable: earner.contactable,
    badges: badges.map((b) => ({
      credentialId: b.credentialId,
      name: b.name,
      issuerName: b.issuer?.name ?? b.issuerName,
      issuerNotice: b.issuerNotice,
      issuedOn: b.issuedOn,
      credentialType: b.credentialType,
      verification: b.verification,
    })),
    badgeCount: Math.max(earner.badgeCount, earner.badges.length),
    topSkills: topSkills(badges),
  };
}

type MyProfile = NonNullable<MyDirectoryQuery['myProfile']>;
type MySettings = MyDirectoryQuery['mySettings'];

/** What employers see of the signed-in earner: only badges shown to them. */
export function cardFromOwnProfile(profile: MyProfile, settings: MySettings): CardView {
  const shown = profile.badges.filter((b) => !b.hidden).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
  return {
    id: profile.earnerId,
    name: settings.displayName ?? profile.name,
    headline: settings.headline ?? profile.headline,
    location: settings.location ?? profile.location,
    openTo: settings.openTo,
    contactable: settings.contactable,
    badges: shown.map((b) => ({
      credentialId: b.credentialId,
      name: b.name,
      issuerName: b.issuerName,
      issuerNotice: null,
      issuedOn: b.issuedOn,
      credentialType: b.credentialType,
      verification: { status: b.verificationStatus, method: null, checkedAt: null, reasons: [] },
    })),
    badgeCount: shown.length,
    topSkills: [],
  };
}
