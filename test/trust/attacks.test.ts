/**
 * The attacks of "Trust in verified", performed against the real pipeline:
 * credentials signed with real keys go through the indexer into the real
 * engine, and an employer and an admin use the real API over HTTP.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import { refreshEarners } from '../../indexer/earners/refresh.ts';
import { ingest, type IngestOptions } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import { importIssuerRegistries } from '../../indexer/issuers/import.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { createAccount, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { useSharedTaxonomy } from '../support/engine.ts';

const taxonomy = loadTaxonomy();
const BOARD = 'Great Plains State Workforce Development Board';
const CLASS = 'https://issuer.example.net/achievements/career-readiness';
const REAL_DESCRIPTION = 'Shows up prepared: resume, interview and workplace basics, assessed by the board.';

let api: AccountApi;
let store: IndexStore;
let victim: IssuerKey;
let attacker: IssuerKey;
let employer: string;
let admin: string;
const now = new Date('2026-11-01T00:00:00Z');

function options(): IngestOptions {
  return {
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: [],
    verify: { resolver: createResolver({ allowNetwork: false }) },
    now: () => now,
  };
}

/** A credential for `email` signed by `key`, naming `issuerName` and the career readiness class. */
async function careerReadiness(
  key: IssuerKey,
  email: string,
  extra: { id?: string; name?: string; issuerName?: string; description?: string } = {},
): Promise<string> {
  const credential = ob3Credential(
    key.did,
    { ...(extra.id ? { id: extra.id } : {}), issuer: { id: key.did, type: ['Profile'], name: extra.issuerName ?? BOARD } },
    email,
  ) as {
    credentialSubject: { name?: string; achievement: Record<string, unknown> };
  };
  if (extra.name) credential.credentialSubject.name = extra.name;
  credential.credentialSubject.achievement = {
    ...credential.credentialSubject.achievement,
    id: CLASS,
    name: 'Career Readiness Certificate',
    achievementType: 'Certificate',
    description: extra.description ?? REAL_DESCRIPTION,
  };
  return signOb3Jwt(credential as Record<string, unknown>, key);
}

/** Changes the payload after signing: the signature no longer matches (BAD_SIGNATURE). */
function tamper(jwt: string, change: (payload: { vc?: Record<string, unknown> } & Record<string, unknown>) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  change(decoded);
  return [header, Buffer.from(JSON.stringify(decoded)).toString('base64url'), signature].join('.');
}

const unit = (source: string, text: string): InputUnit => ({ kind: 'credential', source, bytes: Buffer.from(text) });

async function earnerOf(email: string): Promise<string> {
  const link = (await store.earnersByIdentity([`email:${email}`])).get(`email:${email}`);
  if (!link) throw new Error(`no earner for ${email}`);
  return link.earnerId;
}

async function credentialsOf(email: string): Promise<CredentialDocument[]> {
  return store.credentialsOf([await earnerOf(email)]);
}

interface Hit {
  earner: {
    id: string;
    name: string;
    badges: {
      credentialId: string;
      name: string;
      issuerName: string;
      issuerRecognition: string;
      issuerNotice: string | null;
      issuer: { id: string; name: string; status: string } | null;
      verification: { status: string };
    }[];
  };
}
interface SearchResult {
  searchEarners: {
    total: number;
    nodes: Hit[];
    facets: { badges: { value: string; count: number }[]; issuers: { value: string; label: string; count: number }[] };
  };
}

async function search(input: Record<string, unknown>, recognition = ['RECOGNIZED']): Promise<SearchResult['searchEarners']> {
  const query = `query($input: EarnerSearchInput!, $r: [IssuerRecognition!]) { searchEarners(input: $input) { total nodes { earner { id name badges(issuerRecognition: $r) { credentialId name issuerName issuerRecognition issuerNotice issuer { id name status } verification { status } } } } facets { badges { value count } issuers { value label count } } } }`;
  const result = await api.gql<SearchResult>(query, { input, r: recognition }, employer);
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.searchEarners;
}

const ids = (hits: readonly Hit[]) => hits.map((h) => h.earner.id).sort();

let adaCredentialId: string;

