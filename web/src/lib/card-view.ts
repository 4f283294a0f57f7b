/**
 * The result card's view model, built from an Earner as the API gives it to
 * employers (a search hit, or the earner's own "Preview as an employer").
 */
import { frameworkName } from './format';
import type { EarnerCardFragment, SearchEarnersQuery } from './graphql/generated';

/** What the API says one matching badge proves of the search. */
export type BadgeMatch = SearchEarnersQuery['searchEarners']['nodes'][number]['matches'][number];

export interface CardBadge {
  credentialId: string;
  name: string;
  issuerName: string;
  /** "issuer not recognized" when the registry does not recognize the issuer; null otherwise. */
  issuerNotice: string | null;
  issuedOn: string;
  credentialType: string;
  /** The issuer's badge image (the API passes on only https or safe data: URIs). */
  image: string | null;
  /** The credential's own public page, when it has one. */
  credentialUrl: string | null;
  verification: { status: string; method: string | null; checkedAt: string | null; reasons: string[] };
  /** Why it matched the search ("Network security (narrower than ICT network security risks)"); null when it did not. */
  why: string | null;
}

/** One sentence of what a badge proves of the search. */
export function matchText(match: BadgeMatch): string {
  const parts = [
    ...match.skills.map((s) =>
      s.relation === 'EXACT' ? `skill ${s.searched.label}` : `skill ${s.held.label} (narrower than ${s.searched.label})`,
    ),
    ...(match.badge ? ['the searched badge'] : []),
    ...(match.issuer ? ['the searched issuer'] : []),
    ...(match.words.length > 0 ? [`${match.words.length === 1 ? 'word' : 'words'} ${match.words.map((w) => `“${w}”`).join(', ')}`] : []),
  ];
  return `Matches ${parts.join('; ')}`;
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
  topSkills: TopSkill[];
  /** The viewer's own shortlists holding this earner (employers only). */
  shortlistedIn: { id: string; name: string }[];
  /** When the viewer last sent them a contact request. */
  lastContactedAt: string | null;
}

/** One skill as a card shows it: entries of several frameworks with the same label (a crosswalk) show once. */
export interface TopSkill {
  label: string;
  /** Display names of the frameworks it comes from, e.g. ["ESCO", "NICE"]. */
  frameworks: string[];
}

/** Skills held on most badges first; equal labels (any case) are one skill. */
export function topSkills(
  badges: readonly { skills: readonly { id: string; label: string; framework?: string }[] }[],
  limit = 5,
): TopSkill[] {
  const byLabel = new Map<string, { label: string; n: number; frameworks: Set<string> }>();
  for (const badge of badges) {
    const counted = new Set<string>();
    for (const skill of badge.skills) {
      const key = skill.label.trim().toLowerCase();
      const entry = byLabel.get(key) ?? { label: skill.label.trim(), n: 0, frameworks: new Set<string>() };
      if (skill.framework) entry.frameworks.add(frameworkName(skill.framework));
      // A badge aligned to both sides of a crosswalk still counts once.
      if (!counted.has(key)) entry.n++;
      counted.add(key);
      byLabel.set(key, entry);
    }
  }
  return [...byLabel.values()]
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map((s) => ({ label: s.label, frameworks: [...s.frameworks].sort() }));
}

/** The card of a search hit: badges that match the search first (never hidden under "and N more"), then the newest. */
export function cardFromEarner(earner: EarnerCardFragment, matches: readonly BadgeMatch[] = []): CardView {
  const why = new Map(matches.map((m) => [m.credentialId, matchText(m)]));
  const badges = [...earner.badges].sort(
    (a, b) => Number(why.has(b.credentialId)) - Number(why.has(a.credentialId)) || b.issuedOn.localeCompare(a.issuedOn),
  );
  return {
    id: earner.id,
    name: earner.name,
    headline: earner.headline,
    location: earner.location,
    openTo: earner.openTo,
    contactable: earner.contactable,
    shortlistedIn: earner.shortlistedIn.map(({ id, name }) => ({ id, name })),
    lastContactedAt: earner.lastContactedAt ?? null,
    badges: badges.map((b) => ({
      credentialId: b.credentialId,
      name: b.name,
      issuerName: b.issuer?.name ?? b.issuerName,
      issuerNotice: b.issuerNotice,
      issuedOn: b.issuedOn,
      credentialType: b.credentialType,
      image: b.image ?? null,
      credentialUrl: b.credentialUrl ?? null,
      verification: b.verification,
      why: why.get(b.credentialId) ?? null,
    })),
    badgeCount: Math.max(earner.badgeCount, earner.badges.length),
    topSkills: topSkills(badges),
  };
}
