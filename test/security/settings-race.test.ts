/**
 * Attack (issue 10, item 10): an opt-out sent together with another settings
 * change was lost, or stored while employers still saw the earner, because
 * each change read the settings, wrote them back unconditionally and rebuilt
 * the search document from what it had read. Now: 100 simultaneous mixed
 * changes end in the state where every change was applied, and search agrees
 * with the stored settings as soon as the last one answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { aliasName } from '../../mappings/indices.ts';
import { claimEarner, credentialOf, seedEarners, startAccountApi, type AccountApi, type SeedEarner } from '../support/account-api.ts';

const UPDATE = 'mutation($input: DirectorySettingsInput!) { updateDirectorySettings(input: $input) { listed } }';
const MINE =
  '{ mySettings { listed statsOptIn contactChannel contactValue hiddenBadges displayName headline location { city region country } openTo } }';
const SEARCH = `query($input: EarnerSearchInput!) {
  searchEarners(input: $input) { total nodes { earner { id name headline openTo location { region } badges { credentialId } } } facets { regions { value count } } }
}`;
const CHANGES = 100;

const ADA: SeedEarner = { earnerId: 'earner-race', email: 'race@example.org', name: 'Ada Race', badges: 3 };
const badge = (n: number) => credentialOf(ADA, n).id;

type Hit = {
  earner: {
    id: string;
    name: string;
    headline: string | null;
    openTo: string[];
    location: { region: string } | null;
    badges: { credentialId: string }[];
  };
};

describe('simultaneous settings changes', () => {
  let t: AccountApi;
  let earner: string;
  let employer: string;

  beforeAll(async () => {
    t = await startAccountApi('sec-settings-race');
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await seedEarners(t.client, t.prefix, [ADA]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    earner = await claimEarner(t, ADA.email);
  });
  afterAll(() => t?.cleanup());

  /** Sends every change at once (change i is `changes[i % changes.length]`) and expects each to succeed. */
  async function burst(changes: readonly Record<string, unknown>[]): Promise<void> {
    const results = await Promise.all(
      Array.from({ length: CHANGES }, (_, i) => t.gql(UPDATE, { input: changes[i % changes.length] }, earner)),
    );
    for (const result of results) expect(result.body.errors).toBeUndefined();
  }

  const stored = async () =>
    (await t.client.get<DirectorySettingsDocument>({ index: aliasName(t.prefix, 'directory-settings'), id: ADA.earnerId }))._source!;
  const indexed = async () => (await t.client.get<EarnerDocument>({ index: aliasName(t.prefix, 'earners'), id: ADA.earnerId }))._source!;
  const search = async () => {
    const result = await t.gql<{ searchEarners: { total: number; nodes: Hit[]; facets: { regions: { value: string; count: number }[] } } }>(
      SEARCH,
      { input: { text: 'Ada' } },
      employer,
    );
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.searchEarners;
  };

  it('opting in with other changes: every change is kept and search shows exactly the stored settings', async () => {
    await burst([
      { listed: true },
      { headline: 'Maintenance lead' },
      { displayName: 'Ada Race' },
      { openTo: ['full-time'] },
      { statsOptIn: true },
      { contactChannel: 'EMAIL', contactValue: 'ada.race@example.org' },
      { hiddenBadges: [badge(1)] },
      { location: { city: 'Columbus', region: 'US-OH', country: 'US' } },
    ]);
    const mine = await t.gql<{ mySettings: Record<string, unknown> }>(MINE, {}, earner);
    expect(mine.body.data!.mySettings).toEqual({
      listed: true,
      statsOptIn: true,
      contactChannel: 'EMAIL',
      contactValue: 'ada.race@example.org',
      hiddenBadges: [badge(1)],
      displayName: 'Ada Race',
      headline: 'Maintenance lead',
      location: { city: 'Columbus', region: 'US-OH', country: 'US' },
      openTo: ['full-time'],
    });
    const doc = await indexed();
    expect(doc.directory).toMatchObject({ listed: true, statsOptIn: true, openTo: ['full-time'] });
    expect(doc.headline).toBe('Maintenance lead');
    const found = await search();
    expect(found.total).toBe(1);
    const hit = found.nodes[0]!.earner;
    expect(hit).toMatchObject({
      id: ADA.earnerId,
      name: 'Ada Race',
      headline: 'Maintenance lead',
      openTo: ['full-time'],
      location: { region: 'US-OH' },
    });
    expect(hit.badges.map((b) => b.credentialId).sort()).toEqual([badge(0), badge(2)].sort());
    expect(found.facets.regions).toEqual([{ value: 'US-OH', count: 1 }]);
  }, 120_000);

  it('an opt-out sent with other changes is never lost: employers stop seeing the earner at once', async () => {
    await burst([
      { listed: false },
      { headline: 'Second headline' },
      { openTo: ['contract', 'remote'] },
      { hiddenBadges: [] },
      { displayName: 'Ada R.' },
    ]);
    expect(await stored()).toMatchObject({
      listed: false,
      headline: 'Second headline',
      openTo: ['contract', 'remote'],
      hiddenBadges: [],
      displayName: 'Ada R.',
    });
    expect((await indexed()).directory.listed).toBe(false);
    expect((await search()).total).toBe(0);
    expect((await t.gql('{ earner(id: "earner-race") { id } }', {}, employer)).body.data).toEqual({ earner: null });
  }, 120_000);

  it('and the reverse: opting back in with other changes shows the earner with the last stored values', async () => {
    await burst([{ listed: true }, { headline: 'Third headline' }, { hiddenBadges: [badge(0), badge(2)] }]);
    const settings = await stored();
    expect(settings).toMatchObject({ listed: true, headline: 'Third headline', hiddenBadges: [badge(0), badge(2)], displayName: 'Ada R.' });
    const doc = await indexed();
    expect(doc.directory.listed).toBe(true);
    expect(doc.badges.filter((b) => b.visible).map((b) => b.credentialId)).toEqual([badge(1)]);
    const found = await search();
    expect(found.nodes.map((n) => [n.earner.name, n.earner.headline, n.earner.badges.map((b) => b.credentialId)])).toEqual([
      ['Ada R.', 'Third headline', [badge(1)]],
    ]);
  }, 120_000);
});
