/**
 * Credentials signed here with freshly generated keys (no crypto mocked):
 * each verifies, and tampering, revocation, expiry and foreign keys are caught.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { hashIdentity } from '../../../indexer/verify/recipient.ts';
import {
  bindIssuerKey,
  generateIssuerKey,
  generateOb2SigningKey,
  publicKeyDocument,
  signOb2Assertion,
  signOb3DataIntegrity,
  signOb3Jwt,
} from '../../../scripts/demo/signing/sign.ts';
import type { NormalizedCredential, VerifyOptions } from '../../../indexer/verify/types.ts';
import { ob3Credential, OB3_CONTEXTS } from '../../support/credential-builders.ts';

const ORIGIN = 'https://issuer.test';
const site = mkdtempSync(path.join(tmpdir(), 'verify-roundtrip-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** Publishes a JSON document at `${ORIGIN}/<relative>` (mapped onto the temp folder). */
function publish(relative: string, document: unknown): void {
  const file = path.join(site, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(document));
}

const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  resolver: createResolver({ mappings: [{ prefix: `${ORIGIN}/`, target: site }], allowNetwork: false, cacheTtlMs: 0 }),
  ...extra,
});

async function read(content: unknown, extra: Partial<VerifyOptions> = {}): Promise<NormalizedCredential[]> {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return readCredentials({ source: 'signed-here', bytes: new TextEncoder().encode(text) }, options(extra));
}

async function readOne(content: unknown, extra: Partial<VerifyOptions> = {}): Promise<NormalizedCredential> {
  const all = await read(content, extra);
  expect(all).toHaveLength(1);
  return all[0]!;
}

function tamper(credential: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(credential) as { credentialSubject: { achievement: { name: string } } };
  copy.credentialSubject.achievement.name = 'Rust Grandmaster';
  return copy as unknown as Record<string, unknown>;
}

describe('OB 3.0 Data Integrity round trips', { timeout: 30_000 }, () => {
  it.each([
    { cryptosuite: 'eddsa-rdfc-2022' as const, method: 'ob3-eddsa-rdfc-2022', contexts: OB3_CONTEXTS },
    {
      cryptosuite: 'Ed25519Signature2020' as const,
      method: 'ob3-ed25519-signature-2020',
      contexts: [...OB3_CONTEXTS, 'https://w3id.org/security/suites/ed25519-2020/v1'],
    },
  ])('$cryptosuite: verifies, then catches tampering', async ({ cryptosuite, method, contexts }) => {
    const key = await generateIssuerKey();
    const signed = await signOb3DataIntegrity(ob3Credential(key.did, { '@context': contexts }), key, { cryptosuite });
    const verified = await readOne(signed, { recipient: 'ada@example.net' });
    expect(verified.verification).toMatchObject({ status: 'VERIFIED', reasons: [], method });
    expect(verified).toMatchObject({
      format: 'ob3-json-ld',
      recipient: { type: 'email', identity: 'ada@example.net' },
      issuer: { id: key.did, name: 'Test Issuer' },
      achievement: {
        name: 'Rust Fundamentals',
        type: 'Certificate',
        tags: ['rust', 'systems'],
        alignments: [{ targetFramework: 'ESCO', targetCode: 'S1.2.3', targetName: 'Rust', targetUrl: 'https://example.net/skills/rust' }],
      },
    });
    const tampered = await readOne(tamper(signed));
    expect(tampered.verification.status).toBe('FAILED');
    expect(tampered.verification.reasons).toEqual(['BAD_SIGNATURE']);
  });

  it('expired and not-yet-valid credentials fail with a valid signature', async () => {
    const key = await generateIssuerKey();
    const expired = await signOb3DataIntegrity(ob3Credential(key.did, { validUntil: '2024-06-01T00:00:00Z' }), key, {
      cryptosuite: 'eddsa-rdfc-2022',
    });
    expect((await readOne(expired)).verification.reasons).toEqual(['EXPIRED']);
    const notYet = await signOb3DataIntegrity(ob3Credential(key.did, { validFrom: '2031-01-01T00:00:00Z' }), key, {
      cryptosuite: 'eddsa-rdfc-2022',
    });
    expect((await readOne(notYet)).verification.reasons).toEqual(['NOT_YET_VALID']);
    // the same credential is valid at a later clock
    expect((await readOne(notYet, { now: new Date('2032-01-01T00:00:00Z') })).verification.status).toBe('VERIFIED');
  });

  it('a recipient that does not match the subject email fails', async () => {
    const key = await generateIssuerKey();
    const salted = ob3Credential(key.did);
    (salted.credentialSubject as { identifier: unknown }).identifier = [
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        salt: 'pepper',
        identityHash: hashIdentity('ada@example.net', 'pepper'),
      },
    ];
    const signed = await signOb3DataIntegrity(salted, key, { cryptosuite: 'eddsa-rdfc-2022' });
    expect((await readOne(signed, { recipient: 'ada@example.net' })).recipient).toMatchObject({
      type: 'email',
      identity: 'ada@example.net',
      hashed: true,
    });
    const other = await readOne(signed, { recipient: 'bob@example.net' });
    expect(other.verification.reasons).toEqual(['RECIPIENT_MISMATCH']);
    expect(other.recipient).toMatchObject({ type: 'hashed-email', hashed: true, salt: 'pepper' });
  });

  it('a 1EdTech revocation list revokes the credential', async () => {
    const key = await generateIssuerKey();
    // the 1EdTechRevocationList term is defined by the OB 3.0 extensions context
    const credential = ob3Credential(key.did, {
      '@context': [...OB3_CONTEXTS, 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'],
      credentialStatus: { id: `${ORIGIN}/revocations.json`, type: '1EdTechRevocationList' },
    });
    const signed = await signOb3DataIntegrity(credential, key, { cryptosuite: 'eddsa-rdfc-2022' });
    publish('revocations.json', { id: `${ORIGIN}/revocations.json`, issuer: key.did, revokedCredentials: [] });
    expect((await readOne(signed)).verification.status).toBe('VERIFIED');
    publish('revocations.json', {
      id: `${ORIGIN}/revocations.json`,
      issuer: key.did,
      revokedCredentials: [{ id: credential.id, revocationReason: 'issued in error' }],
    });
    const revoked = await readOne(signed);
    expect(revoked.verification.reasons).toEqual(['REVOKED']);
    expect(revoked.verification.details?.[0]).toContain('issued in error');
  });

  it('did:web keys resolve through the DID document, which must authorize them', async () => {
    const did = 'did:web:issuer.test';
    const key = await bindIssuerKey(await generateIssuerKey(), did, `${did}#key-1`);
    const method = publicKeyDocument(key);
    const didDocument = (assertionMethod: string[]) => ({
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [method],
      assertionMethod,
    });
    publish('.well-known/did.json', didDocument([key.keyId]));
    const signed = await signOb3DataIntegrity(ob3Credential(did), key, { cryptosuite: 'eddsa-rdfc-2022' });
    expect((await readOne(signed)).verification).toMatchObject({ status: 'VERIFIED', reasons: [] });
    publish('.well-known/did.json', didDocument([]));
    expect((await readOne(signed)).verification.reasons).toEqual(['KEY_NOT_OWNED_BY_ISSUER']);
  });

  it('a did:key of someone else than a DID issuer is not the issuer key', async () => {
    const key = await generateIssuerKey();
    const stranger = await generateIssuerKey();
    const signed = await signOb3DataIntegrity(ob3Credential(stranger.did), key, { cryptosuite: 'eddsa-rdfc-2022' });
    expect((await readOne(signed)).verification.reasons).toEqual(['KEY_NOT_OWNED_BY_ISSUER']);
  });
});

