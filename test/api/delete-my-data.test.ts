import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { DELETE_CONFIRMATION } from '../../api/services/my-data-service.ts';
import { ingest, type IngestOptions } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { generateIssuerKey, signOb3Jwt } from '../../scripts/demo/signing/sign.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { aliasName } from '../../mappings/indices.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { claimEarner, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { useSharedTaxonomy } from '../support/engine.ts';

const EMAIL = 'dora@example.net';
const SEARCH = '{ searchEarners(input: { text: "Dora" }) { total nodes { earner { id } } } }';
const DELETE = 'mutation($c: String!) { deleteMyData(confirm: $c) { credentialsDeleted contactRequestsDeleted } }';

describe('deleteMyData', () => {
  const taxonomy = loadTaxonomy();
  let t: AccountApi;
  let store: IndexStore;
  let unit: InputUnit;
  let employer: string;
  let earner: string;
  let earnerId = '';

  const options = (): IngestOptions => ({
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: [],
    verify: { resolver: createResolver({ allowNetwork: false }) },
    now: () => new Date('2026-11-01T00:00:00Z'),
  });
  const credentialsStored = async () =>
    (await t.client.count({ index: aliasName(t.prefix, 'credentials'), query: { term: { earnerId } } })).count;
  const found = async () => (await t.gql<{ searchEarners: { total: number } }>(SEARCH, {}, employer)).body.data!.searchEarners.total;

  beforeAll(async () => {
    t = await startAccountApi('delete-data');
    store = new IndexStore({ client: t.client, prefix: t.prefix, replicas: 0 });
    await useSharedTaxonomy(store.target);
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    const key = await generateIssuerKey(new Uint8Array(32).fill(9));
    await store.ensureIndices();
    await recognizeIssuer(store, registryEntry(key.did, 'Test Issuer', { origins: ['https://issuer.example.net'] }));
    const credential = ob3Credential(key.did, {}, EMAIL) as { credentialSubject: { name?: string }; issuer: Record<string, unknown> };
    credential.issuer = { ...credential.issuer, id: key.did };
    credential.credentialSubject.name = 'Dora Deleter';
    unit = { kind: 'credential', source: 'dora.jwt', bytes: Buffer.from(await signOb3Jwt(credential, key)) };
    const summary = await ingest([unit], options());
    expect(summary).toMatchObject({ accepted: 1, verified: 1 });
    earnerId = (await store.earnersByIdentity([`email:${EMAIL}`])).get(`email:${EMAIL}`)!.earnerId;
    earner = await claimEarner(t, EMAIL);
    await t.gql(
      'mutation { updateDirectorySettings(input: { listed: true, contactable: true, contactChannel: EMAIL, contactValue: "dora@example.net" }) { listed } }',
      {},
      earner,
    );
    await t.gql('mutation { contactEarner(earnerId: "' + earnerId + '", message: "Hello Dora") { id } }', {}, employer);
  }, 120_000);
  afterAll(() => t?.cleanup());

  it('the ingested, claimed and listed earner is in search to begin with', async () => {
    expect(await found()).toBe(1);
    expect(await credentialsStored()).toBe(1);
  });

  it('needs the exact confirmation', async () => {
    const result = await t.gql(DELETE, { c: 'yes please' }, earner);
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'confirm', requestId: expect.any(String) });
    expect(await found()).toBe(1);
  });

  it('removes the earner from search, lookups, credentials, contacts and accounts, and ends the session', async () => {
    const result = await t.gql(DELETE, { c: DELETE_CONFIRMATION }, earner);
    expect(result.body).toEqual({ data: { deleteMyData: { credentialsDeleted: 1, contactRequestsDeleted: 1 } } });
    expect(await found()).toBe(0);
    expect((await t.gql(`{ earner(id: "${earnerId}") { id } }`, {}, employer)).body.data).toEqual({ earner: null });
    expect(await credentialsStored()).toBe(0);
    expect((await t.client.get({ index: aliasName(t.prefix, 'earners'), id: earnerId }, { ignore: [404] })).found).toBe(false);
    expect((await t.client.count({ index: aliasName(t.prefix, 'contacts'), query: { term: { earnerId } } })).count).toBe(0);
    expect((await t.client.count({ index: aliasName(t.prefix, 'accounts'), query: { term: { earnerId } } })).count).toBe(0);
    // The private link from the address to the earner is gone too.
    expect((await t.client.count({ index: aliasName(t.prefix, 'earner-ids'), query: { term: { earnerId } } })).count).toBe(0);
    expect((await t.gql('{ mySettings { listed } }', {}, earner)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tombstone = await t.client.get<DirectorySettingsDocument>({ index: aliasName(t.prefix, 'directory-settings'), id: earnerId });
    expect(tombstone._source).toMatchObject({ deleted: true, listed: false, deletedIdentities: [`email:${EMAIL}`] });
    expect(tombstone._source?.contactValue).toBeUndefined();
  });

  it('a re-ingest of the same credential does not bring them back', async () => {
    const summary = await ingest([unit], options());
    expect(summary.skippedDeleted).toBe(1);
    expect(await credentialsStored()).toBe(0);
    expect(await found()).toBe(0);
    // Nor can the profile be claimed again: no credential carries the address any more.
    const before = t.outbox().length;
    await t.gql('mutation($e: String!) { requestClaimLink(email: $e) { message } }', { e: EMAIL });
    await t.api.idle();
    expect(t.outbox().length).toBe(before);
  });
});
