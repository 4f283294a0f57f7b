/** Why a hit matched (`EarnerHit.matches`) and suggestion counts: the pure parts, no engine. */
import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../api/search/earner-view.ts';
import { parseSearchInput } from '../../api/search/input.ts';
import { badgeMatches, type MatchSkill } from '../../api/search/matches.ts';
import { readSuggestionCounts, withSuggestion } from '../../api/search/suggest-counts.ts';

const skills = new Map<string, MatchSkill>([
  ['esco:ict-sec', { id: 'esco:ict-sec', label: 'ICT network security risks', ancestors: ['esco:ict'] }],
  ['local:network-security', { id: 'local:network-security', label: 'Network security', ancestors: ['esco:ict-sec', 'esco:ict'] }],
  ['local:welding', { id: 'local:welding', label: 'Welding', ancestors: [] }],
]);

function badge(id: string, name: string, skillIds: string[], extra: Partial<BadgeView> = {}): BadgeView {
  const expanded = [...new Set(skillIds.flatMap((s) => [s, ...(skills.get(s)?.ancestors ?? [])]))];
  return {
    credentialId: id,
    badgeClassId: `class-${id}`,
    name,
    credentialType: 'badge',
    issuerId: 'issuer-1',
    issuerName: 'Issuer',
    issuerRecognition: 'RECOGNIZED',
    issuedOn: '2025-01-01',
    verification: { status: 'VERIFIED', reasons: [], method: 'ob2-hosted', checkedAt: '2025-01-02' },
    skills: skillIds,
    skillsExpanded: expanded,
    unmappedSkills: [],
    frameworks: [],
    evidence: [],
    ...extra,
  };
}

describe('badgeMatches', () => {
  const badges = [
    badge('a', 'Firewall Fundamentals', ['local:network-security']),
    badge('b', 'MIG Welding Level 2', ['local:welding']),
    badge('c', 'Teamwork', []),
  ];

  it('names the narrower skill a badge holds for a broad searched skill, and the exact one otherwise', () => {
    const search = parseSearchInput({ skills: ['esco:ict-sec', 'local:welding'] });
    expect(badgeMatches(search, badges, (id) => skills.get(id))).toEqual([
      {
        credentialId: 'a',
        name: 'Firewall Fundamentals',
        skills: [{ searched: 'esco:ict-sec', held: 'local:network-security', relation: 'NARROWER' }],
        badge: false,
        issuer: false,
        words: [],
      },
      {
        credentialId: 'b',
        name: 'MIG Welding Level 2',
        skills: [{ searched: 'local:welding', held: 'local:welding', relation: 'EXACT' }],
        badge: false,
        issuer: false,
        words: [],
      },
    ]);
  });

  it('finds searched words in badge names and skill labels, and searched badges and issuers', () => {
    const search = parseSearchInput({ text: 'Samuel Murphy welding network', badges: ['class-c'] });
    const found = badgeMatches(search, badges, (id) => skills.get(id));
    expect(found.map((m) => [m.credentialId, m.words, m.badge])).toEqual([
      ['a', ['network'], false],
      ['b', ['welding'], false],
      ['c', [], true],
    ]);
    expect(badgeMatches(parseSearchInput({ issuers: ['issuer-1'] }), badges, (id) => skills.get(id))).toHaveLength(3);
  });

  it('says nothing of badges that prove no part of the search', () => {
    expect(badgeMatches(parseSearchInput({ text: 'python' }), badges, (id) => skills.get(id))).toEqual([]);
  });
});

describe('suggestion counts', () => {
  it('adds the suggestion to the filter it sets, once', () => {
    const search = parseSearchInput({ skills: ['x'] });
    expect(withSuggestion(search, { type: 'SKILL', id: 'y' }).skills.values).toEqual(['x', 'y']);
    expect(withSuggestion(search, { type: 'SKILL', id: 'x' }).skills.values).toEqual(['x']);
    expect(withSuggestion(search, { type: 'BADGE', id: 'b' }).badges.values).toEqual(['b']);
    expect(withSuggestion(search, { type: 'ISSUER', id: 'i' }).issuers).toEqual(['i']);
  });

  it('orders by earners found, those finding nobody last, the type order kept between equals', () => {
    const suggestions = [
      { type: 'SKILL' as const, id: 's1', label: 'git' },
      { type: 'SKILL' as const, id: 's2', label: 'GitLab' },
      { type: 'BADGE' as const, id: 'b1', label: 'Version Control with Git', earnerCount: 60 },
    ];
    const response = {
      aggregations: { suggestions: { buckets: { '0': { doc_count: 0 }, '1': { doc_count: 3 }, '2': { doc_count: 54 } } } },
    };
    const ordered = readSuggestionCounts(response as never, suggestions);
    expect(ordered.map((s) => [s.id, s.earnerCount])).toEqual([
      ['b1', 54],
      ['s2', 3],
      ['s1', 0],
    ]);
  });
});
