/**
 * Credentials written by other projects (see the README of each folder under
 * test/fixtures/ for source, licence and where each expectation comes from),
 * resolved offline. Formats with no third-party sample found are signed here
 * with an independent library (jose) and a published test key (RFC 7515
 * Appendix A.3), never with this project's signer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign, importJWK, base64url } from 'jose';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { describe, expect, it } from 'vitest';
import { prepareCredential } from '../../../indexer/ingest/prepare.ts';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import type { ReasonCode, VerificationMethod, VerificationStatus } from '../../../indexer/verify/types.ts';
import { repoRoot } from '../../support/credential-fixtures.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const NOW = new Date('2026-01-01T00:00:00Z');
const resolver = () =>
  createResolver({
    allowNetwork: false,
    mappings: [{ prefix: 'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/', target: path.join(fixtures, 'dcc', 'status') + '/' }],
  });
const read = async (source: string, bytes: Uint8Array) => readCredentials({ source, bytes }, { resolver: resolver(), now: NOW });
const readFile = async (relative: string) => read(relative, readFileSync(path.join(fixtures, relative)));

interface Case {
  file: string;
  status: VerificationStatus;
  reasons: ReasonCode[];
  method: VerificationMethod;
}

/** Exactly the tables of test/fixtures/dcc/README.md and test/fixtures/w3c-ccg-vc-ed/README.md. */
const cases: Case[] = [
  { file: 'dcc/v1-revoked.json', status: 'FAILED', reasons: ['REVOKED'], method: 'ob3-ed25519-signature-2020' },
  { file: 'dcc/v1-valid-status.json', status: 'VERIFIED', reasons: [], method: 'ob3-ed25519-signature-2020' },
  { file: 'dcc/v2-both-proofs.json', status: 'VERIFIED', reasons: [], method: 'ob3-eddsa-rdfc-2022' },
  { file: 'dcc/v2-not-a-badge.json', status: 'VERIFIED', reasons: ['NOT_A_BADGE'], method: 'ob3-eddsa-rdfc-2022' },
  { file: 'w3c-ccg-vc-ed/plugfest-1-ex-1.json', status: 'VERIFIED', reasons: [], method: 'ob3-ed25519-signature-2018' },
];

describe('third-party credentials verify as their sources state', { timeout: 60_000 }, () => {
  for (const c of cases) {
    it(`${c.file}: ${c.status}${c.reasons.length ? ` (${c.reasons.join(', ')})` : ''}`, async () => {
      const [credential, ...rest] = await readFile(c.file);
      expect(rest).toHaveLength(0);
      expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({ status: c.status, reasons: c.reasons, method: c.method });
    });
  }

  it('the VC 1.1 credential using the status/v1 context is revoked for its status alone (no UNKNOWN_CONTEXT)', async () => {
    const [credential] = await readFile('dcc/v1-revoked.json');
    expect(credential?.verification.details).toEqual([
      'REVOKED: revoked: bit 6 of status list https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj is set',
    ]);
  });

  it('an Ed25519Signature2018 badge whose content was changed after signing is BAD_SIGNATURE', async () => {
    const doc = JSON.parse(readFileSync(path.join(fixtures, 'w3c-ccg-vc-ed/plugfest-1-ex-1.json'), 'utf8')) as { credentialSubject: { achievement: { name: string } } };
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
    credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement: { id: 'https://example.org/achievements/es256', type: ['Achievement'], name: 'ES256', criteria: { narrative: 'Signed with the RFC 7515 A.3 key.' } } },
  };
}

async function es256Jwt(payload: Record<string, unknown>, kid: string): Promise<string> {
  const key = await importJWK(RFC7515_A3, 'ES256');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid }).sign(key);
}

describe('VC-JWT with ES256, signed by jose with the RFC 7515 A.3 test key', { timeout: 60_000 }, () => {
  it('did:jwk issuer: VERIFIED', async () => {
    const jwt = await es256Jwt({ ...badgePayload(DID_JWK), iss: DID_JWK }, `${DID_JWK}#0`);
    const [credential] = await read('es256-did-jwk.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({ status: 'VERIFIED', reasons: [], method: 'ob3-vc-jwt' });
  });

  it('did:key (P-256) issuer: VERIFIED; the same JWT against another P-256 did:key: FAILED', async () => {
    const keyPair = (await EcdsaMultikey.fromJwk({ jwk: RFC7515_A3_PUBLIC })) as { publicKeyMultibase: string };
    const did = `did:key:${keyPair.publicKeyMultibase}`;
    expect(did.startsWith('did:key:zDn')).toBe(true);
    const jwt = await es256Jwt({ ...badgePayload(did), iss: did }, `${did}#${keyPair.publicKeyMultibase}`);
    const [credential] = await read('es256-did-key.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({ status: 'VERIFIED', reasons: [], method: 'ob3-vc-jwt' });

    const other = (await EcdsaMultikey.generate({ curve: 'P-256' })) as { publicKeyMultibase: string };
    const otherDid = `did:key:${other.publicKeyMultibase}`;
    const forged = await es256Jwt({ ...badgePayload(otherDid), iss: otherDid }, `${otherDid}#${other.publicKeyMultibase}`);
    const [bad] = await read('forged.jwt', new TextEncoder().encode(forged));
    expect(bad?.verification).toMatchObject({ status: 'FAILED', reasons: ['BAD_SIGNATURE'] });
  });

  it('iss differing from issuer.id stays FAILED (OB 3.0: not valid), with that reason only', async () => {
    const jwt = await es256Jwt({ ...badgePayload(DID_JWK), iss: 'did:example:someone-else' }, `${DID_JWK}#0`);
    const [credential] = await read('iss-mismatch.jwt', new TextEncoder().encode(jwt));
    expect(credential?.verification.status).toBe('FAILED');
    expect(credential?.verification.reasons).toEqual(['MALFORMED']);
    expect(credential?.verification.details?.join(' ')).toContain('jwt.iss did:example:someone-else differs from credential.issuer');
  });

  it('an SD-JWT VC is UNSUPPORTED_FORMAT, naming SD-JWT', async () => {
    const jwt = await es256Jwt({ iss: DID_JWK, vct: 'https://example.org/badge', _sd: [] }, `${DID_JWK}#0`);
    // the disclosure of RFC 9901's example ("given_name": "John")
    const sdJwt = `${jwt}~WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd~`;
    const [credential] = await read('credential.sd-jwt', new TextEncoder().encode(sdJwt));
    expect(credential?.verification).toMatchObject({ status: 'FAILED', reasons: ['UNSUPPORTED_FORMAT'] });
    expect(credential?.verification.details?.[0]).toContain('SD-JWT');
  });
});
