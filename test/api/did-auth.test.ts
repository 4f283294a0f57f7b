/**
 * Earners prove control of a DID (DID Auth) and add badges issued to it; a
 * presentation's holder proof is verified. Real API over HTTP, the real
 * indexer verifier and intake, real Ed25519 keys and signatures made with
 * Digital Bazaar's `vc` / jsonld-signatures (as wallets sign) and jose, the
 * real engine. Each refusal is performed against the API.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidAuthentication } from '../../indexer/did-auth/did-auth.ts';
import { createCredentialIntake } from '../../indexer/intake/intake.ts';
import type { IndexerRuntime } from '../../indexer/runtime/runtime.ts';
import { createPinnedLoader } from '../../indexer/verify/document-loader.ts';
import { aliasName } from '../../mappings/indices.ts';
import {
  bindIssuerKey,
  generateIssuerKey,
  publicKeyDocument,
  signOb3DataIntegrity,
  signOb3Jwt,
  type IssuerKey,
} from '../../scripts/demo/signing/sign.ts';
import { claimEarner, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { ob2HostedDocuments, ob3Credential } from '../support/credential-builders.ts';
import { uniquePrefix } from '../support/engine.ts';
import { intakeRuntime } from '../support/intake-runtime.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';
import { startIssuerServer, type IssuerServer } from '../support/issuer-server.ts';
import { presentationOf, signVpJwt } from '../support/vp-jwt.ts';

const DOMAIN = 'talent.test'; // the host of the test API's PUBLIC_URL
const WEB_DID = 'did:web:wallet.test:cy';

let api: AccountApi;
let runtime: IndexerRuntime;
let host: IssuerServer;
let issuer: IssuerKey;
let site: string;
let ada: string;
let bob: string;
let cy: string;
/** Added to the API's clock (to let a challenge expire without waiting). */
let skewMs = 0;

interface Challenge {
  challenge: string;
  domain: string;
  expiresAt: string;
}
interface Proof {
  outcome: string;
  code: string | null;
  message: string;
  identity: { did: string; method: string; keyId: string } | null;
}

