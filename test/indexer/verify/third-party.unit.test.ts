/**
 * Credentials written by other projects (see the README of each folder under
 * test/fixtures/ for source, licence and where each expectation comes from),
 * resolved offline. Formats with no third-party sample found are signed here
 * with an independent library (jose) and a published test key (RFC 7515
 * Appendix A.3), never with this project's signer.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { SDJwtInstance } from '@sd-jwt/core';
import path from 'node:path';
import { CompactSign, base64url, exportJWK, generateKeyPair, importJWK } from 'jose';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCredential } from '../../../indexer/ingest/prepare.ts';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import type { ReasonCode, VerificationMethod, VerificationStatus } from '../../../indexer/verify/types.ts';
import { repoRoot } from '../../support/credential-fixtures.ts';
import { startIssuerServer, type IssuerServer } from '../../support/issuer-server.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const NOW = new Date('2026-01-01T00:00:00Z');
const resolver = () =>
  createResolver({
    allowNetwork: false,
    mappings: [
      {
        prefix: 'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/',
        target: path.join(fixtures, 'dcc', 'status') + '/',
      },
      {
        prefix: 'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/',
        target: path.join(fixtures, 'dcc', 'statusLists') + '/',
      },
    ],
  });
const read = async (source: string, bytes: Uint8Array) => readCredentials({ source, bytes }, { resolver: resolver(), now: NOW });
const readFile = async (relative: string) => read(relative, readFileSync(path.join(fixtures, relative)));

interface Case {
  file: string;
  status: VerificationStatus;
  reasons: ReasonCode[];
  method: VerificationMethod;
}

/** Exactly the tables of the READMEs in test/fixtures/dcc, w3c-ccg-vc-ed and w3c-vc-di-eddsa. */
const cases: Case[] = [
  { file: 'dcc/v1-revoked.json', status: 'FAILED', reasons: ['REVOKED'], method: 'ob3-ed25519-signature-2020' },
  { file: 'dcc/v1-valid-status.json', status: 'VERIFIED', reasons: [], method: 'ob3-ed25519-signature-2020' },
  { file: 'dcc/v2-both-proofs.json', status: 'VERIFIED', reasons: [], method: 'ob3-eddsa-rdfc-2022' },
  { file: 'dcc/v2-not-a-badge.json', status: 'VERIFIED', reasons: ['NOT_A_BADGE'], method: 'ob3-eddsa-rdfc-2022' },
  { file: 'dcc/v2-tampered.json', status: 'FAILED', reasons: ['BAD_SIGNATURE'], method: 'ob3-ed25519-signature-2020' },
  {
    file: 'dcc/v2-tampered-status.json',
    status: 'UNVERIFIED',
    reasons: ['NOT_A_BADGE', 'STATUS_UNREACHABLE'],
    method: 'ob3-ed25519-signature-2020',
  },
  {
    file: 'dcc/v2-expired-status.json',
    status: 'UNVERIFIED',
    reasons: ['NOT_A_BADGE', 'STATUS_UNREACHABLE'],
    method: 'ob3-ed25519-signature-2020',
  },
  { file: 'w3c-ccg-vc-ed/plugfest-1-ex-1.json', status: 'VERIFIED', reasons: [], method: 'ob3-ed25519-signature-2018' },
  {
    file: 'w3c-vc-di-eddsa/eddsa-rdfc-2022-signedDataInt.json',
    status: 'VERIFIED',
    reasons: ['NOT_A_BADGE'],
    method: 'ob3-eddsa-rdfc-2022',
  },
];

