/**
 * Missing versus unreachable, and reasons without noise, over a real HTTP
 * server on 127.0.0.1: a document that answers 404/410 does not exist
 * (FAILED: UNKNOWN_KEY for keys, NOT_FOUND for hosted assertions); a 5xx or a
 * refused connection is transient (UNVERIFIED: ISSUER_UNREACHABLE, retried by
 * reverify). A revoked hosted assertion that answers with the OB 2.0 short
 * revocation body is REVOKED, and only that. OB 2.0 documents are read by
 * their JSON-LD meaning (`verify` is `verification`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { bindIssuerKey, generateIssuerKey, signOb3DataIntegrity } from '../../../scripts/demo/signing/sign.ts';
import { ob2HostedDocuments, ob3Credential } from '../../support/credential-builders.ts';
import { startIssuerServer, type IssuerServer } from '../../support/issuer-server.ts';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('missing versus unreachable', { timeout: 30_000 }, () => {
  let server: IssuerServer;
  beforeAll(async () => {
    server = await startIssuerServer();
  });
  afterAll(async () => server.close());

  const read = async (doc: unknown) =>
    (
      await readCredentials(
        { source: 'c.json', bytes: encode(doc) },
        { resolver: createResolver({ cacheTtlMs: 0, allowHosts: [new URL(server.origin).host] }) },
      )
    )[0]!;

  it('a key document that answers 404 is an unknown key (FAILED), one that answers 500 is unreachable (UNVERIFIED)', async () => {
    const issuerId = `${server.origin}/issuers/k`;
    const key = await bindIssuerKey(await generateIssuerKey(), issuerId, `${issuerId}#key-1`);
    const credential = await signOb3DataIntegrity(ob3Credential(issuerId), key, { cryptosuite: 'eddsa-rdfc-2022' });
    const missing = await read(credential);
    expect(missing.verification).toMatchObject({ status: 'FAILED', reasons: ['UNKNOWN_KEY'] });
    expect(missing.verification.details?.join(' ')).toContain('HTTP 404');

    server.serve('/issuers/k', { error: 'maintenance' }, 503);
    const down = await read(credential);
    expect(down.verification).toMatchObject({ status: 'UNVERIFIED', reasons: ['ISSUER_UNREACHABLE'] });
    expect(down.verification.details?.join(' ')).toContain('HTTP 503');
  });

  it('a did:web DID document missing under a --resolve folder is an unknown key (FAILED)', async () => {
    const did = 'did:web:issuer.example';
    const key = await bindIssuerKey(await generateIssuerKey(), did, `${did}#key-1`);
    const credential = await signOb3DataIntegrity(ob3Credential(did), key, { cryptosuite: 'eddsa-rdfc-2022' });
    const resolver = createResolver({
      allowNetwork: false,
      mappings: [{ prefix: 'https://issuer.example/', target: 'test/fixtures/dcc/status/' }],
    });
    const [c] = await readCredentials({ source: 'c.json', bytes: encode(credential) }, { resolver });
    expect(c?.verification).toMatchObject({ status: 'FAILED', reasons: ['UNKNOWN_KEY'] });
  });

  it('a hosted assertion that answers 500 is unreachable (UNVERIFIED), 410 without a body is NOT_FOUND (FAILED)', async () => {
    const { assertion } = ob2HostedDocuments(server.origin);
    const flaky = { ...assertion, id: `${server.origin}/assertions/flaky` };
    server.serve('/assertions/flaky', 'oops', 500);
    expect((await read(flaky)).verification).toMatchObject({ status: 'UNVERIFIED', reasons: ['ISSUER_UNREACHABLE'] });
    const gone = { ...assertion, id: `${server.origin}/assertions/gone` };
    server.serve('/assertions/gone', 'gone', 410);
    expect((await read(gone)).verification).toMatchObject({ status: 'FAILED', reasons: ['NOT_FOUND'] });
  });

  it('a revoked hosted assertion answering the short revocation body (410) is REVOKED with its reason, and nothing else', async () => {
    const { assertion } = ob2HostedDocuments(server.origin);
    const revoked = { ...assertion, id: `${server.origin}/assertions/revoked` };
    // the body OB 2.0 prescribes for a revoked hosted assertion (spec section "Hosted Verification")
    server.serve(
      '/assertions/revoked',
      { '@context': 'https://w3id.org/openbadges/v2', id: revoked.id, revoked: true, revocationReason: 'Issued in error' },
      410,
    );
    const c = await read(revoked);
    expect(c.verification.status).toBe('FAILED');
    expect(c.verification.reasons).toEqual(['REVOKED']);
    expect(c.verification.details).toEqual([`REVOKED: the assertion hosted at ${revoked.id} is revoked: Issued in error`]);
    // the same body served with 200
    server.serve('/assertions/revoked', { '@context': 'https://w3id.org/openbadges/v2', id: revoked.id, revoked: true });
    expect((await read(revoked)).verification.reasons).toEqual(['REVOKED']);
  });

  it('reads an OB 2.0 assertion by JSON-LD meaning: "verify", "obi:recipient" and type IRIs are the terms they alias', async () => {
    const { issuer, badge, assertion } = ob2HostedDocuments(server.origin);
    // the hosted copy spells every part differently: keys by alias or compact IRI, types by IRI
    const { verification: _spelledDifferently, recipient, ...rest } = assertion;
    const aliased = {
      ...rest,
      type: 'obi:Assertion',
      id: `${server.origin}/assertions/aliased`,
      verify: { type: 'https://w3id.org/openbadges#HostedBadge' },
      'obi:recipient': recipient,
    };
    server.serve('/issuer', issuer);
    server.serve('/badges/1', badge);
    server.serve('/assertions/aliased', aliased);
    const c = await read(aliased);
    expect(c.verification).toMatchObject({ status: 'VERIFIED', reasons: [], method: 'ob2-hosted' });
    expect(c.recipient.identity).toBe('ada@example.net');
  });
});
