/**
 * Deterministic RSA key pairs for the OB 2.0 signing issuers. Node cannot
 * seed its RSA key generation, and a data set must be byte-identical for the
 * same seed, so the primes are drawn from a SHA-256 counter stream of the seed
 * and checked with OpenSSL's primality test. Demo keys only: never use a key
 * whose seed is public for anything real.
 */
import { checkPrimeSync, createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** An RSA key pair: the private key for `signOb2Assertion`, the public key as PEM for the issuer's key document. */
export interface DemoRsaKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** The private key as a JWK, so worker threads can rebuild it without regenerating. */
  privateJwk: Record<string, string>;
}

const E = 65537n;

/** Deterministic bytes: SHA-256(seed || counter), concatenated. */
function byteStream(seed: Uint8Array): (length: number) => Buffer {
  let counter = 0;
  return (length) => {
    const blocks: Buffer[] = [];
    for (let have = 0; have < length; have += 32) {
      blocks.push(createHash('sha256').update(seed).update(String(counter++)).digest());
    }
    return Buffer.concat(blocks).subarray(0, length);
  };
}

const toBigInt = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex')}`);

function toBase64Url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('no modular inverse');
  return ((oldS % m) + m) % m;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A prime of exactly `bits` bits (top two bits set, so p*q has 2*bits bits) with gcd(e, p-1) = 1. */
function nextPrime(random: (length: number) => Buffer, bits: number): bigint {
  for (;;) {
    const bytes = random(bits / 8);
    bytes[0] = bytes[0]! | 0xc0;
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! | 1;
    const candidate = toBigInt(bytes);
    if (gcd(E, candidate - 1n) === 1n && checkPrimeSync(candidate, { checks: 32 })) return candidate;
  }
}

/** A 2048-bit RSA key pair derived from `seed` (same seed, same key). */
export function deterministicRsaKey(seed: Uint8Array): DemoRsaKey {
  const random = byteStream(seed);
  const p = nextPrime(random, 1024);
  let q = nextPrime(random, 1024);
  while (q === p) q = nextPrime(random, 1024);
  const n = p * q;
  const d = modInverse(E, (p - 1n) * (q - 1n));
  const privateJwk = {
    kty: 'RSA',
    n: toBase64Url(n),
    e: toBase64Url(E),
    d: toBase64Url(d),
    p: toBase64Url(p),
    q: toBase64Url(q),
    dp: toBase64Url(d % (p - 1n)),
    dq: toBase64Url(d % (q - 1n)),
    qi: toBase64Url(modInverse(q, p)),
  };
  return rsaKeyFromJwk(privateJwk);
}

/** Rebuilds a key pair from its private JWK. */
export function rsaKeyFromJwk(privateJwk: Record<string, string>): DemoRsaKey {
  const privateKey = createPrivateKey({ key: privateJwk, format: 'jwk' });
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, privateJwk };
}
