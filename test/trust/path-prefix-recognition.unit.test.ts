/**
 * Attack: two issuers share one host, each recognized for its own path
 * (`https://host/org1/`, `https://host/org2/`). The org2 tenant publishes its
 * own key and writes its key id as `https://host/org1/../org2/issuer#key-1`:
 * the text starts with org1's prefix, but fetching it reads org2's profile.
 * The credential verifies (org2 really signed it) and must not borrow org1's
 * recognition. Real signatures, verified over real HTTP on 127.0.0.1; the
 * registry decision is the one the indexer and the API use (no engine needed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognize } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import { readCredentials } from '../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { bindIssuerKey, generateIssuerKey, publicKeyDocument, signOb3DataIntegrity } from '../../scripts/demo/signing/sign.ts';
import { ob3Credential, OB3_CONTEXTS } from '../support/credential-builders.ts';
import { startIssuerServer, type IssuerServer } from '../support/issuer-server.ts';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

let server: IssuerServer;
let registry: IssuerRegistryDocument[];

const entry = (id: string, prefix: string): IssuerRegistryDocument => ({
  id,
  ids: [id],
  name: `Tenant ${id}`,
  origins: [prefix],
  dids: [],
  keys: [],
  status: 'RECOGNIZED',
  provenance: { format: 'directory-v1', source: 'test', rank: 0 },
  changedAt: '2026-01-01T00:00:00Z',
});

/** Publishes a profile with a fresh key at `servedAt`, under the issuer id `issuerId`; signs a credential with it. */
async function credentialFrom(issuerId: string, servedAt: string): Promise<Record<string, unknown>> {
  const key = await bindIssuerKey(await generateIssuerKey(), issuerId, `${issuerId}#key-1`);
  server.serve(servedAt, {
    '@context': OB3_CONTEXTS,
    id: issuerId,
    type: ['Profile'],
    name: 'Tenant',
    verificationMethod: [publicKeyDocument(key)],
  });
  return signOb3DataIntegrity(ob3Credential(issuerId, {}), key, { cryptosuite: 'eddsa-rdfc-2022' });
}

async function read(credential: Record<string, unknown>) {
  const resolver = createResolver({ cacheTtlMs: 0, allowHosts: [new URL(server.origin).host] });
  return (await readCredentials({ source: 'c.json', bytes: encode(credential) }, { resolver }))[0]!;
}

beforeAll(async () => {
  server = await startIssuerServer();
  registry = [
    entry(`${server.origin}/org1/issuer`, `${server.origin}/org1/`),
    entry(`${server.origin}/org2/issuer`, `${server.origin}/org2/`),
  ];
});
afterAll(async () => server.close());

describe('registry path prefixes on a shared host', () => {
  it("recognizes org1's own key under org1's path (the control)", async () => {
    const credential = await read(await credentialFrom(`${server.origin}/org1/issuer`, '/org1/issuer'));
    expect(credential.verification).toMatchObject({ status: 'VERIFIED', reasons: [] });
    expect(recognize(credential.verification.authority ?? [], registry)).toMatchObject({
      status: 'RECOGNIZED',
      entryId: `${server.origin}/org1/issuer`,
    });
  });

  it("does not lend org1's recognition to org2's key written as /org1/../org2/", async () => {
    const credential = await read(await credentialFrom(`${server.origin}/org1/../org2/issuer`, '/org2/issuer'));
    // Authentic: org2 signed it with the key published at org2's path.
    expect(credential.verification).toMatchObject({ status: 'VERIFIED', reasons: [] });
    expect(server.hits('/org2/issuer')).toBeGreaterThan(0);
    // Whose it is: org2's (what was fetched), never org1's (what the text starts with).
    expect(recognize(credential.verification.authority ?? [], registry)).toMatchObject({
      status: 'RECOGNIZED',
      entryId: `${server.origin}/org2/issuer`,
    });
    expect(recognize(credential.verification.authority ?? [], registry.slice(0, 1))).toEqual({ status: 'UNKNOWN' });
  });
});
