/**
 * Attack (issue 10, item 3): the public earner id was the first 96 bits of an
 * unsalted SHA-256 of "email:" + address, so an address could be confirmed or
 * guessed from an id in ~1,000 tries. Ids are now random, assigned once and
 * linked to identities only in the private earner-ids index. Performed here
 * against the real ingest, engine and API: the id is no function of the
 * address, stays the same through re-ingest, re-verification and reindex,
 * merges keep the older id, old guessable ids are migrated by reindex, and a
 * claim still finds the earner.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { aliasName } from '../../mappings/indices.ts';
import { seedDemoAccounts, DEMO_PASSWORD } from '../../scripts/demo/accounts/seed-demo.ts';
import { ingest, type IngestOptions } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import { reindexAll } from '../../indexer/rebuild/reindex.ts';
import { reverifyAll } from '../../indexer/rebuild/reverify.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { hashIdentity } from '../../indexer/verify/recipient.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { claimEarner, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { testIndices, useSharedTaxonomy } from '../support/engine.ts';
import { sampleAccount, sampleContact } from '../support/sample-documents.ts';

const taxonomy = loadTaxonomy();
const RANDOM_ID = /^e-[a-z2-7]{26}$/;
const oldSchemeId = (email: string) => `e-${createHash('sha256').update(`email:${email}`).digest('hex').slice(0, 24)}`;

let key: IssuerKey;
let t: AccountApi;
let store: IndexStore;
let clock = new Date('2026-06-01T00:00:00Z');

const options = (target: IndexStore = store): IngestOptions => ({
  store: target,
  taxonomy,
  skills: skillLookup(taxonomy),
  pathways: [],
  verify: { resolver: createResolver({ allowNetwork: false }) },
  now: () => clock,
});

async function credentialFor(email: string, badge: string, recipient: 'plain' | 'hashed' = 'plain'): Promise<InputUnit> {
  const credential = ob3Credential(
    key.did,
    {
      id: `urn:example:${createHash('sha1').update(`${email}:${badge}:${recipient}`).digest('hex')}`,
      issuer: { id: key.did, type: ['Profile'], name: 'Test Issuer' },
    },
    email,
  ) as { credentialSubject: { name?: string; identifier: Record<string, unknown>[]; achievement: Record<string, unknown> } };
  credential.credentialSubject.achievement = {
    ...credential.credentialSubject.achievement,
    id: `https://issuer.example.net/achievements/${badge}`,
    name: badge,
  };
  credential.credentialSubject.name = 'Ada Lovelace';
  if (recipient === 'hashed')
    credential.credentialSubject.identifier = [
      { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'pepper', identityHash: hashIdentity(email, 'pepper') },
    ];
  return {
    kind: 'credential',
    source: `${badge}-${recipient}.jwt`,
    bytes: Buffer.from(await signOb3Jwt(credential as Record<string, unknown>, key)),
  };
}

async function linked(identityKey: string, target: IndexStore = store): Promise<string | undefined> {
  return (await target.earnersByIdentity([identityKey])).get(identityKey)?.earnerId;
}

async function viewerEarnerId(session: string): Promise<string> {
  return (await t.gql<{ viewer: { earnerId: string } }>('{ viewer { earnerId } }', {}, session)).body.data!.viewer.earnerId;
}

beforeAll(async () => {
  key = await generateIssuerKey(new Uint8Array(32).fill(21));
  t = await startAccountApi('earner-ids');
  store = new IndexStore({ client: t.client, prefix: t.prefix, replicas: 0 });
  await useSharedTaxonomy(store.target);
  await store.ensureIndices();
  await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
}, 120_000);
afterAll(() => t?.cleanup());

describe('public earner ids', { timeout: 120_000 }, () => {
  it('are random: not the old hash, not a function of the address, and the public earner document holds no identity', async () => {
    const email = 'ada@example.net';
    await ingest([await credentialFor(email, 'python')], options());
    const id = (await linked(`email:${email}`))!;
    expect(id).toMatch(RANDOM_ID);
    expect(id).not.toBe(oldSchemeId(email));
    // The same address ingested into a second, independent directory gets another id: nothing computes it from the address.
    const other = testIndices('earner-ids-other');
    try {
      const otherStore = new IndexStore(other);
      await otherStore.ensureIndices();
      await ingest([await credentialFor(email, 'python')], options(otherStore));
      const otherId = (await linked(`email:${email}`, otherStore))!;
      expect(otherId).toMatch(RANDOM_ID);
      expect(otherId).not.toBe(id);
    } finally {
      await other.cleanup();
    }
    // What the API reads for search holds neither the address nor any identity key.
    const stored = await t.client.get<EarnerDocument>({ index: aliasName(t.prefix, 'earners'), id });
    expect(JSON.stringify(stored._source)).not.toMatch(/ada@example\.net|email:|sha256:/);
  });

  it('stay the same through re-ingest, re-verification and reindex, and a claim finds the earner', async () => {
    const email = 'ada@example.net';
    const id = (await linked(`email:${email}`))!;
    clock = new Date('2026-07-01T00:00:00Z');
    await ingest([await credentialFor(email, 'python'), await credentialFor(email, 'sql')], options());
    expect(await linked(`email:${email}`)).toBe(id);
    await reverifyAll(options(), options().verify);
    expect(await linked(`email:${email}`)).toBe(id);
    await reindexAll(options(), taxonomy, () => {});
    expect(await linked(`email:${email}`)).toBe(id);
    const rebuilt = await t.client.get<EarnerDocument>({ index: aliasName(t.prefix, 'earners'), id });
    expect(rebuilt._source!.badges.map((b) => b.name).sort()).toEqual(['python', 'sql']);

    const session = await claimEarner(t, email);
    expect(await viewerEarnerId(session)).toBe(id);
    // The employer-facing API shows the earner under that id and never the address.
    await t.gql('mutation { updateDirectorySettings(input: { listed: true }) { listed } }', {}, session);
    const employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    const seen = await t.gql<{ earner: { id: string } | null }>(`{ earner(id: "${id}") { id name } }`, {}, employer);
    expect(seen.body.data?.earner?.id).toBe(id);
    expect(JSON.stringify(seen.body)).not.toContain(email);
  });

  it('merge two identities into the earner whose id was assigned first', async () => {
    const email = 'grace@example.net';
    const hashedKey = `sha256:${hashIdentity(email, 'pepper').slice(7)}`;
    clock = new Date('2026-08-01T00:00:00Z');
    await ingest([await credentialFor(email, 'cobol', 'hashed')], options());
    const older = (await linked(hashedKey))!;
    clock = new Date('2026-08-02T00:00:00Z');
    await ingest([await credentialFor(email, 'fortran')], options());
    const newer = (await linked(`email:${email}`))!;
    expect(newer).not.toBe(older);
    // One run that shows both are one person: the address's earner joins the older one.
    clock = new Date('2026-08-03T00:00:00Z');
    await ingest([await credentialFor(email, 'fortran'), await credentialFor(email, 'cobol', 'hashed')], options());
    expect(await linked(`email:${email}`)).toBe(older);
    expect(await linked(hashedKey)).toBe(older);
    const earner = await t.client.get<EarnerDocument>({ index: aliasName(t.prefix, 'earners'), id: older });
    expect(earner._source!.badges.map((b) => b.name).sort()).toEqual(['cobol', 'fortran']);
    expect((await t.client.get({ index: aliasName(t.prefix, 'earners'), id: newer }, { ignore: [404] })).found).toBe(false);
  });

  it('of the old guessable scheme are migrated by reindex, with settings and accounts, and claims find the earner', async () => {
    const email = 'bo@example.net';
    const legacy = oldSchemeId(email);
    // Data as the indexer wrote it before: a credential and settings under the hash id, no private link.
    await ingest([await credentialFor(email, 'welding')], options());
    const fresh = (await linked(`email:${email}`))!;
    const [credential] = (await store.credentialsOf([fresh])) as CredentialDocument[];
    const settings: DirectorySettingsDocument = { ...defaultDirectorySettings(legacy, clock), listed: true, headline: 'Welder' };
    await t.client.delete({
      index: aliasName(t.prefix, 'earner-ids'),
      id: createHash('sha256').update(`email:${email}`).digest('hex'),
      refresh: true,
    });
    await t.client.delete({ index: aliasName(t.prefix, 'earners'), id: fresh, refresh: true });
    await t.client.index({
      index: aliasName(t.prefix, 'credentials'),
      id: credential!.key,
      document: { ...credential!, earnerId: legacy },
      refresh: true,
    });
    await t.client.index({ index: aliasName(t.prefix, 'directory-settings'), id: legacy, document: settings, refresh: true });
    const legacyDoc = buildEarnerDocument({
      earnerId: legacy,
      credentials: [{ ...credential!, earnerId: legacy }],
      settings,
      skills: skillLookup(taxonomy),
      pathways: [],
      now: clock,
    })!;
    await t.client.index({ index: aliasName(t.prefix, 'earners'), id: legacy, document: legacyDoc, refresh: true });
    // An account claimed under the old id, and a contact request naming it.
    await t.client.index({
      index: aliasName(t.prefix, 'accounts'),
      id: 'acct_legacy_bo',
      document: { ...sampleAccount, id: 'acct_legacy_bo', email, role: 'earner', organisation: undefined, earnerId: legacy },
      refresh: true,
    });
    await t.client.index({
      index: aliasName(t.prefix, 'contacts'),
      id: 'contact-legacy-bo',
      document: { ...sampleContact, id: 'contact-legacy-bo', earnerId: legacy },
      refresh: true,
    });
    expect(await linked(`email:${email}`)).toBe(legacy); // found through the stored credential until migrated

    await reindexAll(options(), taxonomy, () => {});
    const migrated = (await linked(`email:${email}`))!;
    expect(migrated).toMatch(RANDOM_ID);
    expect(migrated).not.toBe(legacy);
    expect((await store.credentialsOf([migrated])).map((c) => c.id)).toEqual([credential!.id]);
    expect(await store.credentialsOf([legacy])).toEqual([]);
    expect((await store.settingsOf([migrated])).get(migrated)).toMatchObject({ earnerId: migrated, listed: true, headline: 'Welder' });
    expect((await store.settingsOf([legacy])).size).toBe(0);
    const earners = await t.client.search<EarnerDocument>({
      index: aliasName(t.prefix, 'earners'),
      query: { ids: { values: [legacy, migrated] } },
    });
    expect(earners.hits.hits.map((h) => [h._id, h._source!.directory.listed])).toEqual([[migrated, true]]);

    const account = await t.client.get<{ earnerId: string }>({ index: aliasName(t.prefix, 'accounts'), id: 'acct_legacy_bo' });
    expect(account._source!.earnerId).toBe(migrated);
    const contact = await t.client.get<{ earnerId: string }>({ index: aliasName(t.prefix, 'contacts'), id: 'contact-legacy-bo' });
    expect(contact._source!.earnerId).toBe(migrated);

    const session = await claimEarner(t, email);
    expect(await viewerEarnerId(session)).toBe(migrated);
    // A second reindex changes nothing.
    await reindexAll(options(), taxonomy, () => {});
    expect(await linked(`email:${email}`)).toBe(migrated);
    expect(await viewerEarnerId(await claimEarner(t, email, 'another-password-2'))).toBe(migrated);
  });
});
