/**
 * Attack (issue 10, item 5): an employer searched with `verification: [FAILED]`
 * and read an earner's revoked and tampered badges with their reason codes.
 * Now employers and agencies see verified badges, and expired ones labelled
 * EXPIRED, nothing else and no reason codes; other statuses are refused as
 * BAD_USER_INPUT. The earner still sees every badge of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import type { BadgeVerification } from '../../mappings/earners.ts';
import { earnerIdDocumentId } from '../../mappings/earner-ids.ts';
import { aliasName } from '../../mappings/indices.ts';
import { claimEarner, credentialOf, startAccountApi, type AccountApi, type SeedEarner } from '../support/account-api.ts';

const EARNER: SeedEarner = { earnerId: 'earner-vera', email: 'vera@example.org', name: 'Vera Checked', badges: 5 };

/** One badge per outcome, each of its own class, with a name nobody else's badge has. */
const BADGES: { name: string; verification: Pick<BadgeVerification, 'status' | 'reasons'>; shownAs?: 'VERIFIED' | 'EXPIRED' }[] = [
  { name: 'Welding Verified', verification: { status: 'VERIFIED', reasons: [] }, shownAs: 'VERIFIED' },
  { name: 'Forklift Expired', verification: { status: 'FAILED', reasons: ['EXPIRED'] }, shownAs: 'EXPIRED' },
  { name: 'Crane Revoked', verification: { status: 'FAILED', reasons: ['REVOKED'] } },
  { name: 'Rigging Tampered', verification: { status: 'FAILED', reasons: ['BAD_SIGNATURE', 'EXPIRED'] } },
  { name: 'Scaffold Unverified', verification: { status: 'UNVERIFIED', reasons: ['ISSUER_UNREACHABLE'] } },
];
const credentials = BADGES.map((badge, n) => {
  const base = credentialOf(EARNER, n);
  return {
    ...base,
    achievement: {
      ...base.achievement,
      id: `https://college.example/badges/${badge.name.toLowerCase().replace(' ', '-')}`,
      name: badge.name,
    },
    verification: { ...base.verification, ...badge.verification },
  };
});
const withheld = credentials.filter((_, n) => !BADGES[n]!.shownAs);

const EARNER_FIELDS = 'id name badges { credentialId name badgeClass { id } verification { status reasons method checkedAt } }';
const SEARCH = `query($input: EarnerSearchInput!) { searchEarners(input: $input) { total nodes { earner { ${EARNER_FIELDS} } } facets { badges { value label count } issuers { value count } } } }`;