describe('OB 3.0 VC-JWT round trips', { timeout: 30_000 }, () => {
  it('verifies, and catches a changed payload, expiry and a foreign key', async () => {
    const key = await generateIssuerKey();
    const jwt = await signOb3Jwt(ob3Credential(key.did), key);
    const verified = await readOne(jwt);
    expect(verified.verification).toMatchObject({ status: 'VERIFIED', reasons: [], method: 'ob3-vc-jwt' });
    expect(verified.format).toBe('ob3-jwt');

    const [header, , signature] = jwt.split('.');
    const forgedPayload = Buffer.from(JSON.stringify(tamper(ob3Credential(key.did)))).toString('base64url');
    const forged = await readOne(`${header}.${forgedPayload}.${signature}`);
    expect(forged.verification.reasons).toEqual(['BAD_SIGNATURE']);

    const expired = await readOne(await signOb3Jwt(ob3Credential(key.did, { validUntil: '2024-06-01T00:00:00Z' }), key));
    expect(expired.verification.reasons).toEqual(['EXPIRED']);

    const stranger = await generateIssuerKey();
    const foreign = await readOne(await signOb3Jwt(ob3Credential(stranger.did), key));
    expect(foreign.verification.reasons).toEqual(['KEY_NOT_OWNED_BY_ISSUER']);
  });
});

