/**
 * Earners add their own badges (`addMyCredentials`) and recognized issuers
 * push theirs (`POST /api/issuer/credentials`): real API over HTTP, the real
 * indexer intake (same pipeline as a run), real keys and signatures, the
 * real engine, a real issuer host on 127.0.0.1. Each attack is performed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialIntake } from '../../indexer/intake/intake.ts';
import { type IndexerRuntime } from '../../indexer/runtime/runtime.ts';
import { hashIdentity } from '../../indexer/verify/recipient.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { aliasName } from '../../mappings/indices.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { intakeRuntime } from '../support/intake-runtime.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { ob2HostedDocuments, ob3Credential } from '../support/credential-builders.ts';
import { uniquePrefix } from '../support/engine.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';
import { startIssuerServer, type IssuerServer } from '../support/issuer-server.ts';
import { presentationOf, signVpJwt } from '../support/vp-jwt.ts';

const BOARD = 'Great Plains Workforce Board';
const COLLEGE = 'River Valley College';
const CLASS = 'https://board.example/achievements/forklift';

let api: AccountApi;
let runtime: IndexerRuntime;
let host: IssuerServer;
let board: IssuerKey;
let college: IssuerKey;
let selfMade: IssuerKey;
let ada: string;
let bob: string;
let hana: string;
let employer: string;
let admin: string;

interface Result {
  source: string;
  outcome: string;
  status: string | null;
  reasons: string[];
  message: string;
  credentialId: string | null;
  badgeName: string | null;
  issuerRecognition: string | null;
}
interface Payload {
  addMyCredentials: { results: Result[]; added: number; alreadyAdded: number; refused: number };
}

const ADD = `mutation($input: AddMyCredentialsInput!) { addMyCredentials(input: $input) {
  added alreadyAdded refused results { source outcome status reasons message credentialId badgeName issuerRecognition } } }`;

async function add(token: string, input: { files?: { name: string; contentBase64: string }[]; urls?: string[] }) {
  return api.gql<Payload>(ADD, { input }, token);
}

const file = (name: string, content: string | Uint8Array) => ({ name, contentBase64: Buffer.from(content).toString('base64') });

/** An OB 3.0 VC-JWT from `key` to `email` for the forklift class (or `achievementId`). */
async function badge(
  key: IssuerKey,
  email: string,
  extra: { id?: string; issuerName?: string; achievementId?: string; name?: string } = {},
) {
  const credential = ob3Credential(key.did, { issuer: { id: key.did, type: ['Profile'], name: extra.issuerName ?? BOARD } }, email) as {
    id: string;
    credentialSubject: { achievement: Record<string, unknown> };
  };
  if (extra.id) credential.id = extra.id;
  credential.credentialSubject.achievement = {
    ...credential.credentialSubject.achievement,
    id: extra.achievementId ?? CLASS,
    name: extra.name ?? 'Forklift Operator',
  };
  return { id: credential.id, jwt: await signOb3Jwt(credential as unknown as Record<string, unknown>, key) };
}