async function challengeFor(token: string): Promise<Challenge> {
  const result = await api.gql<{ requestDidChallenge: Challenge }>(
    'mutation { requestDidChallenge { challenge domain expiresAt } }',
    {},
    token,
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.requestDidChallenge;
}

async function prove(token: string, presentation: unknown): Promise<Proof> {
  const text = typeof presentation === 'string' ? presentation : JSON.stringify(presentation);
  const result = await api.gql<{ proveDidControl: Proof }>(
    'mutation($p: String!) { proveDidControl(presentation: $p) { outcome code message identity { did method keyId } } }',
    { p: text },
    token,
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.proveDidControl;
}

async function myDids(token: string): Promise<string[]> {
  const result = await api.gql<{ myIdentities: { email: string; dids: { did: string }[] } }>(
    '{ myIdentities { email dids { did } } }',
    {},
    token,
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.myIdentities.dids.map((d) => d.did);
}

/** Signs a presentation as a wallet does (Digital Bazaar `vc.signPresentation`), purpose authentication by default. */
async function signVp(
  key: IssuerKey,
  { challenge, domain }: { challenge: string; domain: string },
  options: {
    suite?: 'eddsa-rdfc-2022' | 'Ed25519Signature2020';
    purpose?: 'assertionMethod';
    holder?: string;
    credentials?: unknown[];
  } = {},
): Promise<Record<string, unknown>> {
  const signer = key.keyPair.signer();
  const suite =
    options.suite === 'Ed25519Signature2020'
      ? new Ed25519Signature2020({ signer })
      : new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022 });
  const loader = createPinnedLoader(new Map([[key.keyId, publicKeyDocument(key)]]));
  const vp = presentationOf(options.holder ?? key.did, options.credentials);
  if (options.purpose === 'assertionMethod')
    return jsigs.sign(vp, { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: loader.load });
  return vc.signPresentation({ presentation: vp, suite, challenge, domain, documentLoader: loader.load });
}

const ADD = `mutation($input: AddMyCredentialsInput!) { addMyCredentials(input: $input) {
  results { source outcome status reasons message badgeName } } }`;
interface AddResult {
  source: string;
  outcome: string;
  status: string | null;
  reasons: string[];
  message: string;
  badgeName: string | null;
}
async function add(token: string, input: { files?: { name: string; contentBase64: string }[]; urls?: string[] }): Promise<AddResult[]> {
  const result = await api.gql<{ addMyCredentials: { results: AddResult[] } }>(ADD, { input }, token);
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.addMyCredentials.results;
}
const file = (name: string, content: string) => ({ name, contentBase64: Buffer.from(content).toString('base64') });

/** An OB 3.0 credential of the board's, to `email` when given. */
const boardCredential = (id: string, email?: string) =>
  ob3Credential(issuer.did, { id, issuer: { id: issuer.did, type: ['Profile'], name: 'Board' } }, ...(email ? [email] : []));

/** An OB 3.0 Data Integrity credential of the board's to `email`. */
const signedBoardCredential = (id: string, email: string) => signOb3DataIntegrity(boardCredential(id, email), issuer);

/** An OB 3.0 VC-JWT whose credentialSubject.id is `did` (no email identifier). */
async function badgeToDid(did: string, id: string, name: string): Promise<string> {
  const credential = boardCredential(id) as {
    credentialSubject: Record<string, unknown> & { achievement: Record<string, unknown> };
  };
  delete credential.credentialSubject.identifier;
  credential.credentialSubject.id = did;
  credential.credentialSubject.achievement = { ...credential.credentialSubject.achievement, id: `https://board.example/a/${id}`, name };
  return signOb3Jwt(credential as unknown as Record<string, unknown>, issuer);
}

// Keys are fixed seeds: real Ed25519 keys, reproducible runs.
const keyOf = (n: number) => generateIssuerKey(new Uint8Array(32).fill(n));

beforeAll(async () => {
  const prefix = uniquePrefix('didauth');
  host = await startIssuerServer();
  // did:web needs https: the DID documents of `wallet.test` are served through the indexer's --resolve mapping.
  site = mkdtempSync(path.join(tmpdir(), 'did-web-'));
  runtime = await intakeRuntime(prefix, {
    INDEXER_ALLOW_HOSTS: new URL(host.origin).host,
    INDEXER_RESOLVE: `https://wallet.test/=${site}`,
  });
  api = await startAccountApi(
    'didauth',
    { INDEX_PREFIX: prefix },
    {
      intake: createCredentialIntake(runtime),
      didAuth: createDidAuthentication(runtime),
      now: () => new Date(Date.now() + skewMs),
    },
  );
  issuer = await keyOf(61);
  await recognizeIssuer(runtime.store, registryEntry(issuer.did, 'Board'));
  await seedEarners(api.client, api.prefix, [
    { earnerId: 'e-ada', email: 'ada@example.net', name: 'Ada', badges: 1 },
    { earnerId: 'e-bob', email: 'bob@example.net', name: 'Bob', badges: 1 },
    { earnerId: 'e-cy', email: 'cy@example.net', name: 'Cy', badges: 1 },
  ]);
  [ada, bob, cy] = (await Promise.all(
    ['ada@example.net', 'bob@example.net', 'cy@example.net'].map((email) => claimEarner(api, email)),
  )) as [string, string, string];
}, 120_000);

afterAll(async () => {
  await api?.cleanup();
  await runtime?.close();
  await host?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('proving control of a DID', () => {
  it('links a did:key (eddsa-rdfc-2022 presentation), lists it, and adds badges issued to it; others stay RECIPIENT_MISMATCH', async () => {
    const wallet = await keyOf(71);
    const stranger = await keyOf(72);
    const toWallet = await badgeToDid(wallet.did, 'urn:uuid:to-wallet', 'Wallet Badge');
    const toStranger = await badgeToDid(stranger.did, 'urn:uuid:to-stranger', 'Stranger Badge');
    // Before linking, a badge issued to the DID is refused, and the message says how to link it.
    const before = await add(ada, { files: [file('wallet.jwt', toWallet)] });
    expect(before[0]).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    expect(before[0]!.message).toMatch(/issued to a DID .* not linked to your profile.*link it first under "Link a DID"/);

    const challenge = await challengeFor(ada);
    expect(challenge.domain).toBe(DOMAIN);
    expect(challenge.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(challenge.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    const proof = await prove(ada, await signVp(wallet, challenge));
    expect(proof).toMatchObject({ outcome: 'LINKED', code: null, identity: { did: wallet.did, method: 'did:key', keyId: wallet.keyId } });
    expect(await myDids(ada)).toEqual([wallet.did]);
    // It is part of the earner's data export.
    const exported = await api.gql<{ exportMyData: string }>('{ exportMyData }', {}, ada);
    expect(JSON.parse(exported.body.data!.exportMyData).linkedDids).toEqual([
      expect.objectContaining({ did: wallet.did, method: 'did:key' }),
    ]);
    // The challenge is stored hashed only.
    const stored = await api.client.search({ index: aliasName(api.prefix, 'did-challenges'), size: 20 });
    expect(JSON.stringify(stored.hits.hits)).not.toContain(challenge.challenge);

    const results = await add(ada, { files: [file('wallet.jwt', toWallet), file('stranger.jwt', toStranger)] });
    expect(results[0]).toMatchObject({ outcome: 'ADDED', status: 'VERIFIED', badgeName: 'Wallet Badge' });
    expect(results[1]).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });
    expect(results[1]!.message).toMatch(/not linked to your profile/);
    const [credential] = await runtime.store.credentialsByKey([`${issuer.did} urn:uuid:to-wallet`]);
    expect(credential?.earnerId).toBe('e-ada');
    // Bob, who did not prove it, cannot add it.
    expect((await add(bob, { files: [file('wallet.jwt', toWallet)] }))[0]).toMatchObject({ reasons: ['RECIPIENT_MISMATCH'] });

    // Proving it again answers ALREADY_LINKED.
    const again = await prove(ada, await signVp(wallet, await challengeFor(ada), { suite: 'Ed25519Signature2020' }));
    expect(again).toMatchObject({ outcome: 'ALREADY_LINKED' });
  });

  it('adds an OB 2.0 hosted assertion whose recipient is a proven DID (recipient type "id")', async () => {
    const docs = ob2HostedDocuments(host.origin);
    const [did] = await myDids(ada);
    host.serve('/assertions/1', { ...docs.assertion, recipient: { type: 'id', hashed: false, identity: did } });
    host.serve('/badges/1', docs.badge);
    host.serve('/issuer', docs.issuer);
    const [mine] = await add(ada, { urls: [`${host.origin}/assertions/1`] });
    expect(mine).toMatchObject({ outcome: 'ADDED', status: 'VERIFIED', badgeName: 'Local Badge' });
  });

  it('links a did:web (Ed25519Signature2020) by a key of its authentication relationship, and refuses its assertion-only key', async () => {
    const authKey = await bindIssuerKey(await keyOf(81), WEB_DID, `${WEB_DID}#key-1`);
    const assertKey = await bindIssuerKey(await keyOf(82), WEB_DID, `${WEB_DID}#key-2`);
    mkdirSync(path.join(site, 'cy'), { recursive: true });
    writeFileSync(
      path.join(site, 'cy', 'did.json'),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: WEB_DID,
        verificationMethod: [publicKeyDocument(authKey), publicKeyDocument(assertKey)],
        authentication: ['#key-1'],
        assertionMethod: [`${WEB_DID}#key-2`],
      }),
    );
    const refused = await prove(cy, await signVp(assertKey, await challengeFor(cy)));
    expect(refused).toMatchObject({ outcome: 'REFUSED', code: 'KEY_NOT_AUTHORIZED' });
    expect(refused.message).toMatch(
      /not one of the DID's authentication keys.*does not list did:web:wallet\.test:cy#key-2 under authentication/,
    );
    const linked = await prove(cy, await signVp(authKey, await challengeFor(cy), { suite: 'Ed25519Signature2020' }));
    expect(linked).toMatchObject({ outcome: 'LINKED', identity: { did: WEB_DID, method: 'did:web', keyId: `${WEB_DID}#key-1` } });
    expect(await myDids(cy)).toEqual([WEB_DID]);
  });

  it('links a did:key by a VP-JWT whose nonce and aud are the challenge and domain', async () => {
    const wallet = await keyOf(91);
    const challenge = await challengeFor(bob);
    const wrongAud = await prove(bob, await signVpJwt(wallet, { nonce: challenge.challenge, aud: 'evil.example', iss: wallet.did }));
    expect(wrongAud).toMatchObject({ outcome: 'REFUSED', code: 'WRONG_DOMAIN' });
    const next = await challengeFor(bob);
    const linked = await prove(bob, await signVpJwt(wallet, { nonce: next.challenge, aud: DOMAIN, iss: wallet.did }));
    expect(linked).toMatchObject({ outcome: 'LINKED', identity: { did: wallet.did } });
    // Removable: gone from the list, and badges to it are refused again.
    const removed = await api.gql<{ removeMyDid: boolean }>('mutation($d: String!) { removeMyDid(did: $d) }', { d: wallet.did }, bob);
    expect(removed.body.data!.removeMyDid).toBe(true);
    expect(await myDids(bob)).toEqual([]);
    const toIt = await badgeToDid(wallet.did, 'urn:uuid:after-removal', 'After Removal');
    expect((await add(bob, { files: [file('a.jwt', toIt)] }))[0]).toMatchObject({ reasons: ['RECIPIENT_MISMATCH'] });
  });

  it('refuses replays, expired, foreign and unknown challenges, wrong domains and purposes, foreign holders and tampering', async () => {
    const wallet = await keyOf(101);
    const other = await keyOf(102);
    const codeOf = async (token: string, vp: unknown) => {
      const result = await prove(token, vp);
      expect(result.outcome).toBe('REFUSED');
      expect(result.identity).toBeNull();
      return [result.code, result.message];
    };

    // Replay: a used challenge (even a correctly signed answer to it) works once.
    const used = await challengeFor(bob);
    const first = await signVp(wallet, used);
    expect((await prove(bob, first)).outcome).toBe('LINKED');
    expect(await codeOf(bob, first)).toEqual(['CHALLENGE_USED', expect.stringMatching(/used already; each works once/)]);

    // Another account's challenge.
    const adas = await challengeFor(ada);
    expect(await codeOf(bob, await signVp(other, adas))).toEqual(['CHALLENGE_NOT_YOURS', expect.stringMatching(/another account/)]);
    // Ada's own challenge was not used up by Bob's attempt.
    expect((await prove(ada, await signVp(other, adas))).outcome).toBe('LINKED');

    // Expired: the API's clock moves past the 5 minutes.
    const late = await challengeFor(bob);
    skewMs = 6 * 60_000;
    try {
      expect((await codeOf(bob, await signVp(other, late)))[0]).toBe('CHALLENGE_EXPIRED');
    } finally {
      skewMs = 0;
    }
    // Never issued.
    expect((await codeOf(bob, await signVp(other, { challenge: 'made-up-challenge', domain: DOMAIN })))[0]).toBe('CHALLENGE_UNKNOWN');

    const third = await keyOf(103);
    // Wrong domain.
    const domain = await challengeFor(bob);
    const [wrongDomain, domainMessage] = await codeOf(bob, await signVp(third, { ...domain, domain: 'evil.example' }));
    expect(wrongDomain).toBe('WRONG_DOMAIN');
    expect(domainMessage).toMatch(/signed for another site.*"evil\.example".*"talent\.test"/);
    // assertionMethod instead of authentication (the challenge rides along in the proof).
    const purpose = await challengeFor(bob);
    const asAssertion = await signVp(third, purpose, { purpose: 'assertionMethod' });
    (asAssertion.proof as Record<string, unknown>).challenge = purpose.challenge;
    const [wrongPurpose, purposeMessage] = await codeOf(bob, asAssertion);
    expect(wrongPurpose).toBe('WRONG_PROOF_PURPOSE');
    expect(purposeMessage).toMatch(/proofPurpose "authentication"/);
    // A holder other than the signer's DID.
    expect((await codeOf(bob, await signVp(third, await challengeFor(bob), { holder: other.did })))[0]).toBe('HOLDER_MISMATCH');
    // Tampered after signing: the holder swapped for another DID the attacker wants.
    const tampered = await signVp(third, await challengeFor(bob));
    tampered.holder = third.did;
    tampered.id = 'urn:uuid:changed-after-signing';
    const [bad, badMessage] = await codeOf(bob, tampered);
    expect(bad).toBe('BAD_PRESENTATION_SIGNATURE');
    expect(badMessage).toMatch(/changed after signing, or forged/);
    // A JWT signed by one key while naming another DID's key.
    const forgedJwt = await signVpJwt(third, { nonce: (await challengeFor(bob)).challenge, aud: DOMAIN }, other.keyId);
    expect((await codeOf(bob, forgedJwt))[0]).toBe('BAD_PRESENTATION_SIGNATURE');
    // Unsupported DID methods and plain junk.
    const ion = await signVp(third, await challengeFor(bob));
    (ion.proof as Record<string, unknown>).verificationMethod = 'did:ion:abc#key-1';
    expect(await codeOf(bob, ion)).toEqual(['UNSUPPORTED_DID_METHOD', expect.stringMatching(/did:key, did:jwk and did:web are/)]);
    expect((await codeOf(bob, 'not a presentation'))[0]).toBe('CHALLENGE_MISMATCH');
    // A did:web on a private address (the engine's port here) is never fetched: the safe fetch refuses it.
    const engineDid = 'did:web:127.0.0.1%3A9200';
    const onEngine = await bindIssuerKey(third, engineDid, `${engineDid}#key-1`);
    const [unresolvable, unresolvableMessage] = await codeOf(bob, await signVp(onEngine, await challengeFor(bob)));
    expect(unresolvable).toBe('DID_UNRESOLVABLE');
    expect(unresolvableMessage).toMatch(/could not be found.*could not be fetched: .*unreachable/);

    // None of the refused DIDs was linked.
    expect(await myDids(bob)).toEqual([wallet.did]);
    expect(await myDids(ada)).toEqual(expect.arrayContaining([other.did]));
    const links = await api.client.count({ index: aliasName(api.prefix, 'earner-dids'), query: { term: { did: third.did } } });
    expect(links.count).toBe(0);
    // Callers who are not earners.
    const anonymous = await api.gql('mutation { requestDidChallenge { challenge } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('20 concurrent answers to one challenge: exactly one links', async () => {
    const wallet = await keyOf(111);
    const vp = await signVp(wallet, await challengeFor(cy));
    const results = await Promise.all(Array.from({ length: 20 }, () => prove(cy, vp)));
    expect(results.filter((r) => r.outcome === 'LINKED')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CHALLENGE_USED')).toHaveLength(19);
  });

  it('two earners racing to link one DID: exactly one owns it, and it is never moved', async () => {
    const shared = await keyOf(121);
    const [forAda, forBob] = await Promise.all([challengeFor(ada), challengeFor(bob)]);
    const [vpAda, vpBob] = await Promise.all([signVp(shared, forAda), signVp(shared, forBob)]);
    const results = await Promise.all([prove(ada, vpAda), prove(bob, vpBob)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['LINKED', 'REFUSED']);
    const loser = results.find((r) => r.outcome === 'REFUSED')!;
    expect(loser.code).toBe('DID_HELD_BY_ANOTHER_EARNER');
    const [winnerToken, loserToken] = results[0]!.outcome === 'LINKED' ? [ada, bob] : [bob, ada];
    // The loser proving it again later is still refused, and a removal by the loser does nothing.
    expect((await prove(loserToken, await signVp(shared, await challengeFor(loserToken)))).code).toBe('DID_HELD_BY_ANOTHER_EARNER');
    const removed = await api.gql<{ removeMyDid: boolean }>(
      'mutation($d: String!) { removeMyDid(did: $d) }',
      { d: shared.did },
      loserToken,
    );
    expect(removed.body.data!.removeMyDid).toBe(false);
    expect(await myDids(winnerToken)).toContain(shared.did);
    expect(await myDids(loserToken)).not.toContain(shared.did);
  });

  it('holds at most 5 unanswered challenges per account', async () => {
    const dan = await challengeFor(cy);
    await Promise.all(Array.from({ length: 4 }, () => challengeFor(cy)));
    const sixth = await api.gql('mutation { requestDidChallenge { challenge } }', {}, cy);
    expect(sixth.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(sixth.body.errors?.[0]?.message).toMatch(/limit of 5 open DID challenges/);
    // Answering one frees a place.
    expect((await prove(cy, await signVp(await keyOf(141), dan))).outcome).toBe('LINKED');
    expect((await challengeFor(cy)).challenge).toBeTruthy();
  });
});

describe("a presentation's holder proof (addMyCredentials)", () => {
  it('adds the credentials of a correctly signed presentation, and refuses a tampered or forged one as a whole', async () => {
    const holder = await keyOf(131);
    // JSON-LD credentials inside a JSON-LD presentation, as wallets such as the LCW present them.
    const mine = await signedBoardCredential('urn:uuid:in-signed-vp', 'ada@example.net');
    const signed = await signVp(holder, { challenge: 'wallet-export', domain: 'anywhere.example' }, { credentials: [mine] });
    const [ok] = await add(ada, { files: [file('signed-vp.json', JSON.stringify(signed))] });
    expect(ok).toMatchObject({ source: 'signed-vp.json#1', outcome: 'ADDED', status: 'VERIFIED' });

    // The same presentation with a credential slipped in after signing.
    const other = await signedBoardCredential('urn:uuid:slipped-in', 'ada@example.net');
    const tampered = { ...signed, verifiableCredential: [mine, other] };
    const refused = await add(ada, { files: [file('tampered-vp.json', JSON.stringify(tampered))] });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ source: 'tampered-vp.json', outcome: 'REFUSED', reasons: ['BAD_PRESENTATION_SIGNATURE'] });
    expect(refused[0]!.message).toMatch(/holder's signature does not verify.*BAD_PRESENTATION_SIGNATURE/);
    expect(await runtime.store.credentialsByKey([`${issuer.did} urn:uuid:slipped-in`])).toEqual([]);

    // A VP-JWT whose signature is not by the key it names; and one by an assertion key (allowed for a holder).
    const impostor = await keyOf(132);
    const forged = await signVpJwt(impostor, { vp: presentationOf(holder.did, [other]) }, holder.keyId);
    expect((await add(ada, { files: [file('forged.jwt', forged)] }))[0]).toMatchObject({ reasons: ['BAD_PRESENTATION_SIGNATURE'] });
    const byAssertion = await signVp(holder, { challenge: '', domain: '' }, { purpose: 'assertionMethod', credentials: [other] });
    expect((await add(ada, { files: [file('asserted-vp.json', JSON.stringify(byAssertion))] }))[0]).toMatchObject({ outcome: 'ADDED' });
  });
});
