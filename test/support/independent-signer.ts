/**
 * Signing with independent tools and a published test key, for formats with
 * no third-party sample (issue 12): Digital Bazaar's suites through
 * jsonld-signatures, never this project's signer (scripts/demo/signing/sign.ts).
 * The key is the W3C vc-di-eddsa specification's test key pair
 * (TestVectors/keyPair.json); the contexts come from npm context packages and
 * 1EdTech's published OB 3.0.3 context, none from the verifier's own table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsigs, { type DocumentLoader } from 'jsonld-signatures';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';
import statusList2021Context from '@digitalbazaar/vc-status-list-context';
import revocationList2020Context from 'vc-revocation-list-context';
import { repoRoot } from './credential-fixtures.ts';

/** W3C vc-di-eddsa TestVectors/keyPair.json (a published test key; never for real use). */
export const W3C_TEST_KEY = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  secretKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
};
export const TEST_KEY_DID = `did:key:${W3C_TEST_KEY.publicKeyMultibase}`;
export const TEST_KEY_ID = `${TEST_KEY_DID}#${W3C_TEST_KEY.publicKeyMultibase}`;

export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DATA_INTEGRITY_V1 = 'https://w3id.org/security/data-integrity/v1';
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
export const STATUS_LIST_2021_CONTEXT = 'https://w3id.org/vc/status-list/2021/v1';
export const REVOCATION_LIST_2020_CONTEXT = 'https://w3id.org/vc-revocation-list-2020/v1';

const contexts = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...ed25519Signature2020Context.contexts,
  ...statusList2021Context.contexts,
  ...revocationList2020Context.contexts,
  [OB3_CONTEXT, JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', '1edtech', 'contexts', 'ob-v3p0-3.0.3.json'), 'utf8'))],
]);

/** The signer's document loader: contexts only. */
export const signerLoader: DocumentLoader = async (url) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`independent signer: no context ${url}`);
  return { documentUrl: url, document, contextUrl: null };
};

/** The W3C test key as a Digital Bazaar Multikey pair, named `did:key:…#…`. */
export async function testKeyPair(): Promise<Ed25519Multikey.Ed25519MultikeyPair> {
  return Ed25519Multikey.from({ type: 'Multikey', id: TEST_KEY_ID, controller: TEST_KEY_DID, ...W3C_TEST_KEY });
}

/** Signs `document` with a Digital Bazaar suite instance (built around `testKeyPair().signer()`). */
export async function signWith(document: object, suite: unknown): Promise<Record<string, unknown>> {
  return jsigs.sign(structuredClone(document), {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: signerLoader,
  });
}