/** A PNG with the credential baked into an iTXt chunk (`openbadgecredential`), as wallets export them. */
function bakedPng(text: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const itxt = Buffer.concat([Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1'), Buffer.from(text, 'utf8')]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('iTXt', itxt),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  (decoded.vc ?? decoded).credentialSubject.achievement.name = 'Forged Master Welder';
  return [header, Buffer.from(JSON.stringify(decoded)).toString('base64url'), signature].join('.');
}

async function earnerIdOf(email: string): Promise<string> {
  const link = (await runtime.store.earnersByIdentity([`email:${email}`])).get(`email:${email}`);
  if (!link) throw new Error(`no earner for ${email}`);
  return link.earnerId;
}

async function storedOf(email: string): Promise<CredentialDocument[]> {
  return runtime.store.credentialsOf([await earnerIdOf(email)]);
}

interface Hit {
  earner: { id: string; badges: { credentialId: string; name: string; issuerRecognition: string; verification: { status: string } }[] };
}
async function searchByBadge(badgeClass = CLASS, recognition = ['RECOGNIZED']): Promise<Hit[]> {
  const result = await api.gql<{ searchEarners: { nodes: Hit[] } }>(
    `query($input: EarnerSearchInput!) { searchEarners(input: $input) { nodes { earner { id badges { credentialId name issuerRecognition verification { status } } } } } }`,
    { input: { badges: [badgeClass], issuerRecognition: recognition } },
    employer,
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.searchEarners.nodes;
}

beforeAll(async () => {
  const prefix = uniquePrefix('intake');
  host = await startIssuerServer();
  // The test issuer's host is private (127.0.0.1): allowed by host:port, as a development allowance is.
  runtime = await intakeRuntime(prefix, { INDEXER_ALLOW_HOSTS: new URL(host.origin).host });
  api = await startAccountApi('intake', { INDEX_PREFIX: prefix }, { intake: createCredentialIntake(runtime) });
  board = await generateIssuerKey(new Uint8Array(32).fill(41));
  college = await generateIssuerKey(new Uint8Array(32).fill(42));
  selfMade = await generateIssuerKey(new Uint8Array(32).fill(43));
  await recognizeIssuer(runtime.store, registryEntry(board.did, BOARD));
  await recognizeIssuer(runtime.store, registryEntry(college.did, COLLEGE));
  await seedEarners(api.client, api.prefix, [
    { earnerId: 'e-ada', email: 'ada@example.net', name: 'Ada Lovelace', badges: 1, settings: { listed: true } },
    { earnerId: 'e-bob', email: 'bob@example.net', name: 'Bob Builder', badges: 1, settings: { listed: true } },
    { earnerId: 'e-hana', email: 'hana@example.net', name: 'Hana Hidden', badges: 1, settings: { listed: false } },
  ]);
  ada = await claimEarner(api, 'ada@example.net');
  bob = await claimEarner(api, 'bob@example.net');
  hana = await claimEarner(api, 'hana@example.net', undefined, { keepHidden: true });
  await createAccount(api.client, api.prefix, { email: 'hiring@acme.example', role: 'employer', password: 'employer-password-1' });
  await createAccount(api.client, api.prefix, { email: 'admin@directory.example', role: 'admin', password: 'admin-password-1' });
  employer = await api.login('hiring@acme.example', 'employer-password-1');
  admin = await api.login('admin@directory.example', 'admin-password-1');
}, 120_000);

afterAll(async () => {
  await api?.cleanup();
  await runtime?.close();
  await host?.close();
});

describe('addMyCredentials', () => {
  it('adds a signed badge at once, verified and recognized, and it shows in search (listed earner only)', async () => {
    const mine = await badge(board, 'ada@example.net', { id: 'urn:uuid:ada-forklift' });
    const hidden = await badge(board, 'hana@example.net', { id: 'urn:uuid:hana-forklift' });
    const [a, h] = await Promise.all([
      add(ada, { files: [file('forklift.jwt', mine.jwt)] }),
      add(hana, { files: [file('f.jwt', hidden.jwt)] }),
    ]);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data!.addMyCredentials).toMatchObject({ added: 1, refused: 0 });
    expect(a.body.data!.addMyCredentials.results).toEqual([
      expect.objectContaining({
        source: 'forklift.jwt',
        outcome: 'ADDED',
        status: 'VERIFIED',
        reasons: [],
        issuerRecognition: 'RECOGNIZED',
        badgeName: 'Forklift Operator',
      }),
    ]);
    expect(h.body.data!.addMyCredentials.results[0]).toMatchObject({ outcome: 'ADDED' });
    // At once: no refresh, no job in between.
    const hits = await searchByBadge();
    expect(hits.map((hit) => hit.earner.id)).toEqual(['e-ada']);
    expect(hits[0]!.earner.badges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          credentialId: 'urn:uuid:ada-forklift',
          issuerRecognition: 'RECOGNIZED',
          verification: { status: 'VERIFIED' },
        }),
      ]),
    );
    expect((await storedOf('hana@example.net')).map((c) => c.id)).toContain('urn:uuid:hana-forklift');
  });

  it('reads a baked PNG, a Verifiable Presentation, a hashed recipient and a platform CSV export (UNVERIFIED)', async () => {
    const png = await badge(college, 'ada@example.net', { achievementId: 'https://college.example/a/png', name: 'Baked Badge' });
    const inVp = await badge(college, 'ada@example.net', { achievementId: 'https://college.example/a/vp', name: 'Presented Badge' });
    const bobsInVp = await badge(college, 'bob@example.net', { achievementId: 'https://college.example/a/vp', name: 'Presented Badge' });
    const salt = 'pepper-1';
    const hashed = ob3Credential(college.did, { issuer: { id: college.did, type: ['Profile'], name: COLLEGE } }, 'x') as {
      credentialSubject: { identifier: unknown[]; achievement: Record<string, unknown> };
    };
    hashed.credentialSubject.identifier = [
      { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt, identityHash: hashIdentity('ada@example.net', salt) },
    ];
    hashed.credentialSubject.achievement = {
      ...hashed.credentialSubject.achievement,
      id: 'https://college.example/a/hashed',
      name: 'Hashed Badge',
    };
    const hashedJwt = await signOb3Jwt(hashed as unknown as Record<string, unknown>, college);
    const vp = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [inVp.jwt, bobsInVp.jwt],
    };
    const csv =
      'earner_email,badge_name,issuer,issued_on,skills\nada@example.net,Safety Walk,Acme Plant,2025-03-01,safety\nbob@example.net,Safety Walk,Acme Plant,2025-03-01,safety\n';
    const result = await add(ada, {
      files: [
        file('badge.png', bakedPng(png.jwt)),
        file('wallet.json', JSON.stringify(vp)),
        file('hashed.jwt', hashedJwt),
        file('export.csv', csv),
      ],
    });
    expect(result.body.errors).toBeUndefined();
    const bySource = Object.fromEntries(result.body.data!.addMyCredentials.results.map((r) => [r.source, r]));
    expect(bySource['badge.png']).toMatchObject({
      outcome: 'ADDED',
      status: 'VERIFIED',
      badgeName: 'Baked Badge',
      issuerRecognition: 'RECOGNIZED',
    });
    expect(bySource['wallet.json#1']).toMatchObject({ outcome: 'ADDED', status: 'VERIFIED', badgeName: 'Presented Badge' });
    expect(bySource['wallet.json#2']).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    expect(bySource['wallet.json#2']!.message).toMatch(/issued to someone else, not to your email address ada@example\.net/);
    expect(bySource['wallet.json#2']!.message).not.toContain('bob@');
    expect(bySource['hashed.jwt']).toMatchObject({ outcome: 'ADDED', status: 'VERIFIED', badgeName: 'Hashed Badge' });
    expect(bySource['export.csv:row 2']).toMatchObject({ outcome: 'ADDED', status: 'UNVERIFIED', reasons: ['NO_PROOF'] });
    expect(bySource['export.csv:row 3']).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    const names = (await storedOf('ada@example.net')).map((c) => c.achievement.name);
    expect(names).toEqual(expect.arrayContaining(['Baked Badge', 'Presented Badge', 'Hashed Badge', 'Safety Walk']));
    expect((await storedOf('bob@example.net')).map((c) => c.achievement.name)).not.toContain('Presented Badge');
  });

  it("refuses someone else's badge (RECIPIENT_MISMATCH), a forged one and a DID recipient; attaches nothing", async () => {
    const bobs = await badge(board, 'bob@example.net', { id: 'urn:uuid:bob-forklift' });
    const forged = tamper((await badge(board, 'ada@example.net', { id: 'urn:uuid:forged' })).jwt);
    const didBadge = ob3Credential(board.did, { issuer: { id: board.did, type: ['Profile'], name: BOARD } }) as {
      credentialSubject: Record<string, unknown>;
    };
    delete didBadge.credentialSubject.identifier;
    didBadge.credentialSubject.id = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const result = await add(ada, {
      files: [
        file('bobs.jwt', bobs.jwt),
        file('forged.jwt', forged),
        file('did.jwt', await signOb3Jwt(didBadge as Record<string, unknown>, board)),
      ],
    });
    const [mismatch, bad, did] = result.body.data!.addMyCredentials.results;
    expect(mismatch).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    expect(bad).toMatchObject({ outcome: 'REFUSED', status: 'FAILED' });
    expect(bad!.reasons).toContain('BAD_SIGNATURE');
    expect(bad!.message).toMatch(/signature does not match/);
    expect(did).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    expect(did!.message).toMatch(/issued to a DID .* not linked to your profile\. If that DID is yours, link it first/);
    const ids = (await storedOf('ada@example.net')).map((c) => c.id);
    expect(ids).not.toContain('urn:uuid:bob-forklift');
    expect(ids).not.toContain('urn:uuid:forged');
    // Bob's own copy later is his, not Ada's.
    const bobAdds = await add(bob, { files: [file('mine.jwt', bobs.jwt)] });
    expect(bobAdds.body.data!.addMyCredentials.results[0]).toMatchObject({ outcome: 'ADDED' });
  });

  it('a self-made key copying a recognized issuer never gives a recognized badge', async () => {
    // Copies the board's name and badge class, signed by a key nobody recognizes.
    const copy = await badge(selfMade, 'ada@example.net', { id: 'urn:uuid:self-made', issuerName: BOARD, name: 'Forklift Operator' });
    // And one claiming to be the board (issuer id = the board's DID) while signed by the self-made key.
    const claimed = ob3Credential(
      board.did,
      { id: 'urn:uuid:claims-board', issuer: { id: board.did, type: ['Profile'], name: BOARD } },
      'ada@example.net',
    );
    const impostor = await signOb3Jwt(claimed, selfMade);
    const result = await add(ada, { files: [file('copy.jwt', copy.jwt), file('impostor.jwt', impostor)] });
    const [own, claim] = result.body.data!.addMyCredentials.results;
    expect(own).toMatchObject({ outcome: 'ADDED', issuerRecognition: 'UNKNOWN' });
    expect(claim!.outcome).toBe('REFUSED');
    expect(claim!.issuerRecognition).not.toBe('RECOGNIZED');
    const stored = await storedOf('ada@example.net');
    expect(stored.find((c) => c.id === 'urn:uuid:self-made')?.issuerRecognition.status).toBe('UNKNOWN');
    expect(stored.map((c) => c.id)).not.toContain('urn:uuid:claims-board');
    // Employers' default search (recognized issuers) does not count it.
    const badges = (await searchByBadge()).flatMap((h) => h.earner.badges);
    expect(badges.map((b) => b.credentialId)).not.toContain('urn:uuid:self-made');
    expect(badges.every((b) => b.issuerRecognition === 'RECOGNIZED')).toBe(true);
  });

  it('is idempotent: adding the same credential again changes nothing', async () => {
    const again = await badge(board, 'ada@example.net', { id: 'urn:uuid:ada-forklift' });
    const before = (await storedOf('ada@example.net')).length;
    const result = await add(ada, { files: [file('again.jwt', again.jwt), file('twice.jwt', again.jwt)] });
    expect(result.body.data!.addMyCredentials.results.map((r) => r.outcome)).toEqual(['ALREADY_ADDED', 'ALREADY_ADDED']);
    expect(await storedOf('ada@example.net')).toHaveLength(before);
    // Re-sent by someone else it stays Ada's.
    const stolen = await add(bob, { files: [file('ada.jwt', again.jwt)] });
    expect(stolen.body.data!.addMyCredentials.results[0]).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    expect((await runtime.store.credentialsByKey([`${board.did} urn:uuid:ada-forklift`]))[0]?.earnerId).toBe('e-ada');
    // A credential already stored for another earner is never moved, even when its recipient matches.
    const held = await badge(board, 'ada@example.net', { id: 'urn:uuid:held-elsewhere' });
    const [stored] = await runtime.store.credentialsByKey([`${board.did} urn:uuid:ada-forklift`]);
    await runtime.store.write(
      'credentials',
      [
        {
          id: `${board.did} urn:uuid:held-elsewhere`,
          document: { ...stored!, key: `${board.did} urn:uuid:held-elsewhere`, id: 'urn:uuid:held-elsewhere', earnerId: 'e-bob' },
        },
      ],
      { refresh: true },
    );
    const moved = await add(ada, { files: [file('held.jwt', held.jwt)] });
    expect(moved.body.data!.addMyCredentials.results[0]).toMatchObject({ outcome: 'REFUSED', reasons: ['HELD_BY_ANOTHER_PROFILE'] });
    expect((await runtime.store.credentialsByKey([`${board.did} urn:uuid:held-elsewhere`]))[0]?.earnerId).toBe('e-bob');
  });

  it('fetches a hosted OB 2.0 assertion by URL, and refuses URLs to private addresses', async () => {
    const docs = ob2HostedDocuments(host.origin);
    host.serve('/assertions/1', docs.assertion);
    host.serve('/badges/1', docs.badge);
    host.serve('/issuer', docs.issuer);
    const urls = [
      `${host.origin}/assertions/1`,
      'http://10.1.2.3/assertion.json',
      'http://127.0.0.1:9/assertion.json',
      'http://169.254.169.254/latest/meta-data',
    ];
    const result = await add(ada, { urls });
    expect(result.body.errors).toBeUndefined();
    const [hosted, ...privates] = result.body.data!.addMyCredentials.results;
    expect(hosted).toMatchObject({ source: urls[0], outcome: 'ADDED', status: 'VERIFIED', badgeName: 'Local Badge' });
    expect(privates.map((r) => [r.outcome, r.reasons])).toEqual(privates.map(() => ['REFUSED', ['UNREADABLE']]));
    for (const r of privates) expect(r.message).toMatch(/could not be read or fetched/);
  });

  it('enforces count and size limits with errors naming the item, and refuses callers who are not earners', async () => {
    const tooMany = await add(ada, { urls: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`) });
    expect(tooMany.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooMany.body.errors?.[0]?.message).toMatch(/at most 20 files and URLs at once \(21 sent\)/);
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 0x20);
    const tooBig = await add(ada, { files: [file('ok.json', '{}'), file('huge.png', big)] });
    expect(tooBig.status).toBe(200);
    expect(tooBig.body.errors?.[0]?.message).toMatch(/files\[1\]\.contentBase64.*"huge\.png" is larger than the 2 MiB limit of one file/);
    const notUrl = await add(ada, { urls: ['file:///etc/passwd'] });
    expect(notUrl.body.errors?.[0]?.message).toMatch(/urls\[0\].*not an http\(s\) URL/);
    // Bodies over 64 kB are only for signed-in earners.
    const asEmployer = await add(employer, { files: [file('x.png', Buffer.alloc(100_000))] });
    expect(asEmployer.status).toBe(413);
    expect(asEmployer.body.errors?.[0]?.message).toBe('The request body is too large (at most 64 kB).');
    const overEarnerLimit = await add(ada, { files: [file('x.png', Buffer.alloc(10 * 1024 * 1024))] });
    expect(overEarnerLimit.status).toBe(413);
    expect(overEarnerLimit.body.errors?.[0]?.message).toBe('The request body is too large (at most 12 MB).');
    const small = await add(employer, { urls: ['https://example.org/a'] });
    expect(small.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(ADD, { input: { urls: ['https://example.org/a'] } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // An export's rows count one each: past 200 the rest are refused in one result.
    const rows = Array.from({ length: 205 }, (_, i) => `bob@example.net,Row ${i},Acme Plant,2025-03-01`).join('\n');
    const bigExport = await add(ada, { files: [file('big.csv', `earner_email,badge_name,issuer,issued_on\n${rows}\n`)] });
    const bigResults = bigExport.body.data!.addMyCredentials.results;
    expect(bigResults).toHaveLength(201);
    expect(bigResults.at(-1)).toMatchObject({ outcome: 'REFUSED', reasons: ['TOO_MANY'], source: 'big.csv:row 202' });
    expect(bigResults.at(-1)!.message).toMatch(/only the first 200 credentials of one batch are read \(205 were sent\)/);
    // One unreadable item never fails the others.
    const ok = await badge(college, 'ada@example.net', { achievementId: 'https://college.example/a/mixed', name: 'Mixed Batch' });
    const mixed = await add(ada, { files: [file('junk.json', '{"not":'), file('ok.jwt', ok.jwt)] });
    expect(mixed.body.data!.addMyCredentials.results.map((r) => r.outcome)).toEqual(['REFUSED', 'ADDED']);
    expect(mixed.body.data!.addMyCredentials.results[0]!.reasons).toContain('MALFORMED');
  });

  it('20 concurrent adds of one earner all land in the profile', async () => {
    const before = (await storedOf('bob@example.net')).length;
    const badges = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        badge(college, 'bob@example.net', { achievementId: `https://college.example/a/c${i}`, name: `Concurrent ${i}` }),
      ),
    );
    const results = await Promise.all(badges.map((b, i) => add(bob, { files: [file(`c${i}.jwt`, b.jwt)] })));
    for (const r of results) expect(r.body.data?.addMyCredentials.results[0]?.outcome).toBe('ADDED');
    expect(await storedOf('bob@example.net')).toHaveLength(before + 20);
    const doc = await api.client.get<{ badges: unknown[] }>({ index: aliasName(api.prefix, 'earners'), id: 'e-bob' });
    expect(doc._source!.badges.length).toBeGreaterThanOrEqual(before + 20);
  });
});

