/**
 * Ed25519 keys published the 2018 way (`Ed25519VerificationKey2018` with
 * `publicKeyBase58`, common in did:web documents of that era) as the multikey
 * the proof suites take: `z` + base58btc(0xed 0x01 + the 32-byte key). Pure.
 */
import { decode, encode } from 'base58-universal';

/** The multibase form of a base58 Ed25519 public key, or undefined when it is not 32 bytes of base58. */
export function ed25519MultibaseOfBase58(publicKeyBase58: string): string | undefined {
  try {
    const raw = decode(publicKeyBase58);
    if (raw.length !== 32) return undefined;
    return `z${encode(Uint8Array.from([0xed, 0x01, ...raw]))}`;
  } catch {
    return undefined;
  }
}