describe('third-party credentials verify as their sources state', { timeout: 60_000 }, () => {
  for (const c of cases) {
    it(`${c.file}: ${c.status}${c.reasons.length ? ` (${c.reasons.join(', ')})` : ''}`, async () => {
      const [credential, ...rest] = await readFile(c.file);
      expect(rest).toHaveLength(0);
      expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
        status: c.status,
        reasons: c.reasons,
        method: c.method,
      });
    });
  }

  it('the VC 1.1 credential using the status/v1 context is revoked for its status alone (no UNKNOWN_CONTEXT)', async () => {
    const [credential] = await readFile('dcc/v1-revoked.json');
    expect(credential?.verification.details).toEqual([
      'REVOKED: revoked: bit 6 of status list https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj is set',
    ]);
  });

  it('an Ed25519Signature2018 badge whose content was changed after signing is BAD_SIGNATURE', async () => {
    const doc = JSON.parse(readFileSync(path.join(fixtures, 'w3c-ccg-vc-ed/plugfest-1-ex-1.json'), 'utf8')) as {
      credentialSubject: { achievement: { name: string } };
    };
    doc.credentialSubject.achievement.name = 'Something else';
    const [credential] = await read('tampered.json', new TextEncoder().encode(JSON.stringify(doc)));
    expect(credential?.verification).toMatchObject({ status: 'FAILED', reasons: ['BAD_SIGNATURE'] });
  });

  it('a verifiable credential that is not a badge is not indexed: ingest rejects it with NOT_A_BADGE alone', async () => {
    const [credential] = await readFile('dcc/v2-not-a-badge.json');
    // the taxonomy is never consulted for a reject
    const prepared = prepareCredential(credential!, new Uint8Array(), null as unknown as Taxonomy, NOW);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.reject.reasons).toEqual(['NOT_A_BADGE']);
  });
});

/** RFC 7515 Appendix A.3: the published ES256 (P-256) example key. */
const RFC7515_A3 = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
};
const { d: _private, ...RFC7515_A3_PUBLIC } = RFC7515_A3;
const DID_JWK = `did:jwk:${base64url.encode(JSON.stringify(RFC7515_A3_PUBLIC))}`;

function badgePayload(issuer: string): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:7b5a4d0e-27c1-4d53-9d0e-0d5e0f0a0001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'RFC 7515 Example Issuer' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'ES256 badge',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.org/achievements/es256',
        type: ['Achievement'],
        name: 'ES256',
        criteria: { narrative: 'Signed with the RFC 7515 A.3 key.' },
      },
    },
  };
}

/** Issues an SD-JWT with Digital Credentials' independent library @sd-jwt/core, signed ES256 with the RFC 7515 A.3 key, kid did:jwk#0. */
async function issueSdJwt(payload: Record<string, unknown>, frame: Record<string, unknown>): Promise<string> {
  const privateKey = createPrivateKey({ key: RFC7515_A3, format: 'jwk' });
  const sdjwt = new SDJwtInstance({
    signer: (data: string) => sign('sha256', Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
    signAlg: 'ES256',
    hasher: (data: string | ArrayBuffer, alg: string) =>
      new Uint8Array(
        createHash(alg.replace('-', ''))
          .update(typeof data === 'string' ? data : Buffer.from(data))
          .digest(),
      ),
    hashAlg: 'sha-256',
    saltGenerator: () => randomBytes(16).toString('base64url'),
  });
  return sdjwt.issue(payload as never, frame as never, { header: { kid: `${DID_JWK}#0`, typ: 'dc+sd-jwt' } });
}

async function es256Jwt(payload: Record<string, unknown>, kid: string): Promise<string> {
  const key = await importJWK(RFC7515_A3, 'ES256');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid })
    .sign(key);
}

