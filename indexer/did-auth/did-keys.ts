/**
 * The key a presentation's proof names, resolved for a verification
 * relationship of its DID document (`authentication` for DID Auth,
 * `authentication` or `assertionMethod` for a holder's signature).
 *
 * did:key and did:jwk are self-certifying: their DID document is derived
 * from the DID and lists the key under both relationships (a did:jwk whose
 * JWK says `"use": "enc"` is for key agreement only). A did:web document is
 * fetched through the indexer's resolver (safe fetch: public addresses only,
 * size and time limits) and must list the key under the relationship.
 */
import { base64url } from 'jose';
import type { DidAuthCode, PresentationPurpose } from '../../mappings/did-auth.ts';
import { didWebToUrl } from '../verify/did-web.ts';
import { asString, isObject } from '../verify/json.ts';
import { findMethod, fromVerificationMethod, listedUnder, resolveKey, type ResolvedKey } from '../verify/keys.ts';
import { loadNode } from '../verify/remote.ts';
import { stripFragment, type Resolver } from '../verify/resolver.ts';

export type DidKey = { ok: true; did: string; key: ResolvedKey } | { ok: false; code: DidAuthCode; message: string };

const refuse = (code: DidAuthCode, message: string): DidKey => ({ ok: false, code, message });

/** The DID method of a DID URL (`did:web:…#key-1` -> `did:web`). */
export function didMethodOf(didUrl: string): string {
  return didUrl.split(':').slice(0, 2).join(':');
}

function jwkUse(did: string): unknown {
  try {
    const jwk = JSON.parse(new TextDecoder().decode(base64url.decode(did.slice('did:jwk:'.length)))) as unknown;
    return isObject(jwk) ? jwk.use : undefined;
  } catch {
    return undefined;
  }
}

async function selfCertifying(keyId: string, purposes: readonly PresentationPurpose[], resolver: Resolver): Promise<DidKey> {
  const did = stripFragment(keyId);
  const resolved = await resolveKey(keyId, undefined, resolver);
  if (!resolved.ok) return refuse('DID_UNRESOLVABLE', resolved.finding.detail);
  if (did.startsWith('did:jwk:') && jwkUse(did) === 'enc')
    return refuse('KEY_NOT_AUTHORIZED', `${did} is an encryption key ("use": "enc"): its DID document has no ${purposes.join(' or ')} key`);
  return { ok: true, did, key: resolved.key };
}

async function didWeb(keyId: string, purposes: readonly PresentationPurpose[], resolver: Resolver): Promise<DidKey> {
  const did = stripFragment(keyId);
  const url = didWebToUrl(did);
  if (!url) return refuse('DID_UNRESOLVABLE', `${did} is not a valid did:web DID`);
  const loaded = await loadNode(url, `DID document of ${did}`, resolver, 'ISSUER_UNREACHABLE', 'UNKNOWN_KEY');
  if (!loaded.ok) return refuse('DID_UNRESOLVABLE', loaded.finding.detail);
  const doc = loaded.doc;
  if (asString(doc.id) !== did)
    return refuse('DID_UNRESOLVABLE', `the DID document at ${url} has id ${JSON.stringify(doc.id)}, expected ${did}`);
  const method = findMethod(doc, keyId);
  if (!method) return refuse('KEY_NOT_AUTHORIZED', `the DID document of ${did} has no verification method ${keyId}`);
  if (!purposes.some((purpose) => listedUnder(doc, keyId, purpose)))
    return refuse('KEY_NOT_AUTHORIZED', `the DID document of ${did} does not list ${keyId} under ${purposes.join(' or ')}`);
  const key = await fromVerificationMethod(keyId, did, method);
  if (!key) return refuse('DID_UNRESOLVABLE', `verification method ${keyId} has no usable public key`);
  return { ok: true, did, key };
}

/** Resolves `keyId` (a DID URL) and checks that its DID document lists it under one of `purposes`. */
export async function keyForPurpose(keyId: unknown, purposes: readonly PresentationPurpose[], resolver: Resolver): Promise<DidKey> {
  if (typeof keyId !== 'string' || keyId.length === 0) return refuse('MALFORMED_PRESENTATION', 'the proof names no verification method');
  if (!keyId.startsWith('did:'))
    return refuse('UNSUPPORTED_DID_METHOD', `the proof's key ${keyId.slice(0, 80)} is not a DID URL; only DIDs can be proven`);
  const method = didMethodOf(keyId);
  if (method === 'did:key' || method === 'did:jwk') return selfCertifying(keyId, purposes, resolver);
  if (method === 'did:web') return didWeb(keyId, purposes, resolver);
  return refuse('UNSUPPORTED_DID_METHOD', `DID method ${method} is not supported (did:key, did:jwk and did:web are)`);
}
