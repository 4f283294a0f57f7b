/**
 * Resolves the key a proof names (`verificationMethod`, a JWT `kid`) and
 * decides whether it belongs to the credential's issuer.
 *
 * Supported: did:key, did:web (DID document fetched through the resolver), an
 * http(s) key or controller document (the issuer profile), and the
 * `<issuer id>#<multikey>` convention of the 1EdTech validator, where the key
 * is the fragment itself.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import { didWebToUrl } from './did-web.ts';
import { ed25519MultibaseOfBase58 } from './keys-base58.ts';
import { isEcDidKey, keyFromDidJwk, keyFromEcDidKey, type EcKey } from './keys-ec.ts';
import { asArray, asString, isObject, type JsonObject } from './json.ts';
import { loadNode } from './remote.ts';
import { stripFragment, type Resolver } from './resolver.ts';
import { finding, type Finding } from './result.ts';

/** A public key usable for verification, with its controller. */
export interface ResolvedKey {
  /** The id the proof used (kept as-is: proof purposes compare it). */
  id: string;
  controller: string;
  /** Ed25519 key as multibase, when the key is Ed25519. */
  publicKeyMultibase?: string;
  /** The key as JWK (always set). */
  publicKeyJwk: Record<string, unknown>;
  /** Ownership problem, if the key is known to belong to someone other than the issuer. */
  ownership?: Finding;
  /** Caveats worth keeping in the result details. */
  notes: string[];
  /**
   * Who this key proves a signature came from, whatever the credential
   * claims: the DID of a did:key / did:web key, the key id and web origin of
   * a key published over https. Empty for self-asserted keys (a JWK header,
   * a key embedded in its own id): they prove only that someone signed.
   */
  authority?: string[];
}

export type KeyResolution = { ok: true; key: ResolvedKey } | { ok: false; finding: Finding };

const didKey = didKeyDriver();
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

function fail(reason: Finding['reason'], detail: string): KeyResolution {
  return { ok: false, finding: finding(reason, detail) };
}

/** Builds a key from a multibase Ed25519 public key; undefined if it is not one. */
async function fromMultibase(id: string, controller: string, publicKeyMultibase: string): Promise<ResolvedKey | undefined> {
  try {
    const pair = await Ed25519Multikey.from({ type: 'Multikey', id, controller, publicKeyMultibase });
    // the import accepts any multibase value; an Ed25519 public key is exactly 32 bytes
    if (pair.publicKey?.length !== 32) return undefined;
    const publicKeyJwk = await Ed25519Multikey.toJwk({ keyPair: pair });
    return { id, controller, publicKeyMultibase, publicKeyJwk, notes: [] };
  } catch {
    return undefined;
  }
}

/** Builds a key from a verification method object (Multikey, Ed25519VerificationKey2020 or 2018, JsonWebKey[2020]). */
export async function fromVerificationMethod(id: string, controller: string, vm: JsonObject): Promise<ResolvedKey | undefined> {
  const multibase = asString(vm.publicKeyMultibase) ?? ed25519MultibaseOfBase58(asString(vm.publicKeyBase58) ?? '');
  if (multibase) return fromMultibase(id, controller, multibase);
  if (isObject(vm.publicKeyJwk)) {
    const jwk = vm.publicKeyJwk;
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
      try {
        const pair = await Ed25519Multikey.fromJwk({ jwk });
        return { id, controller, publicKeyMultibase: pair.publicKeyMultibase, publicKeyJwk: jwk, notes: [] };
      } catch {
        return undefined;
      }
    }
    return { id, controller, publicKeyJwk: jwk, notes: [] };
  }
  return undefined;
}

/** How a key was found; decides how strongly it is bound to the issuer. */
type KeySource = 'did:key' | 'did:web' | 'fragment' | 'published';

/**
 * A key belongs to the issuer when its controller is the issuer id. When the
 * issuer id is a DID or URL and the controller differs, that is a clear
 * mismatch; a did:key (self-certifying) or an issuer id that cannot be
 * resolved (urn:uuid) is accepted with a note, as the 1EdTech validator does.
 */
/** What a key of this source proves (see `ResolvedKey.authority`). */
function authorityOf(key: ResolvedKey, source: KeySource): string[] {
  if (source === 'did:key' || source === 'did:web') return [key.controller, key.id];
  // Served over https from where its id points: the URL (and so its origin and path) vouches for it.
  if (source === 'published') return [key.id];
  return [];
}