describe('VC-JWT and SD-JWT with ES256, signed by jose or @sd-jwt/core with the RFC 7515 A.3 test key', { timeout: 60_000 }, () => {
  it('did:jwk issuer: VERIFIED', async () => {
    const jwt = await es256Jwt({ ...badgePayload(DID_JWK), iss: DID_JWK }, `${DID_JWK}#0`);
    const [credential] = await read('es256-did-jwk.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: [],
      method: 'ob3-vc-jwt',
    });
  });

  it('did:key (P-256) issuer: VERIFIED; the same JWT against another P-256 did:key: FAILED', async () => {
    const keyPair = (await EcdsaMultikey.fromJwk({ jwk: RFC7515_A3_PUBLIC })) as { publicKeyMultibase: string };
    const did = `did:key:${keyPair.publicKeyMultibase}`;
    expect(did.startsWith('did:key:zDn')).toBe(true);
    const jwt = await es256Jwt({ ...badgePayload(did), iss: did }, `${did}#${keyPair.publicKeyMultibase}`);
    const [credential] = await read('es256-did-key.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: [],
      method: 'ob3-vc-jwt',
    });

    const other = (await EcdsaMultikey.generate({ curve: 'P-256' })) as { publicKeyMultibase: string };
    const otherDid = `did:key:${other.publicKeyMultibase}`;
    const forged = await es256Jwt({ ...badgePayload(otherDid), iss: otherDid }, `${otherDid}#${other.publicKeyMultibase}`);
    const [bad] = await read('forged.jwt', new TextEncoder().encode(forged));
    expect(bad?.verification).toMatchObject({ status: 'FAILED', reasons: ['BAD_SIGNATURE'] });
  });

  it('did:web issuer publishing the key as a JsonWebKey2020 (P-256 JWK) in its DID document: VERIFIED', async () => {
    const did = 'did:web:issuer.example';
    const folder = mkdtempSync(path.join(tmpdir(), 'did-web-'));
    mkdirSync(path.join(folder, '.well-known'));
    writeFileSync(
      path.join(folder, '.well-known', 'did.json'),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
        id: did,
        verificationMethod: [{ id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: RFC7515_A3_PUBLIC }],
        assertionMethod: [`${did}#key-1`],
      }),
    );
    const jwt = await es256Jwt({ ...badgePayload(did), iss: did }, `${did}#key-1`);
    const resolver = createResolver({ allowNetwork: false, mappings: [{ prefix: 'https://issuer.example/', target: folder + '/' }] });
    const [credential] = await readCredentials(
      { source: 'es256-did-web.jwt', bytes: new TextEncoder().encode(jwt) },
      { resolver, now: NOW },
    );
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: [],
      method: 'ob3-vc-jwt',
    });
  });

  it('ES384 (P-384, a key jose generates) with a did:jwk issuer: VERIFIED', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
    const did = `did:jwk:${base64url.encode(JSON.stringify(await exportJWK(publicKey)))}`;
    const payload = { ...badgePayload(did), iss: did };
    const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES384', kid: `${did}#0` })
      .sign(privateKey);
    const [credential] = await read('es384.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: [],
      method: 'ob3-vc-jwt',
    });
  });

  it('iss differing from issuer.id stays FAILED (OB 3.0: not valid), with that reason only', async () => {
    const jwt = await es256Jwt({ ...badgePayload(DID_JWK), iss: 'did:example:someone-else' }, `${DID_JWK}#0`);
    const [credential] = await read('iss-mismatch.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification.status).toBe('FAILED');
    expect(credential?.verification.reasons).toEqual(['MALFORMED']);
    expect(credential?.verification.details?.join(' ')).toContain('jwt.iss did:example:someone-else differs from credential.issuer');
  });

  it('an SD-JWT VC (vct, selectively disclosed claims) issued by @sd-jwt/core: the issuer JWS and every disclosure check out; not a badge', async () => {
    const sdJwt = await issueSdJwt(
      { iss: DID_JWK, vct: 'https://example.org/identity', given_name: 'Erika', family_name: 'Mustermann' },
      { _sd: ['given_name', 'family_name'] },
    );
    const [credential] = await read('credential.sd-jwt', new TextEncoder().encode(sdJwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: ['NOT_A_BADGE'],
      method: 'sd-jwt-vc',
    });
    expect(credential?.verification.details?.join(' ')).toContain('2 disclosure(s) matched');
  });

  it('an SD-JWT carrying an Open Badge whose achievement name is disclosed: VERIFIED, read with the disclosed name', async () => {
    const payload = { iss: DID_JWK, vct: 'OpenBadgeCredential', vc: badgePayload(DID_JWK) };
    const sdJwt = await issueSdJwt(payload, { vc: { credentialSubject: { achievement: { _sd: ['name'] } } } } as never);
    expect(sdJwt.split('~').length).toBeGreaterThan(2);
    const [credential] = await read('badge.sd-jwt', new TextEncoder().encode(sdJwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: [],
      method: 'sd-jwt-vc',
    });
    expect(credential?.achievement.name).toBe('ES256');
    expect(credential?.issuer.id).toBe(DID_JWK);
  });

  it('an SD-JWT whose issuer-signed part was altered, or that carries a disclosure the issuer never signed, is BAD_SIGNATURE (RFC 9901)', async () => {
    const sdJwt = await issueSdJwt({ iss: DID_JWK, vct: 'https://example.org/identity', given_name: 'Erika' }, { _sd: ['given_name'] });
    const [jws, ...rest] = sdJwt.split('~');
    const [h, p, sig] = jws!.split('.');
    const altered = {
      ...(JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>),
      vct: 'https://example.org/other',
    };
    const forgedJws = [h, Buffer.from(JSON.stringify(altered)).toString('base64url'), sig].join('.');
    const [bad] = await read('altered.sd-jwt', new TextEncoder().encode([forgedJws, ...rest].join('~')));
    expect(bad?.verification.status).toBe('FAILED');
    expect(bad?.verification.reasons).toContain('BAD_SIGNATURE');

    const forged = Buffer.from(JSON.stringify(['salt', 'family_name', 'Mallory'])).toString('base64url');
    const [c] = await read('forged.sd-jwt', new TextEncoder().encode(`${jws}~${forged}~`));
    expect(c?.verification).toMatchObject({ status: 'FAILED', reasons: ['BAD_SIGNATURE', 'NOT_A_BADGE'] });
    expect(c?.verification.details?.join(' ')).toContain('1 disclosure(s) match no digest the issuer signed');
  });
});