beforeAll(async () => {
  api = await startAccountApi('trust');
  store = new IndexStore({ client: api.client, prefix: api.prefix, replicas: 0 });
  await useSharedTaxonomy(store.target);
  await store.ensureIndices();
  victim = await generateIssuerKey(new Uint8Array(32).fill(21));
  attacker = await generateIssuerKey(new Uint8Array(32).fill(66));

  // The board is recognized through a registry file, as a state program would load it.
  const folder = mkdtempSync(join(tmpdir(), 'registry-'));
  const file = join(folder, 'registry.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        format: 'talent-directory-issuers',
        version: 1,
        name: 'State registry',
        issuers: [
          { ids: [victim.did], name: BOARD, image: 'https://issuer.example.net/logo.png', origins: ['https://issuer.example.net'] },
        ],
      },
      null,
      2,
    ),
  );
  const imported = await importIssuerRegistries(options(), [file]);
  expect(imported).toMatchObject({ applied: 1, problems: [] });

  adaCredentialId = 'urn:uuid:0d5c3a52-5f2e-4c43-9a55-ada000000001';
  const units = [
    unit('ada.jwt', await careerReadiness(victim, 'ada@example.net', { id: adaCredentialId, name: 'Ada Lovelace' })),
    unit('bob.jwt', await careerReadiness(victim, 'bob@example.net', { name: 'Bob Builder' })),
    // 1. A self-made did:key copying the board's name and badge class id.
    unit(
      'mallory.jwt',
      await careerReadiness(attacker, 'mallory@example.net', { name: 'Mallory', description: 'FAKE: anyone can have it.' }),
    ),
    // ... sent to Ada too, reusing her credential id (3.) and trying to rename her.
    unit(
      'hijack.jwt',
      await careerReadiness(attacker, 'ada@example.net', {
        id: adaCredentialId,
        name: 'Renamed By Attacker',
        description: 'FAKE: hijacked.',
      }),
    ),
    // 2. A forged copy of the board's credential (bad signature) naming the real class.
    unit(
      'forged.jwt',
      tamper(await careerReadiness(victim, 'carol@example.net', { name: 'Carol' }), (p) => {
        ((p.vc ?? p) as { credentialSubject: { achievement: Record<string, unknown> } }).credentialSubject.achievement.description =
          'FORGED: rewritten for all holders.';
      }),
    ),
  ];
  await ingest(units, options());
  // Everyone opts in, so an employer could see all of them.
  const earners = await Promise.all(['ada', 'bob', 'mallory', 'carol'].map((n) => earnerOf(`${n}@example.net`)));
  await store.write(
    'directory-settings',
    earners.map((earnerId) => ({ id: earnerId, document: { ...defaultDirectorySettings(earnerId, now), listed: true } })),
    { refresh: true },
  );
  await refreshEarners(options(), earners, { refresh: true });

  await createAccount(api.client, api.prefix, { email: 'hiring@acme.example', role: 'employer', password: 'employer-password-1' });
  await createAccount(api.client, api.prefix, { email: 'admin@directory.example', role: 'admin', password: 'admin-password-1' });
  employer = await api.login('hiring@acme.example', 'employer-password-1');
  admin = await api.login('admin@directory.example', 'admin-password-1');
}, 120_000);
afterAll(() => api?.cleanup());