describe('what employers see of verification', () => {
  let t: AccountApi;
  let employer: string;
  let agency: string;
  let earner: string;

  beforeAll(async () => {
    t = await startAccountApi('sec-verification');
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    const operations: object[] = credentials.flatMap((c) => [{ index: { _index: aliasName(t.prefix, 'credentials'), _id: c.id } }, c]);
    // The private identity link the indexer stores at ingest, so the claim finds the earner.
    const identityKey = `email:${EARNER.email}`;
    operations.push(
      { index: { _index: aliasName(t.prefix, 'earner-ids'), _id: earnerIdDocumentId(identityKey) } },
      { identityKey, earnerId: EARNER.earnerId, assignedAt: new Date().toISOString() },
    );
    await t.client.bulk({ operations, refresh: true });
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    agency = await t.login('agency@demo.test', DEMO_PASSWORD);
    earner = await claimEarner(t, EARNER.email);
    // Opting in builds the search document through the API, with the real rule.
    const listed = await t.gql('mutation { updateDirectorySettings(input: { listed: true }) { listed } }', {}, earner);
    expect(listed.body.errors).toBeUndefined();
  });
  afterAll(() => t?.cleanup());

  /** Nothing withheld, and no reason code, anywhere in a response. */
  function expectNothingWithheld(raw: string, { reasonCodes = true } = {}): void {
    for (const c of withheld) {
      expect(raw).not.toContain(c.id);
      expect(raw).not.toContain(c.achievement.id);
      expect(raw).not.toContain(c.achievement.name);
    }
    if (reasonCodes)
      for (const code of ['REVOKED', 'BAD_SIGNATURE', 'ISSUER_UNREACHABLE', 'FAILED', 'UNVERIFIED']) expect(raw).not.toContain(code);
  }

  it('the attack: verification FAILED (or UNVERIFIED) is refused as BAD_USER_INPUT, for employers and agencies', async () => {
    for (const token of [employer, agency]) {
      for (const verification of [['FAILED'], ['UNVERIFIED'], ['VERIFIED', 'FAILED']]) {
        const result = await t.gql(SEARCH, { input: { verification } }, token);
        expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'verification' });
        expect(result.body.data ?? null).toBeNull();
        expect(result.body.errors?.[0]?.message).toMatch(/never shown in search: use VERIFIED and\/or EXPIRED/);
        // The refusal echoes the status asked for, and nothing else.
        expectNothingWithheld(result.raw, { reasonCodes: false });
        expect(result.raw).not.toMatch(/REVOKED|BAD_SIGNATURE|ISSUER_UNREACHABLE/);
      }
    }
  });

  it('search and lookups show the verified badge and the expired one labelled EXPIRED, without reason codes', async () => {
    for (const token of [employer, agency]) {
      const result = await t.gql<{
        searchEarners: {
          total: number;
          nodes: { earner: { badges: { name: string; verification: { status: string; reasons: string[] } }[] } }[];
        };
      }>(SEARCH, { input: { verification: ['VERIFIED', 'EXPIRED'] } }, token);
      expect(result.body.errors).toBeUndefined();
      expectNothingWithheld(result.raw);
      const badges = result.body.data!.searchEarners.nodes[0]!.earner.badges.map((b) => [
        b.name,
        b.verification.status,
        b.verification.reasons,
      ]);
      expect(badges.sort()).toEqual([
        ['Forklift Expired', 'EXPIRED', []],
        ['Welding Verified', 'VERIFIED', []],
      ]);
      const lookup = await t.gql(`{ earner(id: "${EARNER.earnerId}") { ${EARNER_FIELDS} } }`, {}, token);
      expectNothingWithheld(lookup.raw);
      expect(lookup.raw).toContain('Forklift Expired');
    }
    // EXPIRED alone finds the earner through the expired badge only; the default (VERIFIED) through the verified one.
    const expiredOnly = await t.gql<{ searchEarners: { total: number } }>(
      SEARCH,
      { input: { verification: ['EXPIRED'], badges: [credentials[1]!.achievement.id] } },
      employer,
    );
    expect(expiredOnly.body.data!.searchEarners.total).toBe(1);
    const verifiedOnly = await t.gql<{ searchEarners: { total: number } }>(
      SEARCH,
      { input: { badges: [credentials[1]!.achievement.id] } },
      employer,
    );
    expect(verifiedOnly.body.data!.searchEarners.total).toBe(0);
  });

  it('withheld badges match nothing: not their class, their names in text, suggestions or facets', async () => {
    for (const c of withheld) {
      const byClass = await t.gql<{ searchEarners: { total: number } }>(
        SEARCH,
        { input: { badges: [c.achievement.id], verification: ['VERIFIED', 'EXPIRED'] } },
        employer,
      );
      expect(byClass.body.data!.searchEarners.total).toBe(0);
      const byText = await t.gql<{ searchEarners: { total: number } }>(
        SEARCH,
        { input: { text: c.achievement.name.split(' ')[0], verification: ['VERIFIED', 'EXPIRED'] } },
        employer,
      );
      expect(byText.body.data!.searchEarners.total).toBe(0);
      const lookup = await t.gql(`{ badgeClass(id: "${c.achievement.id}") { id name } }`, {}, employer);
      expect(lookup.body.data).toEqual({ badgeClass: null });
      const suggest = await t.gql(
        'query($p: String!) { suggest(prefix: $p, first: 20) { id label } }',
        { p: c.achievement.name.split(' ')[0] },
        employer,
      );
      expectNothingWithheld(suggest.raw);
    }
  });

  it('the earner still sees every badge of their own, with its real status, and which ones employers see', async () => {
    const mine = await t.gql<{ myProfile: { badges: { name: string; verificationStatus: string; shown: boolean }[] } }>(
      '{ myProfile { badges { name verificationStatus shown } } }',
      {},
      earner,
    );
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data!.myProfile.badges.map((b) => [b.name, b.verificationStatus, b.shown]).sort()).toEqual([
      ['Crane Revoked', 'FAILED', false],
      ['Forklift Expired', 'FAILED', true],
      ['Rigging Tampered', 'FAILED', false],
      ['Scaffold Unverified', 'UNVERIFIED', false],
      ['Welding Verified', 'VERIFIED', true],
    ]);
  });
});
