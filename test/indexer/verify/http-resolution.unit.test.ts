/**
 * Hosted assertions, issuer profiles, keys and status lists served by a real
 * HTTP server on 127.0.0.1 instead of the file mapping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { encodeStatusList, withBitSet } from '../../../indexer/verify/bitstring.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { bindIssuerKey, generateIssuerKey, publicKeyDocument, signOb3DataIntegrity } from '../../../scripts/demo/signing/sign.ts';
import { ob2HostedDocuments, ob3Credential, OB3_CONTEXTS } from '../../support/credential-builders.ts';
import { startIssuerServer, type IssuerServer } from '../../support/issuer-server.ts';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('verification over real HTTP', { timeout: 30_000 }, () => {
  let server: IssuerServer;
  let closedOrigin: string;

  beforeAll(async () => {
    server = await startIssuerServer();
    // a port that was just released: connections to it are refused
    const closed = await startIssuerServer();
    closedOrigin = closed.origin;
    await closed.close();
  });
  afterAll(async () => server.close());
  // The test servers listen on 127.0.0.1: allowed explicitly, as INDEXER_ALLOW_HOSTS does in development.
  const local = () => [new URL(server.origin).host, new URL(closedOrigin).host];

  it('verifies a hosted OB 2.0 assertion fetched from its id, and caches the fetches', async () => {
    const { issuer, badge, assertion } = ob2HostedDocuments(server.origin);
    server.serve('/issuer', issuer);
    server.serve('/badges/1', badge);
    server.serve('/assertions/1', assertion);
    const resolver = createResolver({ allowHosts: local() });
    const [credential] = await readCredentials(
      { source: 'upload.json', bytes: encode(assertion) },
      { resolver, recipient: 'ada@example.net' },
    );
    expect(credential?.verification).toMatchObject({ status: 'VERIFIED', reasons: [], method: 'ob2-hosted' });
    expect(credential?.issuer).toMatchObject({ id: issuer.id, name: 'Local Issuer' });
    expect(credential?.achievement).toMatchObject({ name: 'Local Badge', tags: ['http'], criteria: 'Do the thing.' });
    await readCredentials({ source: 'upload.json', bytes: encode(assertion) }, { resolver });
    expect(server.hits('/assertions/1')).toBe(1);
    expect(server.hits('/issuer')).toBe(1);
  });

  it('fails a hosted assertion whose local copy was tampered with (HOSTED_MISMATCH)', async () => {
    const { issuer, badge, assertion } = ob2HostedDocuments(server.origin);
    server.serve('/issuer', issuer);
    server.serve('/badges/1', badge);
    server.serve('/assertions/1', assertion);
    const tampered = {
      ...assertion,
      issuedOn: '2020-01-01T00:00:00Z',
      recipient: { ...assertion.recipient, identity: 'mallory@example.net' },
    };
    const [credential] = await readCredentials(
      { source: 'tampered.json', bytes: encode(tampered) },
      { resolver: createResolver({ allowHosts: local() }) },
    );
    expect(credential?.verification.status).toBe('FAILED');
    expect(credential?.verification.reasons).toContain('HOSTED_MISMATCH');
    expect(credential?.verification.details?.join(' ')).toMatch(/recipient/);
    // the hosted copy is authoritative
    expect(credential?.recipient.identity).toBe('ada@example.net');
  });

  it('reports an unreachable issuer as UNVERIFIED / ISSUER_UNREACHABLE', async () => {
    const { badge, assertion } = ob2HostedDocuments(server.origin, closedOrigin);
    server.serve('/badges/1', badge);
    server.serve('/assertions/1', assertion);
    const [credential] = await readCredentials(
      { source: 'a.json', bytes: encode(assertion) },
      { resolver: createResolver({ timeoutMs: 2000, allowHosts: local() }) },
    );
    expect(credential?.verification.status).toBe('UNVERIFIED');
    expect(credential?.verification.reasons).toEqual(['ISSUER_UNREACHABLE']);
    expect(credential?.verification.details?.[0]).toContain(`${closedOrigin}/issuer`);
  });

  it('reports a missing hosted assertion (HTTP 404) as FAILED / NOT_FOUND: it does not exist', async () => {
    const { assertion } = ob2HostedDocuments(server.origin);
    const gone = { ...assertion, id: `${server.origin}/assertions/missing` };
    const [credential] = await readCredentials(
      { source: 'a.json', bytes: encode(gone) },
      { resolver: createResolver({ allowHosts: local() }) },
    );
    expect(credential?.verification.status).toBe('FAILED');
    expect(credential?.verification.reasons).toEqual(['NOT_FOUND']);
    expect(credential?.verification.details?.[0]).toContain('HTTP 404');
  });

  it('verifies an OB 3.0 credential whose key is published in the issuer profile, and checks a Bitstring Status List', async () => {
    const issuerId = `${server.origin}/issuers/1`;
    const key = await bindIssuerKey(await generateIssuerKey(), issuerId, `${issuerId}#key-1`);
    server.serve('/issuers/1', {
      '@context': OB3_CONTEXTS,
      id: issuerId,
      type: ['Profile'],
      name: 'Profile Issuer',
      verificationMethod: [publicKeyDocument(key)],
    });
    const statusList = (bits: Uint8Array) =>
      signOb3DataIntegrity(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: `${server.origin}/status/1`,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: issuerId,
          validFrom: '2024-01-01T00:00:00Z',
          credentialSubject: {
            id: `${server.origin}/status/1#list`,
            type: 'BitstringStatusList',
            statusPurpose: 'revocation',
            encodedList: encodeStatusList(bits),
          },
        },
        key,
        { cryptosuite: 'eddsa-rdfc-2022' },
      );
    server.serve('/status/1', await statusList(new Uint8Array(2048)));
    const credential = await signOb3DataIntegrity(
      ob3Credential(issuerId, {
        credentialStatus: {
          id: `${server.origin}/status/1#42`,
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '42',
          statusListCredential: `${server.origin}/status/1`,
        },
      }),
      key,
      { cryptosuite: 'eddsa-rdfc-2022' },
    );
    const read = async () =>
      (
        await readCredentials(
          { source: 'c.json', bytes: encode(credential) },
          { resolver: createResolver({ cacheTtlMs: 0, allowHosts: local() }) },
        )
      )[0]!;
    expect((await read()).verification).toMatchObject({ status: 'VERIFIED', reasons: [] });

    server.serve('/status/1', await statusList(withBitSet(new Uint8Array(2048), 42)));
    const revoked = await read();
    expect(revoked.verification.status).toBe('FAILED');
    expect(revoked.verification.reasons).toEqual(['REVOKED']);

    server.serve('/status/1', 'not json');
    const unreadable = await read();
    expect(unreadable.verification).toMatchObject({ status: 'UNVERIFIED', reasons: ['STATUS_UNREACHABLE'] });
  });

  it('rejects a key the issuer profile does not control (KEY_NOT_OWNED_BY_ISSUER)', async () => {
    const otherId = `${server.origin}/issuers/other`;
    const key = await bindIssuerKey(await generateIssuerKey(), otherId, `${otherId}#key-1`);
    server.serve('/issuers/other', {
      '@context': OB3_CONTEXTS,
      id: otherId,
      type: ['Profile'],
      name: 'Someone Else',
      verificationMethod: [publicKeyDocument(key)],
    });
    const credential = await signOb3DataIntegrity(ob3Credential(`${server.origin}/issuers/1`), key, { cryptosuite: 'eddsa-rdfc-2022' });
    const [read] = await readCredentials(
      { source: 'c.json', bytes: encode(credential) },
      { resolver: createResolver({ allowHosts: local() }) },
    );
    expect(read?.verification.status).toBe('FAILED');
    expect(read?.verification.reasons).toEqual(['KEY_NOT_OWNED_BY_ISSUER']);
  });
});