describe('a self-made key copying a recognized issuer', () => {
  it('is stored VERIFIED but UNKNOWN, and the registry records it as PENDING', async () => {
    const [fake] = await credentialsOf('mallory@example.net');
    expect(fake!.verification.status).toBe('VERIFIED');
    expect(fake!.issuerRecognition.status).toBe('UNKNOWN');
    expect(fake!.authority).toContain(attacker.did);
    const pending = await api.gql<{ registryIssuers: { nodes: (IssuerRegistryDocument & { credentialCount: number })[] } }>(
      '{ registryIssuers(status: [PENDING]) { nodes { id name status credentialCount provenance { format } } } }',
      {},
      admin,
    );
    expect(pending.body.data!.registryIssuers.nodes).toEqual([
      { id: attacker.did, name: BOARD, status: 'PENDING', credentialCount: 2, provenance: { format: 'seen' } },
    ]);
  });

  it('is absent from default search and facets', async () => {
    const found = await search({ badges: [CLASS], facetSize: 100 });
    const [ada, bob, mallory] = await Promise.all(['ada', 'bob', 'mallory'].map((n) => earnerOf(`${n}@example.net`)));
    expect(ids(found.nodes)).toEqual([ada, bob].sort());
    expect(found.facets.badges.find((f) => f.value === CLASS)?.count).toBe(2);
    expect(found.facets.issuers.map((f) => f.value)).toEqual([victim.did]);
    // Text matching the fake badge's name finds nobody who holds only the fake.
    expect(ids((await search({ text: 'Career Readiness' })).nodes)).not.toContain(mallory);
    expect(ids((await search({})).nodes)).not.toContain(mallory);
  });

  it('is shown only when the filter asks, labelled "issuer not recognized", with the registry naming the real issuer', async () => {
    const mallory = await earnerOf('mallory@example.net');
    const found = await search({ badges: [CLASS], issuerRecognition: ['RECOGNIZED', 'UNKNOWN'] }, ['RECOGNIZED', 'UNKNOWN']);
    const hit = found.nodes.find((n) => n.earner.id === mallory)!;
    expect(hit.earner.badges).toEqual([
      {
        credentialId: expect.any(String),
        name: 'Career Readiness Certificate',
        issuerName: BOARD,
        issuerRecognition: 'UNKNOWN',
        issuerNotice: 'issuer not recognized',
        issuer: null,
        verification: { status: 'VERIFIED' },
      },
    ]);
    const ada = found.nodes.find((n) => n.earner.id !== mallory && n.earner.name === 'Ada Lovelace')!;
    const real = ada.earner.badges.find((b) => b.issuerRecognition === 'RECOGNIZED')!;
    expect(real).toMatchObject({ issuerName: BOARD, issuerNotice: null, issuer: { id: victim.did, name: BOARD, status: 'RECOGNIZED' } });
  });

  it('never renames the earner it was sent to', async () => {
    const lookup = await api.gql<{ earner: { name: string } }>(
      'query($id: ID!) { earner(id: $id) { name } }',
      { id: await earnerOf('ada@example.net') },
      employer,
    );
    expect(lookup.body.data!.earner.name).toBe('Ada Lovelace');
    // Mallory's only name came from an unknown issuer: she stays unnamed until she claims her profile.
    const mallory = await api.gql<{ earner: { name: string } }>(
      'query($id: ID!) { earner(id: $id) { name } }',
      { id: await earnerOf('mallory@example.net') },
      employer,
    );
    expect(mallory.body.data!.earner.name).toBe('Unnamed earner');
  });
});

describe('shared badge class data', () => {
  it('a forged FAILED copy and an unknown issuer naming the class leave it as its issuer wrote it', async () => {
    const [carol] = await credentialsOf('carol@example.net');
    expect(carol!.verification).toMatchObject({ status: 'FAILED', reasons: ['BAD_SIGNATURE'] });
    // The forged copy keeps its own description on the credential...
    expect(carol!.achievement.description).toMatch(/^FORGED/);
    // ...and the shared document holds the board's.
    const [doc] = await store.documentsById<BadgeClassDocument>('badge-classes', [CLASS]);
    expect(doc).toMatchObject({ id: CLASS, description: REAL_DESCRIPTION, issuerId: victim.did, issuerName: BOARD });
    const badgeClass = await api.gql<{ badgeClass: { description: string; earnerCount: number } }>(
      'query($id: ID!) { badgeClass(id: $id) { description earnerCount } }',
      { id: CLASS },
      employer,
    );
    expect(badgeClass.body.data!.badgeClass).toEqual({ description: REAL_DESCRIPTION, earnerCount: 2 });
  });
});

describe("another issuer reusing a victim's credential id", () => {
  it("keeps the victim's badge intact and stores both credentials", async () => {
    const stored = await credentialsOf('ada@example.net');
    expect(stored.map((c) => [c.id, c.issuer.id, c.verification.status, c.issuerRecognition.status]).sort()).toEqual(
      [
        [adaCredentialId, attacker.did, 'VERIFIED', 'UNKNOWN'],
        [adaCredentialId, victim.did, 'VERIFIED', 'RECOGNIZED'],
      ].sort(),
    );
    const lookup = await api.gql<{
      earner: { badges: { credentialId: string; issuerName: string; issuerRecognition: string; badgeClass: { description: string } }[] };
    }>(
      'query($id: ID!) { earner(id: $id) { badges { credentialId issuerName issuerRecognition badgeClass { description } } } }',
      { id: await earnerOf('ada@example.net') },
      employer,
    );
    expect(lookup.body.data!.earner.badges).toEqual([
      { credentialId: adaCredentialId, issuerName: BOARD, issuerRecognition: 'RECOGNIZED', badgeClass: { description: REAL_DESCRIPTION } },
    ]);
  });
});

