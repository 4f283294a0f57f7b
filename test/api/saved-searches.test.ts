import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { SavedSearchDocument } from '../../mappings/saved-searches.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

const SAVE = `mutation($input: SaveSearchInput!) {
  saveSearch(input: $input) { id name alert createdAt lastRunAt newMatchCount search { text badges badgesMode skills verification issuerRecognition sort excludeIssuers } }
}`;
const LIST = '{ savedSearches { id name alert newMatchCount lastRunAt } }';
const DELETE = 'mutation($id: ID!) { deleteSavedSearch(id: $id) }';
const LISTED = 'mutation($l: Boolean!) { updateDirectorySettings(input: { listed: $l }) { listed } }';

type Saved = { id: string; name: string; alert: string; newMatchCount: number; lastRunAt: string };

const DAY = 24 * 3_600_000;

describe('saved searches and alerts', () => {
  let t: AccountApi;
  let clock = new Date('2026-07-01T06:30:00Z');
  let employer: string;
  let rival: string;
  let earnerCal: string;
  let earnerDan: string;
  let earnerEli: string;

  beforeAll(async () => {
    t = await startAccountApi(
      'saved-searches',
      { SAVED_SEARCH_ALERTS_ENABLED: 'false', SESSION_TTL_SECONDS: String(30 * 86_400) },
      { now: () => clock },
    );
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await createAccount(t.client, t.prefix, {
      email: 'hr@rival.example',
      role: 'employer',
      password: 'rival-password',
      organisation: 'Rival',
    });
    await seedEarners(t.client, t.prefix, [
      { earnerId: 'earner-ann', email: 'ann@example.org', name: 'Ann Listed', badges: 1, settings: { listed: true } },
      { earnerId: 'earner-cal', email: 'cal@example.org', name: 'Cal Leaves', badges: 1, settings: { listed: true } },
      { earnerId: 'earner-dan', email: 'dan@example.org', name: 'Dan Joins', badges: 2, settings: { listed: false } },
      { earnerId: 'earner-eli', email: 'eli@example.org', name: 'Eli Flickers', badges: 1, settings: { listed: false } },
    ]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    rival = await t.login('hr@rival.example', 'rival-password');
    earnerCal = await claimEarner(t, 'cal@example.org');
    earnerDan = await claimEarner(t, 'dan@example.org');
    earnerEli = await claimEarner(t, 'eli@example.org');
  });
  afterAll(() => t?.cleanup());

  const save = (input: Record<string, unknown>, token = employer) =>
    t.gql<{ saveSearch: Saved & { search: Record<string, unknown> } }>(SAVE, { input }, token);
  const digests = () => t.outbox().filter((m) => m.kind === 'saved-search-digest');
  const listed = async (token: string, value: boolean) => {
    const result = await t.gql(LISTED, { l: value }, token);
    expect(result.body.errors).toBeUndefined();
  };

  it('saves a checked search with defaults filled in, and lists only the employer’s own', async () => {
    const result = await save({ name: '  Everyone listed  ', search: { text: '  ', first: 7, facetSize: 3 }, alert: 'DAILY' });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.saveSearch).toMatchObject({
      id: expect.stringMatching(/^ss_/),
      name: 'Everyone listed',
      alert: 'DAILY',
      newMatchCount: 0,
      lastRunAt: clock.toISOString(),
      search: {
        text: null,
        badges: [],
        badgesMode: 'ANY',
        skills: [],
        verification: ['VERIFIED'],
        issuerRecognition: ['RECOGNIZED'],
        sort: 'RELEVANCE',
        excludeIssuers: [],
      },
    });
    // The earners matching at save time are the starting point (the listed ones only).
    const stored = await t.client.get<SavedSearchDocument>({
      index: aliasName(t.prefix, 'saved-searches'),
      id: result.body.data!.saveSearch.id,
    });
    expect([...stored._source!.lastMatchIds].sort()).toEqual(['earner-ann', 'earner-cal']);
    expect(stored._source!.criteria).not.toHaveProperty('first');

    expect((await save({ name: 'Weekly everyone', search: {}, alert: 'WEEKLY' })).body.errors).toBeUndefined();
    expect((await save({ name: 'Rival pipeline', search: {}, alert: 'DAILY' }, rival)).body.errors).toBeUndefined();
    const mine = await t.gql<{ savedSearches: Saved[] }>(LIST, {}, employer);
    expect(mine.body.data!.savedSearches.map((s) => s.name).sort()).toEqual(['Everyone listed', 'Weekly everyone']);
    const theirs = await t.gql<{ savedSearches: Saved[] }>(LIST, {}, rival);
    expect(theirs.body.data!.savedSearches.map((s) => s.name)).toEqual(['Rival pipeline']);
  });

  it('refuses a bad search, a bad name, and callers who are not employers', async () => {
    const tooLong = await save({ name: 'x', search: { text: 'w'.repeat(201) } });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'search.text' });
    const refusedStatus = await save({ name: 'x', search: { verification: ['FAILED'] } });
    expect(refusedStatus.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'search.verification' });
    const longName = await save({ name: 'n'.repeat(81), search: {} });
    expect(longName.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    const blankName = await save({ name: '   ', search: {} });
    expect(blankName.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    const asEarner = await save({ name: 'mine', search: {} }, earnerCal);
    expect(asEarner.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(LIST);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const agency = await t.login('agency@demo.test', DEMO_PASSWORD);
    expect((await t.gql(LIST, {}, agency)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const count = await t.client.count({ index: aliasName(t.prefix, 'saved-searches') });
    expect(count.count).toBe(3);
  });

  it('mails one digest per employer with exactly the earners newly matching and still listed', async () => {
    // The first daily run: nothing changed since the save, so nothing is sent.
    clock = new Date(clock.getTime() + DAY);
    expect(await t.api.savedSearchAlerts.runNow()).toMatchObject({ status: 'ok' });
    expect(digests()).toHaveLength(0);

    // Between runs: Dan lists himself, Cal leaves, Eli lists himself and leaves again.
    await listed(earnerDan, true);
    await listed(earnerCal, false);
    await listed(earnerEli, true);
    await listed(earnerEli, false);
    clock = new Date(clock.getTime() + DAY);
    expect(await t.api.savedSearchAlerts.runNow()).toMatchObject({ status: 'ok' });

    const sent = digests();
    expect(sent.map((m) => m.to).sort()).toEqual(['employer@demo.test', 'hr@rival.example']);
    const mine = sent.find((m) => m.to === 'employer@demo.test')!;
    expect(mine.text).toContain('Everyone listed (1 new):');
    expect(mine.text).toContain('https://talent.test/earners/earner-dan');
    // The weekly search is not due after two days; the rival's search is never in this employer's mail.
    expect(mine.text).not.toContain('Weekly everyone');
    expect(mine.text).not.toContain('Rival pipeline');
    expect(mine.text.match(/\/earners\//g)).toHaveLength(1);
    for (const m of sent) {
      expect(m.text).not.toContain('earner-cal');
      expect(m.text).not.toContain('earner-eli');
      expect(m.text).not.toContain('Eli');
    }
    const rivalMail = sent.find((m) => m.to === 'hr@rival.example')!;
    expect(rivalMail.text).toContain('Rival pipeline (1 new):');
    expect(rivalMail.text).not.toContain('Everyone listed');

    const list = await t.gql<{ savedSearches: Saved[] }>(LIST, {}, employer);
    expect(list.body.data!.savedSearches.find((s) => s.name === 'Everyone listed')).toMatchObject({
      newMatchCount: 1,
      lastRunAt: clock.toISOString(),
    });

    // The next day nothing is new again: no further digest.
    clock = new Date(clock.getTime() + DAY);
    await t.api.savedSearchAlerts.runNow();
    expect(digests()).toHaveLength(2);
  });

  it('deletes only the employer’s own saved search; another employer’s id is not found', async () => {
    const rivals = await t.gql<{ savedSearches: Saved[] }>(LIST, {}, rival);
    const rivalId = rivals.body.data!.savedSearches[0]!.id;
    const stolen = await t.gql(DELETE, { id: rivalId }, employer);
    const unknown = await t.gql(DELETE, { id: 'ss_nope' }, employer);
    expect(stolen.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(stolen.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    expect((await t.gql<{ savedSearches: Saved[] }>(LIST, {}, rival)).body.data!.savedSearches).toHaveLength(1);

    const mine = await t.gql<{ savedSearches: Saved[] }>(LIST, {}, employer);
    const weekly = mine.body.data!.savedSearches.find((s) => s.name === 'Weekly everyone')!;
    const deleted = await t.gql<{ deleteSavedSearch: boolean }>(DELETE, { id: weekly.id }, employer);
    expect(deleted.body.data?.deleteSavedSearch).toBe(true);
    const after = await t.gql<{ savedSearches: Saved[] }>(LIST, {}, employer);
    expect(after.body.data!.savedSearches.map((s) => s.name)).toEqual(['Everyone listed']);
  });

  it('keeps at most 50 saved searches per employer', async () => {
    const fresh = await createAccount(t.client, t.prefix, { email: 'many@hire.example', role: 'employer', password: 'many-password' });
    expect(fresh.role).toBe('employer');
    const token = await t.login('many@hire.example', 'many-password');
    for (let n = 0; n < 45; n++)
      expect((await save({ name: `search ${n}`, search: { text: `term${n}` } }, token)).body.errors).toBeUndefined();
    // Ten at once against the last five places: never more than 50 kept, and every answer tells the truth.
    const racing = await Promise.all(Array.from({ length: 10 }, (_, n) => save({ name: `racing ${n}`, search: {} }, token)));
    const accepted = racing.filter((r) => r.body.data?.saveSearch).length;
    for (const refused of racing.filter((r) => r.body.errors))
      expect(refused.body.errors![0]!.message).toMatch(/at most 50 saved searches/);
    await t.client.indices.refresh({ index: aliasName(t.prefix, 'saved-searches') });
    const { count: kept } = await t.client.count({
      index: aliasName(t.prefix, 'saved-searches'),
      query: { term: { employerAccountId: fresh.id } },
    });
    expect(kept).toBeLessThanOrEqual(50);
    expect(kept).toBe(45 + accepted);
    for (let n = kept; n < 50; n++) expect((await save({ name: `fill ${n}`, search: {} }, token)).body.errors).toBeUndefined();
    const over = await save({ name: 'one too many', search: {} }, token);
    expect(over.body.errors?.[0]?.message).toMatch(/at most 50 saved searches/);
    expect((await t.gql<{ savedSearches: Saved[] }>(LIST, {}, token)).body.data!.savedSearches).toHaveLength(50);
  });
});
