import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { DELETE_CONFIRMATION } from '../../api/services/my-data-service.ts';
import { SHORTLIST_LIMITS } from '../../api/shortlists/limits.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { ShortlistDocument } from '../../mappings/shortlists.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

const LIST_FIELDS = 'id name entries { earnerId listed status note addedAt earner { id name headline location { city region country } } }';
const CREATE = `mutation($n: String!) { createShortlist(name: $n) { ${LIST_FIELDS} } }`;
const ADD = `mutation($id: ID!, $e: ID!, $note: String, $s: ShortlistStatus) { addToShortlist(id: $id, earnerId: $e, note: $note, status: $s) { ${LIST_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $e: ID!, $note: String, $s: ShortlistStatus) { updateShortlistEntry(id: $id, earnerId: $e, note: $note, status: $s) { ${LIST_FIELDS} } }`;
const REMOVE = `mutation($id: ID!, $e: ID!) { removeFromShortlist(id: $id, earnerId: $e) { ${LIST_FIELDS} } }`;
const ONE = `query($id: ID!) { shortlist(id: $id) { ${LIST_FIELDS} } }`;
const MINE = `{ shortlists(first: 20) { ${LIST_FIELDS} } }`;
const CARD = 'query($id: ID!) { earner(id: $id) { id shortlistedIn { id name status } lastContactedAt } }';

const SECRET_PHONE = '+1 614 555 0142';

type Entry = {
  earnerId: string;
  listed: boolean;
  status: string | null;
  note: string | null;
  addedAt: string | null;
  earner: { id: string; name: string; headline: string | null } | null;
};
type List = { id: string; name: string; entries: Entry[] };

