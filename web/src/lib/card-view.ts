/**
 * The result card's view model, built from an Earner as the API gives it to
 * employers (a search hit, or the earner's own "Preview as an employer").
 */
import type { EarnerCardFragment } from './graphql/generated';

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