function judgeOwnership(key: ResolvedKey, issuerId: string | undefined, source: KeySource): ResolvedKey {
  key = { ...key, authority: authorityOf(key, source) };
  const notes = [...key.notes];
  if (source === 'fragment') {
    notes.push(`key ${key.id} is embedded in its id (1EdTech convention); no published issuer profile was consulted`);
  }
  if (!issuerId || key.controller === issuerId) return { ...key, notes };
  const resolvableIssuer = /^(did:|https?:)/.test(issuerId);
  const selfCertifying = source === 'did:key' && !issuerId.startsWith('did:');
  if (resolvableIssuer && !selfCertifying) {
    return {
      ...key,
      notes,
      ownership: finding('KEY_NOT_OWNED_BY_ISSUER', `key ${key.id} is controlled by ${key.controller}, not by issuer ${issuerId}`),
    };
  }
  notes.push(`key ${key.id} (${source}) is not linked to issuer ${issuerId}: the issuer id cannot be resolved to confirm it`);
  return { ...key, notes };
}

/** Finds a verification method by id in a controller document (DID document or issuer profile). */
export function findMethod(doc: JsonObject, keyId: string): JsonObject | undefined {
  const docId = asString(doc.id) ?? '';
  const absolute = (id: string) => (id.startsWith('#') ? docId + id : id);
  if (asString(doc.id) === keyId && (doc.publicKeyMultibase || doc.publicKeyJwk)) return doc;
  for (const list of [doc.verificationMethod, doc.assertionMethod, doc.publicKey, doc.authentication]) {
    for (const vm of asArray(list)) {
      if (isObject(vm) && typeof vm.id === 'string' && absolute(vm.id) === keyId) return vm;
    }
  }
  return undefined;
}

/** True when a DID document lists the key under `relationship` (by reference or embedded). */
export function listedUnder(doc: JsonObject, keyId: string, relationship: 'assertionMethod' | 'authentication'): boolean {
  const docId = asString(doc.id) ?? '';
  return asArray(doc[relationship]).some((entry) => {
    const id = typeof entry === 'string' ? entry : isObject(entry) ? asString(entry.id) : undefined;
    return id !== undefined && (id.startsWith('#') ? docId + id : id) === keyId;
  });
}