describe('issuer push', () => {
  let boardKey: string;
  let collegeKey: string;
  const push = (key: string | undefined, body: string, type = 'application/json') =>
    fetch(`${api.api.url}/api/issuer/credentials`, {
      method: 'POST',
      headers: { 'content-type': type, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body,
    });
  const CREATE =
    'mutation($i: ID!, $l: String!) { createIssuerApiKey(issuerId: $i, label: $l) { secret key { id issuerId issuerName label revokedAt } } }';

  beforeAll(async () => {
    const created = await api.gql<{ createIssuerApiKey: { secret: string; key: { id: string; issuerName: string } } }>(
      CREATE,
      { i: board.did, l: 'nightly' },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    boardKey = created.body.data!.createIssuerApiKey.secret;
    expect(created.body.data!.createIssuerApiKey.key.issuerName).toBe(BOARD);
    const other = await api.gql<{ createIssuerApiKey: { secret: string } }>(CREATE, { i: college.did, l: 'registrar' }, admin);
    collegeKey = other.body.data!.createIssuerApiKey.secret;
  });

  it('stores only a hash of the key; only admins create keys, only for recognized issuers', async () => {
    const stored = await api.client.search({ index: aliasName(api.prefix, 'issuer-api-keys'), size: 10 });
    const raw = JSON.stringify(stored.hits.hits);
    expect(raw).not.toContain(boardKey.slice(21));
    expect(stored.hits.hits).toHaveLength(2);
    const asEmployer = await api.gql(CREATE, { i: board.did, l: 'x' }, employer);
    expect(asEmployer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await api.gql(CREATE, { i: 'did:web:nobody.example', l: 'x' }, admin);
    expect(unknown.body.errors?.[0]?.message).toMatch(/no issuer "did:web:nobody\.example" in the registry/);
    // The self-made key became a PENDING entry when its badge was added: no push key until an admin approves it.
    const pending = await api.gql(CREATE, { i: selfMade.did, l: 'x' }, admin);
    expect(pending.body.errors?.[0]?.message).toMatch(/is PENDING; approve it before giving it a key/);
  });

  it("pushes the issuer's own credentials in bulk (JSON array and NDJSON) with a result per item", async () => {
    const carol = await badge(board, 'carol@example.net', { id: 'urn:uuid:carol-forklift' });
    const dan = await badge(board, 'dan@example.net', { id: 'urn:uuid:dan-forklift' });
    const response = await push(boardKey, JSON.stringify([carol.jwt, '{"broken":', dan.jwt]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { added: number; results: Result[] };
    expect(body.results.map((r) => [r.source, r.outcome])).toEqual([
      ['[0]', 'ADDED'],
      ['[1]', 'REFUSED'],
      ['[2]', 'ADDED'],
    ]);
    expect((await storedOf('carol@example.net')).map((c) => c.issuerRecognition.status)).toEqual(['RECOGNIZED']);
    const erin = await badge(board, 'erin@example.net', { id: 'urn:uuid:erin-forklift' });
    const ndjson = await push(boardKey, `${erin.jwt}\n${JSON.stringify(carol.jwt)}\n`, 'application/x-ndjson');
    const lines = (await ndjson.json()) as { results: Result[] };
    expect(lines.results.map((r) => [r.source, r.outcome])).toEqual([
      ['line 1', 'ADDED'],
      ['line 2', 'ALREADY_ADDED'],
    ]);
  });

  it('refuses a pushed presentation whose holder proof fails (BAD_PRESENTATION_SIGNATURE), as an upload; a signed one is read', async () => {
    const gina = await badge(board, 'gina@example.net', { id: 'urn:uuid:gina-forklift' });
    const hal = await badge(board, 'hal@example.net', { id: 'urn:uuid:hal-forklift' });
    const impostor = await generateIssuerKey(new Uint8Array(32).fill(44));
    // Signed by the impostor's key while naming the board's: each credential in it is authentic, the presentation is not.
    const forged = await signVpJwt(impostor, { vp: presentationOf(board.did, [gina.jwt]) }, board.keyId);
    const signed = await signVpJwt(board, { vp: presentationOf(board.did, [hal.jwt]) });
    const response = await push(boardKey, JSON.stringify([forged, signed]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: Result[] };
    expect(body.results.map((r) => [r.source, r.outcome, r.reasons])).toEqual([
      ['[0]', 'REFUSED', ['BAD_PRESENTATION_SIGNATURE']],
      ['[1]#1', 'ADDED', []],
    ]);
    expect(body.results[0]!.message).toMatch(/BAD_PRESENTATION_SIGNATURE/);
    expect(await runtime.store.credentialsByKey([`${board.did} urn:uuid:gina-forklift`])).toEqual([]);
    expect(await runtime.store.credentialsByKey([`${board.did} urn:uuid:hal-forklift`])).toHaveLength(1);
  });

  it("refuses another issuer's credentials, self-signed copies, bad and revoked keys", async () => {
    const boards = await badge(board, 'frank@example.net', { id: 'urn:uuid:frank-forklift' });
    const fake = await badge(selfMade, 'frank@example.net', { id: 'urn:uuid:frank-fake', issuerName: COLLEGE });
    const claimed = await signOb3Jwt(ob3Credential(college.did, { id: 'urn:uuid:claims-college' }, 'frank@example.net'), selfMade);
    const response = await push(collegeKey, JSON.stringify([boards.jwt, fake.jwt, claimed]));
    const body = (await response.json()) as { results: Result[] };
    expect(body.results.map((r) => r.outcome)).toEqual(['REFUSED', 'REFUSED', 'REFUSED']);
    expect(body.results[0]!.reasons).toContain('NOT_ISSUED_BY_KEY_OWNER');
    expect(body.results[0]!.message).toMatch(new RegExp(`not prove this credential was issued by ${COLLEGE}`));
    expect(
      await runtime.store.credentialsByKey([
        `${board.did} urn:uuid:frank-forklift`,
        `${selfMade.did} urn:uuid:frank-fake`,
        `${college.did} urn:uuid:claims-college`,
      ]),
    ).toEqual([]);

    for (const key of [undefined, 'tdk_nope', `${boardKey.slice(0, -4)}AAAA`]) {
      const refused = await push(key, JSON.stringify([boards.jwt]));
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/missing, unknown or revoked/);
    }
    const keyId = boardKey.split('_')[1]!;
    const revoked = await api.gql<{ revokeIssuerApiKey: { revokedAt: string } }>(
      'mutation($id: ID!) { revokeIssuerApiKey(id: $id) { revokedAt } }',
      { id: keyId },
      admin,
    );
    expect(revoked.body.data!.revokeIssuerApiKey.revokedAt).toBeTruthy();
    expect((await push(boardKey, JSON.stringify([boards.jwt]))).status).toBe(401);
  });

  it('enforces the item count limit', async () => {
    const response = await push(collegeKey, JSON.stringify(Array.from({ length: 501 }, () => 'x')));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /At most 500 credentials per request \(501 sent\)/,
    );
  });
});
