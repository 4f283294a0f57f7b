/**
 * The demo data set looks like the real world it stands in for: every issuing
 * method, a few per cent broken on purpose, mixed consent, real US cities, and
 * skill alignments that map (or deliberately do not) to real taxonomy entries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_CHANNELS } from '../../mappings/directory-settings.ts';
import { ISSUING_METHODS } from '../../scripts/demo/data/catalog-types.ts';
import { DEMO_ISSUERS } from '../../scripts/demo/data/catalog.ts';
import { US_CITIES } from '../../scripts/demo/data/cities.ts';
import { generateDemo } from '../../scripts/demo/generate.ts';
import { setupIssuers } from '../../scripts/demo/issuers/issuers.ts';
import type { BadgeRecord, DemoDataset } from '../../scripts/demo/types.ts';
import { demoUrls } from '../../scripts/demo/urls.ts';
import { loadTaxonomy, normalizeSkills } from '../../indexer/taxonomy/index.ts';

const taxonomy = loadTaxonomy();
let dataset: DemoDataset;
let badges: BadgeRecord[];

beforeAll(async () => {
  dataset = await generateDemo({ earners: 400, seed: 3, issuerBaseUrl: 'http://127.0.0.1:3100', now: new Date('2025-06-01T00:00:00Z') });
  badges = dataset.records.flatMap((r) => r.badges);
}, 180_000);

const share = (part: number, whole: number): number => part / whole;

describe('demo data set distribution', () => {
  it('covers every issuing method and both OB 3.0 revocation mechanisms, hashed and plain recipients', () => {
    expect(new Set(badges.map((b) => b.method))).toEqual(new Set(ISSUING_METHODS));
    expect(new Set(dataset.issuers.map((i) => i.revocation))).toEqual(new Set(['bitstring', '1edtech', 'ob2-revocation-list']));
    expect(new Set(dataset.issuers.map((i) => i.recipients))).toEqual(new Set(['plain', 'hashed']));
    for (const issuer of dataset.issuers.filter((i) => i.method.startsWith('ob3-'))) expect(issuer.id).toMatch(/^did:key:z6Mk/);
    expect(new Set(badges.map((b) => b.credentialType))).toEqual(new Set(['badge', 'micro-credential', 'certificate']));
  });

  it('breaks a few per cent on purpose: revoked, expired, not yet valid, tampered', () => {
    const failed = badges.filter((b) => b.status === 'FAILED');
    expect(share(failed.length, badges.length)).toBeGreaterThan(0.02);
    expect(share(failed.length, badges.length)).toBeLessThan(0.1);
    for (const reason of ['REVOKED', 'EXPIRED', 'NOT_YET_VALID', 'BAD_SIGNATURE'] as const) {
      expect(failed.filter((b) => b.reasons.includes(reason)).length, reason).toBeGreaterThan(0);
    }
    for (const b of badges) expect(b.status === 'VERIFIED' ? b.reasons : b.reasons.length).toEqual(b.status === 'VERIFIED' ? [] : 1);
    // dates tell the same story as the reasons
    const now = dataset.options.now.getTime();
    for (const b of failed.filter((f) => f.reasons[0] === 'EXPIRED')) expect(Date.parse(b.expiresOn!)).toBeLessThan(now);
    for (const b of failed.filter((f) => f.reasons[0] === 'NOT_YET_VALID')) expect(Date.parse(b.issuedOn)).toBeGreaterThan(now);
    for (const b of badges.filter((f) => f.status === 'VERIFIED')) {
      expect(Date.parse(b.issuedOn)).toBeLessThan(now);
      if (b.expiresOn) expect(Date.parse(b.expiresOn)).toBeGreaterThan(now + 365 * 86_400_000);
    }
  });

  it('mixes consent: about 60% listed, hidden badges among listed earners, contact channels, stats without listing', () => {
    const { records, settings } = dataset;
    expect(share(records.filter((r) => r.listed).length, records.length)).toBeGreaterThan(0.5);
    expect(share(records.filter((r) => r.listed).length, records.length)).toBeLessThan(0.7);
    expect(records.some((r) => r.listed && r.hiddenBadges.length > 0)).toBe(true);
    expect(records.some((r) => !r.listed && r.statsOptIn)).toBe(true);
    const channels = new Set(records.filter((r) => r.contactable).map((r) => r.contactChannel));
    expect(channels).toEqual(new Set(CONTACT_CHANNELS));
    expect(records.every((r) => !r.contactable || r.listed)).toBe(true);
    for (const r of records) {
      // Employers see a badge the earner shows unless it failed for any reason but expiry.
      for (const b of r.badges)
        expect(b.visible).toBe(
          r.listed && !r.hiddenBadges.includes(b.credentialId) && (b.status === 'VERIFIED' || b.reasons.every((x) => x === 'EXPIRED')),
        );
      expect(r.badges.length).toBeGreaterThanOrEqual(1);
      expect(r.badges.length).toBeLessThanOrEqual(8);
    }
    const mean = badges.length / records.length;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(5);
    // settings carry the records' earner ids: random-looking, unique, nothing of the address in them
    expect(settings.map((s) => s.earnerId)).toEqual(records.map((r) => r.earnerId));
    expect(new Set(records.map((r) => r.earnerId)).size).toBe(records.length);
    expect(records.every((r) => /^e-[a-z2-7]{26}$/.test(r.earnerId))).toBe(true);
    settings.forEach((s, i) => {
      const r = records[i]!;
      expect(s).toMatchObject({
        listed: r.listed,
        contactable: r.contactable,
        statsOptIn: r.statsOptIn,
        hiddenBadges: r.hiddenBadges,
        location: r.location,
        deleted: false,
      });
      if (r.contactable) expect(s.contactValue).toBeTruthy();
    });
  });

  it('gives fictional earners unique demo addresses and real US cities', () => {
    const emails = dataset.records.map((r) => r.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+\.\d+@demo-earners\.test$/);
    expect(US_CITIES.length).toBeGreaterThanOrEqual(50);
    for (const { location } of dataset.records) {
      expect(location.country).toBe('US');
      expect(location.region).toMatch(/^US-[A-Z]{2}$/);
      expect(location.geo!.lat).toBeGreaterThan(18);
      expect(location.geo!.lat).toBeLessThan(72);
      expect(location.geo!.lon).toBeGreaterThan(-170);
      expect(location.geo!.lon).toBeLessThan(-66);
      expect(US_CITIES.some((c) => c.name === location.city && `US-${c.state}` === location.region)).toBe(true);
    }
    expect(new Set(dataset.records.map((r) => `${r.location.city}|${r.location.region}`)).size).toBeGreaterThan(30);
  });

  it('aligns every achievement to real taxonomy entries that the normalizer maps exactly as recorded', async () => {
    const setups = await setupIssuers(DEMO_ISSUERS, taxonomy, demoUrls('http://127.0.0.1:3100'), 3);
    const achievements = setups.flatMap((s) => s.achievements);
    for (const a of achievements) {
      const normalized = normalizeSkills(taxonomy, { alignments: a.alignments, tags: a.definition.tags });
      expect(normalized.skillIds, a.id).toEqual(a.skillIds);
      expect([...new Set(normalized.unmapped.map((u) => u.targetName))], a.id).toEqual(a.unmappedSkills);
      for (const id of a.skillIds) expect(taxonomy.byId.has(id), id).toBe(true);
    }
    const frameworks = new Set(achievements.flatMap((a) => a.skillIds.map((id) => id.split(':')[0])));
    expect(frameworks).toEqual(new Set(['esco', 'onet', 'nice', 'local']));
    // some alignments deliberately match nothing, so unmapped skills exist
    expect(achievements.filter((a) => a.unmappedSkills.length > a.definition.tags.length).length).toBeGreaterThanOrEqual(4);
  });

  it('defines pathways over real badge classes, completed by some earners and part-way for others', () => {
    const badgeClasses = new Set(badges.map((b) => b.badgeClassId));
    expect(dataset.pathways.length).toBeGreaterThanOrEqual(4);
    let completed = 0;
    let partial = 0;
    for (const pathway of dataset.pathways) {
      for (const id of pathway.badgeClasses) expect(badgeClasses.has(id), id).toBe(true);
      const required = pathway.required ?? pathway.badgeClasses.length;
      for (const r of dataset.records) {
        const held = pathway.badgeClasses.filter((id) => r.badges.some((b) => b.badgeClassId === id)).length;
        if (held >= required) completed++;
        else if (held > 0) partial++;
      }
    }
    expect(completed).toBeGreaterThan(10);
    expect(partial).toBeGreaterThan(10);
  });
});
