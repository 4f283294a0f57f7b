/**
 * The pre-2023 cryptosuite name `eddsa-2022`. No third-party sample survives
 * (test/fixtures/w3c-vc-di-eddsa/README.md: the published ones were signed
 * over a draft VC 2.0 context that has since changed), so, as issue 12 asks,
 * one is signed here by an independent tool with a published test key:
 * Digital Bazaar's `@digitalbazaar/eddsa-2022-cryptosuite` 1.0.0 (the suite
 * of that draft) in `@digitalbazaar/data-integrity`'s legacy mode (the
 * data-integrity/v1 context the draft used), through jsonld-signatures, with
 * the W3C vc-di-eddsa test key (test/support/independent-signer.ts).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsa2022 } from '@digitalbazaar/eddsa-2022-cryptosuite';
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { DATA_INTEGRITY_V1, OB3_CONTEXT, TEST_KEY_DID, TEST_KEY_ID, signWith, testKeyPair } from '../../support/independent-signer.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

const badge = {
  // VC 2.0 defines DataIntegrityProof itself (the suite accepts it in place of data-integrity/v1)
  '@context': ['https://www.w3.org/ns/credentials/v2', OB3_CONTEXT],
  id: 'urn:uuid:2f1c4b8e-6a0d-4e3b-9c57-0b6e20220001',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: TEST_KEY_DID, type: ['Profile'], name: 'W3C vc-di-eddsa test key' },
  validFrom: '2023-01-01T00:00:00Z',
  name: 'eddsa-2022 badge',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.org/achievements/eddsa-2022',
      type: ['Achievement'],
      name: 'Signed with the eddsa-2022 draft',
      criteria: { narrative: 'Signed by @digitalbazaar/eddsa-2022-cryptosuite 1.0.0.' },
    },
  },
};

/** A VC 1.1 credential as the draft was used with VC 1.1: the proof's terms come from the data-integrity/v1 context. */
const vc11 = {
  '@context': ['https://www.w3.org/2018/credentials/v1', DATA_INTEGRITY_V1],
  id: 'urn:uuid:2f1c4b8e-6a0d-4e3b-9c57-0b6e20220002',
  type: ['VerifiableCredential'],
  issuer: TEST_KEY_DID,
  issuanceDate: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner' },
};

async function signEddsa2022(credential: object): Promise<Record<string, unknown>> {
  const signer = (await testKeyPair()).signer();
  return signWith(
    credential,
    new DataIntegrityProof({ signer, cryptosuite: eddsa2022, legacyContext: true, date: '2023-01-01T00:00:00Z' }),
  );
}

const read = async (doc: object) =>
  (
    await readCredentials(
      { source: 'eddsa-2022.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
      { resolver: createResolver({ allowNetwork: false }), now: NOW },
    )
  )[0];

describe(
  'eddsa-2022 (pre-2023 draft name), signed by Digital Bazaar eddsa-2022-cryptosuite with the W3C test key',
  { timeout: 60_000 },
  () => {
    it('the signed badge carries a DataIntegrityProof named eddsa-2022 and is VERIFIED', async () => {
      const signed = await signEddsa2022(badge);
      expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-2022', verificationMethod: TEST_KEY_ID });
      const credential = await read(signed);
      expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
        status: 'VERIFIED',
        reasons: [],
        method: 'ob3-eddsa-2022',
      });
    });

    it('a VC 1.1 credential with the data-integrity/v1 context: VERIFIED, and NOT_A_BADGE (a plain VerifiableCredential)', async () => {
      const credential = await read(await signEddsa2022(vc11));
      expect(credential?.verification, JSON.stringify(credential?.verification.details)).toMatchObject({
        status: 'VERIFIED',
        reasons: ['NOT_A_BADGE'],
        method: 'ob3-eddsa-2022',
      });
    });

    it('the VC 1.1 credential with its subject changed after signing is BAD_SIGNATURE', async () => {
      const signed = await signEddsa2022(vc11);
      const credential = await read({ ...signed, credentialSubject: { id: 'did:example:someone-else' } });
      expect(credential?.verification.status).toBe('FAILED');
      expect(credential?.verification.reasons).toEqual(['BAD_SIGNATURE', 'NOT_A_BADGE']);
    });

    it('the same badge with its achievement renamed after signing is BAD_SIGNATURE', async () => {
      const signed = (await signEddsa2022(badge)) as { credentialSubject: { achievement: { name: string } } };
      signed.credentialSubject.achievement.name = 'Something else';
      const credential = await read(signed);
      expect(credential?.verification).toMatchObject({ status: 'FAILED', reasons: ['BAD_SIGNATURE'], method: 'ob3-eddsa-2022' });
    });
  },
);
