/**
 * Keys of VC-JWTs signed with ES256 / ES384: `did:jwk` (the DID is the JWK)
 * and `did:key` with a P-256 or P-384 multikey (`zDn...`, `z82...`), decoded
 * by Digital Bazaar's ecdsa-multikey. Both are self-certifying, like an
 * Ed25519 did:key: the DID names the key, nothing is fetched.
 */
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { base64url } from 'jose';
import { isObject, type JsonObject } from './json.ts';
import { stripFragment } from './resolver.ts';

export type EcKey = { ok: true; id: string; controller: string; publicKeyJwk: JsonObject } | { ok: false; detail: string };

/** True for the did:key multibase prefixes of P-256 and P-384 public keys. */
export function isEcDidKey(did: string): boolean {
  return /^did:key:z(Dn|82)/.test(did);
}

/** Public JWK parameters only: a private `d` in a DID must never be used or echoed. */
function publicJwk(jwk: JsonObject): JsonObject {
  const { kty, crv, x, y, n, e } = jwk;
  return Object.fromEntries(Object.entries({ kty, crv, x, y, n, e }).filter(([, v]) => v !== undefined));
}

/** `did:jwk:<base64url JSON JWK>`; its only key id is `#0`. */
export function keyFromDidJwk(keyId: string): EcKey {
  const did = stripFragment(keyId);
  const fragment = keyId.slice(did.length);
  if (fragment !== '' && fragment !== '#0') return { ok: false, detail: `${keyId}: a did:jwk has the single key id ${did}#0` };
  try {
    const jwk = JSON.parse(new TextDecoder().decode(base64url.decode(did.slice('did:jwk:'.length)))) as unknown;
    if (!isObject(jwk) || typeof jwk.kty !== 'string') return { ok: false, detail: `${did} does not encode a JWK` };
    return { ok: true, id: `${did}#0`, controller: did, publicKeyJwk: publicJwk(jwk) };
  } catch {
    return { ok: false, detail: `${did} does not encode a JWK (base64url JSON)` };
  }
}

/** `did:key:zDn...` (P-256) or `did:key:z82...` (P-384); the key id is `<did>#<multibase>`. */
export async function keyFromEcDidKey(keyId: string): Promise<EcKey> {
  const did = stripFragment(keyId);
  const multibase = did.slice('did:key:'.length);
  if (keyId !== did && keyId !== `${did}#${multibase}`)
    return { ok: false, detail: `${keyId}: a did:key key id must end in #${multibase}` };
  try {
    const keyPair = await EcdsaMultikey.from({
      type: 'Multikey',
      id: `${did}#${multibase}`,
      controller: did,
      publicKeyMultibase: multibase,
    });
    const jwk = (await EcdsaMultikey.toJwk({ keyPair })) as JsonObject;
    return { ok: true, id: `${did}#${multibase}`, controller: did, publicKeyJwk: publicJwk(jwk) };
  } catch (error) {
    return { ok: false, detail: `${keyId} is not a usable P-256/P-384 did:key: ${error instanceof Error ? error.message : String(error)}` };
  }
}
