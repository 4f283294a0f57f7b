/**
 * Issuing helpers: sign OB 3.0 credentials (Data Integrity or VC-JWT) with a
 * did:key issuer key, and OB 2.0 assertions (RS256 JWS). Used by tests and by
 * the demo data generator.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { CompactSign, importJWK, importPKCS8, type JWK } from 'jose';
import { createPinnedLoader } from '../../../indexer/verify/document-loader.ts';

/** An Ed25519 issuer key whose controller is a did:key DID. */
export interface IssuerKey {
  /** `did:key:z6Mk…` — use it as the credential's `issuer.id`. */
  did: string;
  /** `did:key:z6Mk…#z6Mk…` — the verification method id proofs name. */
  keyId: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
  keyPair: Ed25519Multikey.Ed25519MultikeyPair;
}

/** Data Integrity proof suites `signOb3DataIntegrity` can produce. */
export type DataIntegritySuite = 'eddsa-rdfc-2022' | 'Ed25519Signature2020';

/** Generates a fresh Ed25519 key pair and its did:key identity. */
export async function generateIssuerKey(seed?: Uint8Array): Promise<IssuerKey> {
  const probe = await Ed25519Multikey.generate(seed ? { seed } : {});
  const did = `did:key:${probe.publicKeyMultibase}`;
  const keyId = `${did}#${probe.publicKeyMultibase}`;
  // re-import with id and controller so the signer names the verification method
  const keyPair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: keyId,
    controller: did,
    publicKeyMultibase: probe.publicKeyMultibase,
    secretKeyMultibase: probe.secretKeyMultibase,
  });
  return { did, keyId, publicKeyMultibase: probe.publicKeyMultibase, secretKeyMultibase: probe.secretKeyMultibase!, keyPair };
}

/**
 * The same key published under another controller (an issuer profile URL or
 * a did:web DID) as `keyId`. `did` then holds that controller id.
 */
export async function bindIssuerKey(key: IssuerKey, controller: string, keyId: string): Promise<IssuerKey> {
  const keyPair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: keyId,
    controller,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  return { ...key, did: controller, keyId, keyPair };
}

/** The public half as a Multikey verification method, ready to publish in a DID document or issuer profile. */
export function publicKeyDocument(key: IssuerKey): Record<string, unknown> {
  return {
    '@context': 'https://w3id.org/security/multikey/v1',
    id: key.keyId,
    type: 'Multikey',
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

/**
 * Adds a Data Integrity proof (`assertionMethod`) to a credential. The issuer
 * id should be `key.did` for the proof to count as the issuer's. Contexts must
 * be pinned ones (see `contexts.ts`). Returns a new object.
 */
export async function signOb3DataIntegrity(
  credential: Record<string, unknown>,
  key: IssuerKey,
  options: { cryptosuite: DataIntegritySuite; date?: Date } = { cryptosuite: 'eddsa-rdfc-2022' },
): Promise<Record<string, unknown>> {
  const signer = key.keyPair.signer();
  const date = options.date ?? new Date();
  const suite =
    options.cryptosuite === 'eddsa-rdfc-2022'
      ? new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date })
      : new Ed25519Signature2020({ signer, date });
  const loader = createPinnedLoader(new Map([[key.keyId, publicKeyDocument(key)]]));
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: loader.load,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
  });
}

/** Signs a credential as a VC-JWT (VC 2.0 JOSE: the credential is the payload), EdDSA, `kid` = the did:key key id. */
export async function signOb3Jwt(credential: Record<string, unknown>, key: IssuerKey): Promise<string> {
  const { publicKey, secretKey } = key.keyPair;
  if (!secretKey) throw new Error('signOb3Jwt needs a key pair with its secret key');
  // the multikey secret key is seed + public key; a JWK "d" is the 32-byte seed alone
  const jwk: JWK = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(publicKey).toString('base64url'),
    d: Buffer.from(secretKey.subarray(0, 32)).toString('base64url'),
  };
  const privateKey = await importJWK(jwk, 'EdDSA');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, typ: 'vc+jwt' })
    .sign(privateKey);
}

/** An RSA key pair for OB 2.0 signed assertions; `publicKeyPem` goes into the issuer's CryptographicKey document. */
export function generateOb2SigningKey(): { privateKey: KeyObject; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Signs an OB 2.0 assertion as an RS256 compact JWS. `privateKey` is a KeyObject or a PKCS#8 PEM string. */
export async function signOb2Assertion(assertion: Record<string, unknown>, privateKey: KeyObject | string): Promise<string> {
  const key = typeof privateKey === 'string' ? await importPKCS8(privateKey, 'RS256') : privateKey;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(assertion))).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key);
}
