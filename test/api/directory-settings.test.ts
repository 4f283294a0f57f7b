import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { aliasName } from '../../mappings/indices.ts';
import { claimEarner, credentialOf, seedEarners, startAccountApi, type AccountApi, type SeedEarner } from '../support/account-api.ts';

const UPDATE = `mutation($input: DirectorySettingsInput!) {
  updateDirectorySettings(input: $input) { listed statsOptIn contactable contactChannel contactValue hiddenBadges displayName headline location { city region country lat lon } openTo }
}`;
const SEARCH = `query($input: EarnerSearchInput!) {
  searchEarners(input: $input) { total nodes { earner { id name headline location { region } badges { credentialId } } } facets { badges { value count } regions { value count } } }
}`;

type Hit = {
  earner: { id: string; name: string; headline: string | null; location: { region: string } | null; badges: { credentialId: string }[] };
};
type SearchData = {
  searchEarners: {
    total: number;
    nodes: Hit[];
    facets: { badges: { value: string; count: number }[]; regions: { value: string; count: number }[] };
  };
};

const ADA: SeedEarner = { earnerId: 'earner-ada', email: 'ada@example.org', name: 'Ada Example', badges: 3 };
const badge = (n: number) => credentialOf(ADA, n).id;

describe('directory settings take effect in search at once', () => {
  let t: AccountApi;
  let earner: string;
  let employer: string;

  const search = async (input: Record<string, unknown> = {}) => {
    const result = await t.gql<SearchData>(SEARCH, { input }, employer);
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.searchEarners;
  };
  const update = async (input: Record<string, unknown>) =>
    t.gql<{ updateDirectorySettings: Record<string, unknown> }>(UPDATE, { input }, earner);

  beforeAll(async () => {
    t = await startAccountApi('settings');
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await seedEarners(t.client, t.prefix, [
      ADA,
      { earnerId: 'earner-bo', email: 'bo@example.org', name: 'Bo Listed', badges: 1, settings: { listed: true } },
    ]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    earner = await claimEarner(t, ADA.email);
  });
  afterAll(() => t?.cleanup());

  it('starts hidden: only the other, listed earner is found', async () => {
    const found = await search();
    expect(found.nodes.map((n) => n.earner.id)).toEqual(['earner-bo']);
    expect((await t.gql('{ earner(id: "earner-ada") { id } }', {}, employer)).body.data).toEqual({ earner: null });
  });

  it('opting in shows the earner with their settings, in hits, facets and lookups', async () => {
    const result = await update({
      listed: true,
      headline: 'Maintenance technician',
      displayName: 'Ada E.',
      location: { city: 'Columbus', region: 'us-oh', country: 'US', lat: 39.96, lon: -83 },
      openTo: ['full-time'],
    });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.updateDirectorySettings).toMatchObject({
      listed: true,
      headline: 'Maintenance technician',
      location: { city: 'Columbus', region: 'US-OH', country: 'US', lat: 39.96, lon: -83 },
      openTo: ['full-time'],
    });
    const found = await search({ regions: ['US-OH'] });
    expect(found.nodes.map((n) => n.earner)).toEqual([
      { id: 'earner-ada', name: 'Ada E.', headline: 'Maintenance technician', location: { region: 'US-OH' }, badges: expect.any(Array) },
    ]);
    expect(found.nodes[0]!.earner.badges.map((b) => b.credentialId).sort()).toEqual([badge(0), badge(1), badge(2)].sort());
    expect((await search({ near: { lat: 39.96, lon: -83, radiusKm: 5 } })).total).toBe(1);
    expect((await t.gql('{ earner(id: "earner-ada") { id name } }', {}, employer)).body.data).toEqual({
      earner: { id: 'earner-ada', name: 'Ada E.' },
    });
  });

  it('a hidden badge disappears from hits, facets and filters at once; other badges stay', async () => {
    const result = await update({ hiddenBadges: [badge(1)] });
    expect(result.body.data!.updateDirectorySettings.hiddenBadges).toEqual([badge(1)]);
    const found = await search({ text: 'Ada' });
    expect(found.nodes[0]!.earner.badges.map((b) => b.credentialId).sort()).toEqual([badge(0), badge(2)].sort());
    const hiddenClass = credentialOf(ADA, 1).achievement.id;
    expect(found.facets.badges.map((f) => f.value)).not.toContain(hiddenClass);
    expect((await search({ badges: [hiddenClass] })).total).toBe(0);
    // The earner still sees their hidden badge, marked as such.
    const own = await t.gql<{ myProfile: { badges: { credentialId: string; hidden: boolean; shown: boolean }[] } }>(
      '{ myProfile { earnerId listed badges { credentialId hidden shown } } }',
      {},
      earner,
    );
    expect(own.body.data!.myProfile.badges.find((b) => b.credentialId === badge(1))).toEqual({
      credentialId: badge(1),
      hidden: true,
      shown: false,
    });
    expect(own.body.data!.myProfile.badges.filter((b) => b.shown)).toHaveLength(2);
  });

  it('opting out hides the earner from search and lookups at once, keeping the other settings', async () => {
    const result = await update({ listed: false });
    expect(result.body.data!.updateDirectorySettings).toMatchObject({
      listed: false,
      headline: 'Maintenance technician',
      hiddenBadges: [badge(1)],
    });
    expect((await search()).nodes.map((n) => n.earner.id)).toEqual(['earner-bo']);
    expect((await search({ regions: ['US-OH'] })).facets.regions).toEqual([]);
    expect((await t.gql('{ earner(id: "earner-ada") { id } }', {}, employer)).body.data).toEqual({ earner: null });
    // Back in, with null clearing the headline.
    await update({ listed: true, headline: null, hiddenBadges: [] });
    const back = await search({ text: 'Ada' });
    expect(back.nodes[0]!.earner).toMatchObject({ id: 'earner-ada', headline: null });
    expect(back.nodes[0]!.earner.badges).toHaveLength(3);
  });

  it('a repeated search takes its facet counts from the engine request cache, and no cached count outlives a change', async () => {
    const cacheHits = async () => {
      const stats = await t.client.indices.stats({ index: aliasName(t.prefix, 'earners'), metric: 'request_cache' });
      return stats._all.total?.request_cache?.hit_count ?? 0;
    };
    const first = await search();
    expect(first.facets.regions).toEqual([{ value: 'US-OH', count: 1 }]);
    const hitsBefore = await cacheHits();
    const again = await search();
    expect(again.facets).toEqual(first.facets);
    expect(await cacheHits()).toBeGreaterThan(hitsBefore);
    // The same search after an opt-out: the cached counts are gone with the refresh the change waited for.
    await update({ listed: false });
    expect((await search()).facets.regions).toEqual([]);
    await update({ listed: true });
    expect((await search()).facets.regions).toEqual([{ value: 'US-OH', count: 1 }]);
  });

  it('mySettings returns the earner their own settings, contact value included', async () => {
    await update({ contactable: true, contactChannel: 'PHONE', contactValue: '+1 614 555 0100' });
    const mine = await t.gql('{ mySettings { listed contactable contactChannel contactValue hiddenBadges } }', {}, earner);
    expect(mine.body.data).toEqual({
      mySettings: { listed: true, contactable: true, contactChannel: 'PHONE', contactValue: '+1 614 555 0100', hiddenBadges: [] },
    });
    // Employers never see it.
    const found = await t.gql(SEARCH.replace('headline', 'headline contactable'), { input: {} }, employer);
    expect(found.raw).toContain('"contactable":true');
    expect(found.raw).not.toContain('555 0100');
  });

  it('exportMyData returns everything stored about the earner, without raw credential bytes', async () => {
    const result = await t.gql<{ exportMyData: string }>('{ exportMyData }', {}, earner);
    const data = JSON.parse(result.body.data!.exportMyData);
    expect(data).toMatchObject({
      earnerId: 'earner-ada',
      account: { email: 'ada@example.org', role: 'earner' },
      settings: { listed: true, contactValue: '+1 614 555 0100' },
      contactRequests: [],
    });
    expect(data.credentials.map((c: { id: string }) => c.id).sort()).toEqual([badge(0), badge(1), badge(2)].sort());
    expect(data.credentials.every((c: Record<string, unknown>) => !('raw' in c))).toBe(true);
    expect(data.searchProfile.earnerId).toBe('earner-ada');
    expect(result.raw).not.toMatch(/passwordHash|scrypt/);
  });

  it('names the argument of every bad setting, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ listed: null }, 'listed'],
      [{ statsOptIn: null }, 'statsOptIn'],
      [{ contactable: null }, 'contactable'],
      [{ contactChannel: 'EMAIL', contactValue: 'not-an-address' }, 'contactValue'],
      [{ contactChannel: 'PHONE', contactValue: 'call me' }, 'contactValue'],
      [{ contactChannel: 'PHONE', contactValue: '+1 23' }, 'contactValue'],
      [{ contactChannel: 'URL', contactValue: 'http://insecure.example/me' }, 'contactValue'],
      [{ contactChannel: 'URL', contactValue: 'javascript:alert(1)' }, 'contactValue'],
      [{ contactChannel: 'URL' }, 'contactValue'],
      [{ contactChannel: 'FAX', contactValue: '123' }, 'contactChannel'],
      [{ contactChannel: null, contactable: true }, 'contactable'],
      [{ hiddenBadges: ['urn:uuid:someone-else'] }, 'hiddenBadges'],
      [{ hiddenBadges: [''] }, 'hiddenBadges'],
      [{ displayName: '   ' }, 'displayName'],
      [{ displayName: 'x'.repeat(101) }, 'displayName'],
      [{ headline: 'x'.repeat(201) }, 'headline'],
      [{ headline: 'two\nlines' }, 'headline'],
      [{ location: { city: 'Columbus', region: 'Ohio', country: 'US' } }, 'location.region'],
      [{ location: { city: 'Columbus', region: 'DE-BE', country: 'US' } }, 'location.region'],
      [{ location: { city: 'Columbus', region: 'US-XX', country: 'US' } }, 'location.region'],
      [{ location: { city: 'Columbus', region: 'US-OH', country: 'USA' } }, 'location.country'],
      [{ location: { city: '', region: 'US-OH', country: 'US' } }, 'location.city'],
      [{ location: { city: 'Columbus', region: 'US-OH', country: 'US', lat: 95, lon: 0 } }, 'location.lat'],
      [{ location: { city: 'Columbus', region: 'US-OH', country: 'US', lat: 40, lon: 181 } }, 'location.lon'],
      [{ location: { city: 'Columbus', region: 'US-OH', country: 'US', lat: 40 } }, 'location.lon'],
      [{ location: { region: 'US-OH', country: 'US' } }, 'location.city'],
      [{ openTo: ['astronaut'] }, 'openTo'],
      [{ listed: 'yes' }, 'listed'],
    ];
    const before = (
      await t.gql(
        '{ mySettings { listed contactable contactChannel contactValue hiddenBadges headline location { region } openTo } }',
        {},
        earner,
      )
    ).raw;
    for (const [input, argument] of cases) {
      const result = await update(input);
      expect({ input, extensions: result.body.errors?.[0]?.extensions }).toMatchObject({
        input,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
    expect(
      (
        await t.gql(
          '{ mySettings { listed contactable contactChannel contactValue hiddenBadges headline location { region } openTo } }',
          {},
          earner,
        )
      ).raw,
    ).toBe(before);
  });
});