describe('shortlists', () => {
  let t: AccountApi;
  let employer: string;
  let rival: string;
  let agency: string;

  async function create(token: string, name: string): Promise<List> {
    const result = await t.gql<{ createShortlist: List }>(CREATE, { n: name }, token);
    if (!result.body.data?.createShortlist) throw new Error(JSON.stringify(result.body.errors));
    return result.body.data.createShortlist;
  }

  async function csv(id: string, token?: string) {
    const response = await fetch(`${t.api.url}/shortlists/${encodeURIComponent(id)}.csv`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  beforeAll(async () => {
    t = await startAccountApi('shortlists');
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await createAccount(t.client, t.prefix, { email: 'hr@rival.example', role: 'employer', password: 'rival-password' });
    await seedEarners(t.client, t.prefix, [
      {
        earnerId: 'earner-ann',
        email: 'ann@example.org',
        name: 'Ann Listed',
        badges: 2,
        settings: {
          listed: true,
          contactable: true,
          contactChannel: 'phone',
          contactValue: SECRET_PHONE,
          headline: '=HYPERLINK("https://evil.example","Click")',
          location: { city: 'Columbus', region: 'US-OH', country: 'US' },
        },
      },
      { earnerId: 'earner-bo', email: 'bo@example.org', name: 'Bo Leaving', badges: 1, settings: { listed: true } },
      { earnerId: 'earner-cy', email: 'cy@example.org', name: 'Cy Hidden', badges: 1, settings: { listed: false } },
      { earnerId: 'earner-di', email: 'di@example.org', name: 'Di Deleting', badges: 1, settings: { listed: true } },
    ]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    rival = await t.login('hr@rival.example', 'rival-password');
    agency = await t.login('agency@demo.test', DEMO_PASSWORD);
  });
  afterAll(() => t?.cleanup());

  it('keeps a named list with a note and a status per earner', async () => {
    const list = await create(employer, '  Welders, spring  ');
    expect(list).toMatchObject({ name: 'Welders, spring', entries: [] });
    const added = await t.gql<{ addToShortlist: List }>(ADD, { id: list.id, e: 'earner-ann', note: 'Strong PLC work' }, employer);
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data!.addToShortlist.entries).toEqual([
      expect.objectContaining({ earnerId: 'earner-ann', listed: true, status: 'NEW', note: 'Strong PLC work' }),
    ]);
    expect(added.body.data!.addToShortlist.entries[0]!.earner).toMatchObject({ id: 'earner-ann', name: 'Ann Listed' });

    const updated = await t.gql<{ updateShortlistEntry: List }>(UPDATE, { id: list.id, e: 'earner-ann', s: 'INTERVIEWING' }, employer);
    expect(updated.body.data!.updateShortlistEntry.entries[0]).toMatchObject({ status: 'INTERVIEWING', note: 'Strong PLC work' });
    const renoted = await t.gql<{ updateShortlistEntry: List }>(UPDATE, { id: list.id, e: 'earner-ann', note: 'Call Tuesday' }, employer);
    expect(renoted.body.data!.updateShortlistEntry.entries[0]).toMatchObject({ status: 'INTERVIEWING', note: 'Call Tuesday' });

    const again = await t.gql(ADD, { id: list.id, e: 'earner-ann' }, employer);
    expect(again.body.errors?.[0]?.message).toMatch(/already on this shortlist/);

    const removed = await t.gql<{ removeFromShortlist: List }>(REMOVE, { id: list.id, e: 'earner-ann' }, employer);
    expect(removed.body.data!.removeFromShortlist.entries).toEqual([]);
    const mine = await t.gql<{ shortlists: List[] }>(MINE, {}, employer);
    expect(mine.body.data!.shortlists.map((l) => l.id)).toContain(list.id);
  });

  it('refuses an earner who is not listed exactly like an unknown id', async () => {
    const list = await create(employer, 'Hidden test');
    const hidden = await t.gql(ADD, { id: list.id, e: 'earner-cy' }, employer);
    const unknown = await t.gql(ADD, { id: list.id, e: 'earner-nobody' }, employer);
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(hidden.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    expect(hidden.raw).not.toContain('Cy Hidden');
  });

  it("never shows or changes another employer's list: its id is not found", async () => {
    const list = await create(employer, 'Private list');
    await t.gql(ADD, { id: list.id, e: 'earner-ann', note: 'confidential note' }, employer);
    const attempts = [
      await t.gql(ONE, { id: list.id }, rival),
      await t.gql(ADD, { id: list.id, e: 'earner-bo' }, rival),
      await t.gql(UPDATE, { id: list.id, e: 'earner-ann', note: 'hijacked' }, rival),
      await t.gql(REMOVE, { id: list.id, e: 'earner-ann' }, rival),
      await t.gql('mutation($id: ID!) { deleteShortlist(id: $id) }', { id: list.id }, rival),
    ];
    const unknown = await t.gql(ONE, { id: 'no-such-list' }, rival);
    for (const attempt of attempts) {
      expect(attempt.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
      expect(attempt.raw).not.toContain('confidential note');
    }
    const theirs = await t.gql<{ shortlists: List[] }>(MINE, {}, rival);
    expect(theirs.body.data!.shortlists).toEqual([]);
    const still = await t.gql<{ shortlist: List }>(ONE, { id: list.id }, employer);
    expect(still.body.data!.shortlist.entries).toEqual([expect.objectContaining({ earnerId: 'earner-ann', note: 'confidential note' })]);
    // Their CSV too.
    expect((await csv(list.id, rival)).status).toBe(400);
  });

  it('is for employers only', async () => {
    const asAgency = await t.gql(MINE, {}, agency);
    expect(asAgency.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(MINE, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await csv('anything')).status).toBe(401);
  });

  it('shows an earner who opted out or deleted their data as "no longer listed", with nothing about them', async () => {
    const list = await create(employer, 'Leavers');
    await t.gql(ADD, { id: list.id, e: 'earner-bo', note: 'Bo is great', s: 'CONTACTED' }, employer);
    await t.gql(ADD, { id: list.id, e: 'earner-di', note: 'Di too' }, employer);
    await t.gql(ADD, { id: list.id, e: 'earner-ann' }, employer);
    const before = await t.gql<{ shortlist: List }>(ONE, { id: list.id }, employer);
    expect(before.body.data!.shortlist.entries.every((e) => e.listed)).toBe(true);

    // Bo opts out; Di deletes their data, through the real API.
    const bo = await claimEarner(t, 'bo@example.org');
    const optOut = await t.gql('mutation { updateDirectorySettings(input: { listed: false }) { listed } }', {}, bo);
    expect(optOut.body.errors).toBeUndefined();
    const di = await claimEarner(t, 'di@example.org');
    const deleted = await t.gql(
      'mutation($c: String!) { deleteMyData(confirm: $c) { credentialsDeleted } }',
      { c: DELETE_CONFIRMATION },
      di,
    );
    expect(deleted.body.errors).toBeUndefined();

    for (const read of [
      (await t.gql<{ shortlist: List }>(ONE, { id: list.id }, employer)).body.data!.shortlist,
      (await t.gql<{ shortlists: List[] }>(MINE, {}, employer)).body.data!.shortlists.find((l) => l.id === list.id)!,
    ]) {
      const gone = read.entries.filter((e) => e.earnerId !== 'earner-ann');
      // Bo (opted out) stays as an empty "no longer listed" entry; Di's deletion dropped the entry itself.
      expect(gone).toEqual([{ earnerId: 'earner-bo', listed: false, status: null, note: null, addedAt: null, earner: null }]);
    }
    const raw = (await t.gql(ONE, { id: list.id }, employer)).raw;
    for (const text of ['Bo Leaving', 'Di Deleting', 'Bo is great']) expect(raw).not.toContain(text);
    const file = await csv(list.id, employer);
    expect(file.text).not.toMatch(/Bo Leaving|Di Deleting|Bo is great/);
    expect(file.text).toContain('Ann Listed');
    // Nor is a card of theirs shown as on a list.
    const card = await t.gql<{ earner: unknown }>(CARD, { id: 'earner-bo' }, employer);
    expect(card.body.data?.earner).toBeNull();
  });

  it('tells on a card which of my lists hold the earner and when I contacted them, and nothing to others', async () => {
    const list = await create(employer, 'Card check');
    await t.gql(ADD, { id: list.id, e: 'earner-ann', s: 'INTERVIEWING' }, employer);
    const before = await t.gql<{ earner: { shortlistedIn: { id: string; status: string }[]; lastContactedAt: string | null } }>(
      CARD,
      { id: 'earner-ann' },
      employer,
    );
    expect(before.body.data!.earner.shortlistedIn).toContainEqual({ id: list.id, name: 'Card check', status: 'INTERVIEWING' });
    expect(before.body.data!.earner.lastContactedAt).toBeNull();

    const sent = await t.gql<{ contactEarner: { createdAt: string } }>(
      'mutation { contactEarner(earnerId: "earner-ann", message: "Hello Ann, are you open to a welding role?") { createdAt } }',
      {},
      employer,
    );
    expect(sent.body.errors).toBeUndefined();
    const after = await t.gql<{ earner: { lastContactedAt: string | null } }>(CARD, { id: 'earner-ann' }, employer);
    expect(after.body.data!.earner.lastContactedAt).toBe(sent.body.data!.contactEarner.createdAt);

    const theirs = await t.gql<{ earner: { shortlistedIn: unknown[]; lastContactedAt: string | null } }>(CARD, { id: 'earner-ann' }, rival);
    expect(theirs.body.data!.earner).toEqual({ id: 'earner-ann', shortlistedIn: [], lastContactedAt: null });
    const viaSearch = await t.gql<{ searchEarners: { nodes: { earner: { shortlistedIn: { id: string }[] } }[] } }>(
      '{ searchEarners(input: { text: "Ann" }) { nodes { earner { shortlistedIn { id } } } } }',
      {},
      employer,
    );
    expect(viaSearch.body.data!.searchEarners.nodes.flatMap((n) => n.earner.shortlistedIn.map((r) => r.id))).toContain(list.id);
  });

  it('exports a CSV with only what search shows, no contact details, and cells a spreadsheet will not run', async () => {
    const list = await create(employer, 'Export');
    await t.gql(ADD, { id: list.id, e: 'earner-ann', note: '@SUM(1+1) call, "soon"', s: 'CONTACTED' }, employer);
    const file = await csv(list.id, employer);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/csv/);
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,headline,location,status,note,added_at');
    expect(lines[1]).toMatch(
      /^Ann Listed,"'=HYPERLINK\(""https:\/\/evil\.example"",""Click""\)","Columbus, OH",CONTACTED,"'@SUM\(1\+1\) call, ""soon""",\d{4}-/,
    );
    expect(file.text).not.toContain(SECRET_PHONE);
    expect(file.text).not.toContain('ann@example.org');
  });

  it('enforces the limits: note length, entries per list, lists per employer', async () => {
    const list = await create(employer, 'Limits');
    const long = await t.gql(ADD, { id: list.id, e: 'earner-ann', note: 'x'.repeat(SHORTLIST_LIMITS.maxNoteLength + 1) }, employer);
    expect(long.body.errors?.[0]?.message).toMatch(/note.*at most/);
    const name = await t.gql(CREATE, { n: 'n'.repeat(SHORTLIST_LIMITS.maxNameLength + 1) }, employer);
    expect(name.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Full lists written straight into the index (as if filled over time), so the test stays fast.
    const owner = await createAccount(t.client, t.prefix, { email: 'many@lists.example', role: 'employer', password: 'many-lists-pw' });
    const at = new Date().toISOString();
    const full = (id: string, entries: number): ShortlistDocument => ({
      id,
      employerAccountId: owner.id,
      name: id,
      createdAt: at,
      updatedAt: at,
      entries: Array.from({ length: entries }, (_, n) => ({
        earnerId: `earner-x${n}`,
        status: 'NEW',
        note: '',
        addedAt: at,
        updatedAt: at,
      })),
    });
    const lists = Array.from({ length: SHORTLIST_LIMITS.maxListsPerEmployer }, (_, n) =>
      full(`full-${n}`, n === 0 ? SHORTLIST_LIMITS.maxEntriesPerList : 0),
    );
    await t.client.bulk({
      refresh: true,
      operations: lists.flatMap((doc) => [{ index: { _index: aliasName(t.prefix, 'shortlists'), _id: doc.id } }, doc]),
    });
    const many = await t.login('many@lists.example', 'many-lists-pw');
    const over = await t.gql(CREATE, { n: 'One too many' }, many);
    expect(over.body.errors?.[0]?.message).toMatch(/50 shortlists, the most allowed/);
    const crowded = await t.gql(ADD, { id: 'full-0', e: 'earner-ann' }, many);
    expect(crowded.body.errors?.[0]?.message).toMatch(/holds 200 earners, the most allowed/);
    const roomy = await t.gql<{ addToShortlist: List }>(ADD, { id: 'full-1', e: 'earner-ann' }, many);
    expect(roomy.body.data?.addToShortlist.entries).toHaveLength(1);
  });
});