async function resolveDidKey(keyId: string, issuerId: string | undefined): Promise<KeyResolution> {
  const did = stripFragment(keyId);
  const multibase = did.slice('did:key:'.length);
  const fragment = keyId.includes('#') ? keyId.slice(keyId.indexOf('#') + 1) : multibase;
  if (fragment !== multibase) return fail('UNKNOWN_KEY', `${keyId}: a did:key key id must end in #${multibase}`);
  try {
    // resolve through the did:key driver: it rejects malformed and non-Ed25519 keys
    const doc = await didKey.get({ did });
    if (!isObject(doc) || asString(doc.id) !== did) return fail('UNKNOWN_KEY', `${keyId} does not resolve to a DID document`);
  } catch (error) {
    return fail('UNKNOWN_KEY', `${keyId} is not a usable did:key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const key = await fromMultibase(keyId, did, multibase);
  if (!key) return fail('UNKNOWN_KEY', `${keyId} is not an Ed25519 did:key`);
  return { ok: true, key: judgeOwnership(key, issuerId, 'did:key') };
}

async function resolveDidWeb(keyId: string, issuerId: string | undefined, resolver: Resolver): Promise<KeyResolution> {
  const did = stripFragment(keyId);
  const url = didWebToUrl(did);
  if (!url) return fail('UNKNOWN_KEY', `${keyId} is not a valid did:web URL`);
  const loaded = await loadNode(url, `DID document of ${did}`, resolver, 'ISSUER_UNREACHABLE', 'UNKNOWN_KEY');
  if (!loaded.ok) return { ok: false, finding: loaded.finding };
  const doc = loaded.doc;
  if (asString(doc.id) !== did) return fail('UNKNOWN_KEY', `DID document at ${url} has id ${JSON.stringify(doc.id)}, expected ${did}`);
  const vm = findMethod(doc, keyId);
  if (!vm) return fail('UNKNOWN_KEY', `DID document of ${did} has no verification method ${keyId}`);
  const key = await fromVerificationMethod(keyId, did, vm);
  if (!key) return fail('UNKNOWN_KEY', `verification method ${keyId} has no usable public key`);
  if (!listedUnder(doc, keyId, 'assertionMethod')) {
    return {
      ok: true,
      key: { ...key, ownership: finding('KEY_NOT_OWNED_BY_ISSUER', `DID document of ${did} does not list ${keyId} under assertionMethod`) },
    };
  }
  return { ok: true, key: judgeOwnership(key, issuerId, 'did:web') };
}

async function resolveHttpKey(keyId: string, issuerId: string | undefined, resolver: Resolver): Promise<KeyResolution> {
  const controller = stripFragment(keyId);
  const fragment = keyId.includes('#') ? keyId.slice(keyId.indexOf('#') + 1) : '';
  if (fragment.startsWith('z6Mk')) {
    // 1EdTech convention: `<issuer id>#<multikey>` carries the key itself, no fetch needed
    const key = await fromMultibase(keyId, controller, fragment);
    if (!key) return fail('UNKNOWN_KEY', `${keyId}: fragment is not a valid Ed25519 multikey`);
    return { ok: true, key: judgeOwnership(key, issuerId, 'fragment') };
  }
  const loaded = await loadNode(controller, `key document ${controller}`, resolver, 'ISSUER_UNREACHABLE', 'UNKNOWN_KEY');
  if (!loaded.ok) return { ok: false, finding: loaded.finding };
  const vm = findMethod(loaded.doc, keyId);
  if (!vm) return fail('UNKNOWN_KEY', `${controller} declares no verification method ${keyId}`);
  const owner = asString(vm.controller) ?? asString(loaded.doc.id) ?? controller;
  const key = await fromVerificationMethod(keyId, owner, vm);
  if (!key) return fail('UNKNOWN_KEY', `verification method ${keyId} has no usable public key`);
  return { ok: true, key: judgeOwnership(key, issuerId, 'published') };
}

/** A self-certifying EC key (did:jwk, P-256/P-384 did:key), judged like an Ed25519 did:key. */
function ecKey(resolved: EcKey, issuerId: string | undefined): KeyResolution {
  if (!resolved.ok) return fail('UNKNOWN_KEY', resolved.detail);
  const key: ResolvedKey = { id: resolved.id, controller: resolved.controller, publicKeyJwk: resolved.publicKeyJwk, notes: [] };
  return { ok: true, key: judgeOwnership(key, issuerId, 'did:key') };
}

/** Resolves a key id; `issuerId` is the credential's issuer, to judge ownership. */
export async function resolveKey(keyId: unknown, issuerId: string | undefined, resolver: Resolver): Promise<KeyResolution> {
  if (typeof keyId !== 'string' || keyId.length === 0) return fail('UNKNOWN_KEY', 'proof.verificationMethod is missing');
  if (keyId.startsWith('did:jwk:')) return ecKey(keyFromDidJwk(keyId), issuerId);
  if (isEcDidKey(keyId)) return ecKey(await keyFromEcDidKey(keyId), issuerId);
  if (keyId.startsWith('did:key:')) return resolveDidKey(keyId, issuerId);
  if (keyId.startsWith('did:web:')) return resolveDidWeb(keyId, issuerId, resolver);
  if (keyId.startsWith('did:'))
    return fail('UNKNOWN_KEY', `${keyId}: DID method ${keyId.split(':')[1]} is not supported (did:key, did:jwk and did:web are)`);
  if (/^https?:\/\//.test(keyId)) return resolveHttpKey(keyId, issuerId, resolver);
  return fail('UNKNOWN_KEY', `${keyId}: not a did:key, did:web or http(s) key reference`);
}

/** A key given inline as a JWK (VC-JWT `jwk` header): usable, but proves nothing about the issuer. */
export function keyFromJwk(jwk: Record<string, unknown>, issuerId: string | undefined): ResolvedKey {
  return {
    id: 'jwk-header',
    controller: issuerId ?? '',
    publicKeyJwk: jwk,
    notes: ['key taken from the JOSE header "jwk" (self-asserted, as the 1EdTech validator accepts); the issuer profile is not consulted'],
  };
}