describe('CLR 2.0 round trip', { timeout: 30_000 }, () => {
  it('verifies the outer proof and each inner credential; tampering inside fails both', async () => {
    const key = await generateIssuerKey();
    const inner = await Promise.all(
      ['Rust', 'Go'].map((name) => signOb3DataIntegrity(ob3Credential(key.did, { name }), key, { cryptosuite: 'eddsa-rdfc-2022' })),
    );
    const clr = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: key.did, type: ['Profile'], name: 'Registrar' },
      validFrom: '2024-01-01T00:00:00Z',
      name: 'Transcript',
      credentialSubject: { type: ['ClrSubject'], verifiableCredential: inner },
    };
    const signed = await signOb3DataIntegrity(clr, key, { cryptosuite: 'eddsa-rdfc-2022' });
    const credentials = await read(signed);
    expect(credentials.map((c) => [c.source, c.format, c.verification.status, c.verification.method])).toEqual([
      ['signed-here#0', 'clr', 'VERIFIED', 'clr'],
      ['signed-here#1', 'clr', 'VERIFIED', 'clr'],
    ]);
    expect(credentials.map((c) => c.id)).toEqual(inner.map((c) => c.id));

    const tampered = structuredClone(signed) as { credentialSubject: { verifiableCredential: Record<string, unknown>[] } };
    tampered.credentialSubject.verifiableCredential[1] = tamper(tampered.credentialSubject.verifiableCredential[1]!);
    const [first, second] = await read(tampered);
    expect(first?.verification.reasons).toEqual(['BAD_SIGNATURE']); // outer proof broken
    expect(second?.verification.reasons).toEqual(['BAD_SIGNATURE']);
    expect(second?.verification.details?.some((d) => d.startsWith('credential: BAD_SIGNATURE'))).toBe(true);
  });
});

describe('OB 2.0 signed (RS256) round trips', { timeout: 30_000 }, () => {
  const rsa = generateOb2SigningKey();
  const issuerId = `${ORIGIN}/ob2/issuer.json`;
  const keyId = `${ORIGIN}/ob2/key.json`;
  publish('ob2/key.json', {
    '@context': 'https://w3id.org/openbadges/v2',
    id: keyId,
    type: 'CryptographicKey',
    owner: issuerId,
    publicKeyPem: rsa.publicKeyPem,
  });
  publish('ob2/issuer.json', {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Issuer',
    id: issuerId,
    name: 'Signing Issuer',
    url: ORIGIN,
    publicKey: keyId,
    revocationList: `${ORIGIN}/ob2/revoked.json`,
  });
  publish('ob2/revoked.json', {
    '@context': 'https://w3id.org/openbadges/v2',
    id: `${ORIGIN}/ob2/revoked.json`,
    type: 'RevocationList',
    revokedAssertions: [{ id: 'urn:uuid:revoked-one', revocationReason: 'cheating' }],
  });
  publish('ob2/badge.json', {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'BadgeClass',
    id: `${ORIGIN}/ob2/badge.json`,
    name: 'Signed Badge',
    criteria: 'https://issuer.test/criteria',
    issuer: issuerId,
  });

  const assertion = (id: string, extra: Record<string, unknown> = {}) => ({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id,
    recipient: { type: 'email', hashed: true, salt: 'nacl', identity: hashIdentity('ada@example.net', 'nacl') },
    issuedOn: '2024-01-01T00:00:00Z',
    badge: `${ORIGIN}/ob2/badge.json`,
    verification: { type: 'signed', creator: keyId },
    ...extra,
  });

  it('verifies, and catches tampering, revocation, expiry and a key its owner does not claim', async () => {
    const jws = await signOb2Assertion(assertion('urn:uuid:good-one'), rsa.privateKey);
    const verified = await readOne(jws, { recipient: 'ada@example.net' });
    expect(verified.verification).toMatchObject({ status: 'VERIFIED', reasons: [], method: 'ob2-signed' });
    expect(verified).toMatchObject({
      format: 'ob2-signed',
      id: 'urn:uuid:good-one',
      issuer: { name: 'Signing Issuer' },
      achievement: { name: 'Signed Badge' },
    });

    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(JSON.stringify(assertion('urn:uuid:good-one', { issuedOn: '2023-01-01T00:00:00Z' }))).toString('base64url');
    expect((await readOne(`${header}.${forged}.${signature}`)).verification.reasons).toEqual(['BAD_SIGNATURE']);

    expect((await readOne(await signOb2Assertion(assertion('urn:uuid:revoked-one'), rsa.privateKey))).verification.reasons).toEqual([
      'REVOKED',
    ]);
    expect(
      (await readOne(await signOb2Assertion(assertion('urn:uuid:old', { expires: '2024-06-01T00:00:00Z' }), rsa.privateKey))).verification
        .reasons,
    ).toEqual(['EXPIRED']);

    const otherRsa = generateOb2SigningKey();
    publish('ob2/rogue-key.json', {
      '@context': 'https://w3id.org/openbadges/v2',
      id: `${ORIGIN}/ob2/rogue-key.json`,
      type: 'CryptographicKey',
      owner: issuerId,
      publicKeyPem: otherRsa.publicKeyPem,
    });
    const rogue = await signOb2Assertion(
      assertion('urn:uuid:rogue', { verification: { type: 'signed', creator: `${ORIGIN}/ob2/rogue-key.json` } }),
      otherRsa.privateKey,
    );
    expect((await readOne(rogue)).verification.reasons).toEqual(['KEY_NOT_OWNED_BY_ISSUER']);
  });
});
