/**
 * A Verifiable Presentation signed as a VP-JWT (`vp` claim), EdDSA with a
 * did:key's real Ed25519 key (jose), as a wallet answers DID Auth or exports
 * a signed presentation. `kid` names the key; pass another DID's key id to
 * forge (a signature by one key naming another).
 */
import { importJWK, SignJWT, type JWK } from 'jose';
import type { IssuerKey } from '../../scripts/demo/signing/sign.ts';

/** A VC 1.1 presentation by `holder` (VC 2.0 when it carries credentials, as OB 3.0 ones are). */
export function presentationOf(holder: string, credentials: unknown[] = []): Record<string, unknown> {
  return {
    '@context': [credentials.length > 0 ? 'https://www.w3.org/ns/credentials/v2' : 'https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiablePresentation'],
    holder,
    ...(credentials.length > 0 ? { verifiableCredential: credentials } : {}),
  };
}

/** Signs `claims` (by default a presentation by `key.did`; `nonce`/`aud` carry a DID Auth challenge and domain). */
export async function signVpJwt(key: IssuerKey, claims: Record<string, unknown>, kid = key.keyId): Promise<string> {
  const { publicKey, secretKey } = key.keyPair;
  const jwk: JWK = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(publicKey).toString('base64url'),
    d: Buffer.from(secretKey!.subarray(0, 32)).toString('base64url'),
  };
  return new SignJWT({ vp: presentationOf(key.did), ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(jwk, 'EdDSA'));
}