/** 1EdTech openbadges-validator-core test components (Apache-2.0, test/fixtures/openbadges-validator-core/README.md). */
const OB1 = path.join(fixtures, 'openbadges-validator-core');
const ob1Resolver = () =>
  createResolver({
    allowNetwork: false,
    mappings: [
      { prefix: 'http://a.com/instance3', target: path.join(OB1, '1_0_basic_assertion_with_extra_properties.json') },
      { prefix: 'http://a.com/instance', target: path.join(OB1, '1_0_basic_assertion.json') },
      { prefix: 'http://a.com/badgeclass', target: path.join(OB1, '1_0_basic_badgeclass.json') },
      { prefix: 'http://a.com/issuer', target: path.join(OB1, '1_0_basic_issuer.json') },
    ],
  });
const readOb1 = async (source: string, bytes: Uint8Array) =>
  readCredentials({ source, bytes }, { resolver: ob1Resolver(), now: NOW, recipient: 'test@example.com' });

/** A PNG with `text` baked in a legacy `tEXt` chunk with keyword "openbadges" (as OB 1.0 bakeries wrote it), before IEND. */
function bakeTextChunk(png: Uint8Array, text: string): Uint8Array {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const data = Buffer.concat([Buffer.from('openbadges\0', 'latin1'), Buffer.from(text, 'latin1')]);
  const typeAndData = Buffer.concat([Buffer.from('tEXt', 'latin1'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc(typeAndData), 8 + data.length);
  const bytes = Buffer.from(png);
  const iend = bytes.lastIndexOf(Buffer.from('IEND', 'latin1')) - 4;
  return Buffer.concat([bytes.subarray(0, iend), chunk, bytes.subarray(iend)]);
}

describe('Open Badges 1.0 hosted assertions, verified as hosted', { timeout: 60_000 }, () => {
  it("the validator-core 1.0 assertion (with an extra property) verifies, as the validator's full 1.0 test expects", async () => {
    const [c] = await readOb1(
      '1_0_basic_assertion_with_extra_properties.json',
      readFileSync(path.join(OB1, '1_0_basic_assertion_with_extra_properties.json')),
    );
    expect(c?.verification, JSON.stringify(c?.verification.details)).toMatchObject({
      status: 'VERIFIED',
      reasons: [],
      method: 'ob1-hosted',
    });
    expect(c).toMatchObject({
      format: 'ob1-hosted',
      id: 'http://a.com/instance3',
      issuer: { id: 'http://a.com/issuer', name: 'Basic Issuer' },
      achievement: { name: 'Basic Badge', criteria: 'http://a.com/badgeclass_criteria' },
      recipient: { type: 'email', identity: 'test@example.com' },
    });
    expect(new Date(c!.issuedOn).toISOString()).toBe('2015-04-30T00:00:00.000Z');
  });

  it('the validator-core "1_0_assertion_with_errors" (recipient as a bare string) is MALFORMED', async () => {
    const [c] = await readOb1('errors.json', readFileSync(path.join(OB1, '1_0_assertion_with_errors.json')));
    expect(c?.verification).toMatchObject({ status: 'FAILED', reasons: ['MALFORMED'] });
  });

  it('a local copy that differs from the hosted one is HOSTED_MISMATCH', async () => {
    const local = JSON.parse(readFileSync(path.join(OB1, '1_0_basic_assertion.json'), 'utf8')) as Record<string, unknown>;
    const [c] = await readOb1('tampered.json', new TextEncoder().encode(JSON.stringify({ ...local, issuedOn: '2010-01-01' })));
    expect(c?.verification).toMatchObject({ status: 'FAILED', reasons: ['HOSTED_MISMATCH'] });
  });

  it('a PNG with the assertion URL baked in (tEXt "openbadges") is verified as hosted', async () => {
    // a 1x1 transparent PNG with nothing baked in yet
    const blank = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const png = bakeTextChunk(blank, 'http://a.com/instance3');
    const [c] = await readOb1('baked.png', png);
    expect(c?.verification, JSON.stringify(c?.verification.details)).toMatchObject({ status: 'VERIFIED', method: 'ob1-hosted' });
  });
});

describe('Open Badges 1.0 revocation over HTTP', { timeout: 30_000 }, () => {
  let server: IssuerServer;
  beforeAll(async () => {
    server = await startIssuerServer();
  });
  afterAll(async () => server.close());

  const ob1 = (origin: string, uid: string) => ({
    uid,
    recipient: { identity: 'test@example.com', hashed: false, type: 'email' },
    badge: `${origin}/badgeclass`,
    issuedOn: 1430352000,
    verify: { type: 'hosted', url: `${origin}/assertions/${uid}` },
  });

  it('410 Gone is REVOKED (OB 1.0), a uid in the issuer revocation list is REVOKED with its reason, and a 503 is UNVERIFIED', async () => {
    const o = server.origin;
    server.serve('/badgeclass', {
      name: 'HTTP Badge',
      description: 'd',
      image: `${o}/i.png`,
      criteria: `${o}/criteria`,
      issuer: `${o}/issuer`,
    });
    server.serve('/issuer', { name: 'HTTP Issuer', url: o, revocationList: `${o}/revoked.json` });
    server.serve('/revoked.json', { listed: 'Awarded by mistake' });
    const read1 = async (doc: unknown) =>
      (
        await readCredentials(
          { source: 'a.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
          { resolver: createResolver({ cacheTtlMs: 0, allowHosts: [new URL(server.origin).host] }) },
        )
      )[0]!;

    const fine = ob1(o, 'fine');
    server.serve('/assertions/fine', fine);
    expect((await read1(fine)).verification).toMatchObject({ status: 'VERIFIED', method: 'ob1-hosted' });

    const gone = ob1(o, 'gone');
    server.serve('/assertions/gone', '', 410);
    expect((await read1(gone)).verification).toMatchObject({ status: 'FAILED', reasons: ['REVOKED'] });

    const listed = ob1(o, 'listed');
    server.serve('/assertions/listed', listed);
    const l = await read1(listed);
    expect(l.verification).toMatchObject({ status: 'FAILED', reasons: ['REVOKED'] });
    expect(l.verification.details?.[0]).toContain('Awarded by mistake');

    const down = ob1(o, 'down');
    server.serve('/assertions/down', 'busy', 503);
    expect((await read1(down)).verification).toMatchObject({ status: 'UNVERIFIED', reasons: ['ISSUER_UNREACHABLE'] });
  });
});