describe('suspension and re-approval', () => {
  it("takes the issuer's badges out of default search at once, and brings them back", async () => {
    const [ada, bob] = await Promise.all([earnerOf('ada@example.net'), earnerOf('bob@example.net')]);
    const suspend = await api.gql<{
      suspendIssuer: { status: string; statusReason: string; credentialCount: number; earnerCount: number };
    }>(
      'mutation($id: ID!) { suspendIssuer(id: $id, reason: "Signing key reported stolen") { status statusReason credentialCount earnerCount } }',
      { id: victim.did },
      admin,
    );
    expect(suspend.body.errors).toBeUndefined();
    expect(suspend.body.data!.suspendIssuer).toEqual({
      status: 'SUSPENDED',
      statusReason: 'Signing key reported stolen',
      credentialCount: 2,
      earnerCount: 2,
    });
    expect((await search({ badges: [CLASS] })).total).toBe(0);
    const suspended = await search({ badges: [CLASS], issuerRecognition: ['SUSPENDED'] }, ['SUSPENDED']);
    expect(ids(suspended.nodes)).toEqual([ada, bob].sort());
    expect(suspended.nodes.flatMap((n) => n.earner.badges.map((b) => [b.issuerRecognition, b.issuerNotice]))).toEqual([
      ['SUSPENDED', 'issuer not recognized'],
      ['SUSPENDED', 'issuer not recognized'],
    ]);

    const approve = await api.gql<{ approveIssuer: { status: string; statusReason: string | null } }>(
      'mutation($id: ID!) { approveIssuer(id: $id) { status statusReason } }',
      { id: victim.did },
      admin,
    );
    expect(approve.body.data!.approveIssuer).toEqual({ status: 'RECOGNIZED', statusReason: null });
    expect(ids((await search({ badges: [CLASS] })).nodes)).toEqual([ada, bob].sort());
  });

  it('approving the self-made issuer is an admin decision, and only admins may make it', async () => {
    const refused = await api.gql('mutation($id: ID!) { approveIssuer(id: $id) { status } }', { id: attacker.did }, employer);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await search({ badges: [CLASS] })).total).toBe(2);
  });

  it('an admin finds an issuer by name and corrects its entry: employers read the registry name at once', async () => {
    const found = await api.gql<{ registryIssuers: { totalCount: number; nodes: { id: string; status: string }[] } }>(
      '{ registryIssuers(search: "great plains") { totalCount nodes { id status } } }',
      {},
      admin,
    );
    // The board and the self-made copy of its name; the copy is only PENDING.
    expect(found.body.data!.registryIssuers.nodes.map((n) => [n.id, n.status]).sort()).toEqual(
      [
        [attacker.did, 'PENDING'],
        [victim.did, 'RECOGNIZED'],
      ].sort(),
    );
    const renamed = 'Great Plains Workforce Board';
    const update = await api.gql<{ updateIssuer: { name: string; image: string | null } }>(
      'mutation($id: ID!, $input: IssuerUpdateInput!) { updateIssuer(id: $id, input: $input) { name image } }',
      { id: victim.did, input: { name: renamed, image: '' } },
      admin,
    );
    expect(update.body.data!.updateIssuer).toEqual({ name: renamed, image: null });
    const hits = await search({ badges: [CLASS] });
    expect(hits.nodes.flatMap((n) => n.earner.badges.map((b) => [b.issuerName, b.issuer?.name]))).toEqual([
      [renamed, renamed],
      [renamed, renamed],
    ]);
    const bad = await api.gql(
      'mutation($id: ID!) { updateIssuer(id: $id, input: { origins: ["ftp://x"] }) { id } }',
      { id: victim.did },
      admin,
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.origins' });
  });
});
