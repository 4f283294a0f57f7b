/**
 * Attack (issue 10, item 9): the contact limit was counted by a search over
 * stored requests and enforced afterwards, so 15 simultaneous requests with a
 * limit of 3 all went through. Now the count and the reservation are one
 * conditional write: 50 simultaneous requests, exactly the limit succeed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { aliasName } from '../../mappings/indices.ts';
import { createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

const LIMIT = 3;
const PARALLEL = 50;
const CONTACT = 'mutation($id: ID!, $m: String!) { contactEarner(earnerId: $id, message: $m) { id } }';

describe('contact rate limit under parallel requests', () => {
  let t: AccountApi;
  let employer: string;
  let rival: string;

  beforeAll(async () => {
    t = await startAccountApi('sec-contact-limit', { CONTACT_RATE_LIMIT: String(LIMIT), CONTACT_RATE_WINDOW_HOURS: '24' });
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await createAccount(t.client, t.prefix, {
      email: 'hr@rival.example',
      role: 'employer',
      password: 'rival-password',
      organisation: 'Rival Corp',
    });
    await seedEarners(
      t.client,
      t.prefix,
      Array.from({ length: 5 }, (_, n) => ({
        earnerId: `earner-${n}`,
        email: `e${n}@example.org`,
        name: `Earner ${n}`,
        badges: 1,
        settings: { listed: true, contactable: true, contactChannel: 'email' as const, contactValue: `e${n}@example.org` },
      })),
    );
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    rival = await t.login('hr@rival.example', 'rival-password');
  });
  afterAll(() => t?.cleanup());

  const storedBy = async (name: string) => {
    await t.client.indices.refresh({ index: aliasName(t.prefix, 'contacts') });
    const response = await t.client.count({ index: aliasName(t.prefix, 'contacts'), query: { term: { employerName: name } } });
    return response.count;
  };

  it(`${PARALLEL} simultaneous requests: exactly ${LIMIT} succeed, the rest are RATE_LIMITED with retryAt`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, n) => t.gql(CONTACT, { id: `earner-${n % 5}`, m: `Hello number ${n}` }, employer)),
    );
    const succeeded = results.filter((r) => r.body.data?.contactEarner);
    const limited = results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(succeeded).toHaveLength(LIMIT);
    expect(limited).toHaveLength(PARALLEL - LIMIT);
    for (const r of limited) expect(Date.parse(String(r.body.errors![0]!.extensions!.retryAt))).toBeGreaterThan(Date.now());
    expect(await storedBy('Demo Manufacturing Co.')).toBe(LIMIT);
    expect(t.outbox().filter((m) => m.kind === 'contact-request')).toHaveLength(LIMIT);
  });

  it('a second burst after the limit gets nothing through; another employer has their own quota', async () => {
    const again = await Promise.all(Array.from({ length: 10 }, () => t.gql(CONTACT, { id: 'earner-0', m: 'Again' }, employer)));
    expect(again.every((r) => r.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toBe(true);
    const other = await Promise.all(
      Array.from({ length: PARALLEL }, (_, n) => t.gql(CONTACT, { id: `earner-${n % 5}`, m: 'From a rival' }, rival)),
    );
    expect(other.filter((r) => r.body.data?.contactEarner)).toHaveLength(LIMIT);
    expect(await storedBy('Demo Manufacturing Co.')).toBe(LIMIT);
    expect(await storedBy('Rival Corp')).toBe(LIMIT);
  });

  it('refused requests (unknown earner) use no quota', async () => {
    const fresh = await startAccountApi('sec-contact-limit-b', { CONTACT_RATE_LIMIT: String(LIMIT) });
    try {
      await seedDemoAccounts({ client: fresh.client, indexPrefix: fresh.prefix });
      await seedEarners(fresh.client, fresh.prefix, [
        { earnerId: 'earner-x', email: 'x@example.org', name: 'X', badges: 1, settings: { listed: true, contactable: true } },
      ]);
      const token = await fresh.login('employer@demo.test', DEMO_PASSWORD);
      const unknown = await Promise.all(Array.from({ length: 10 }, () => fresh.gql(CONTACT, { id: 'earner-nobody', m: 'Hi' }, token)));
      expect(unknown.every((r) => r.body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
      const real = await Promise.all(Array.from({ length: 10 }, () => fresh.gql(CONTACT, { id: 'earner-x', m: 'Hi' }, token)));
      expect(real.filter((r) => r.body.data?.contactEarner)).toHaveLength(LIMIT);
    } finally {
      await fresh.cleanup();
    }
  });
});
