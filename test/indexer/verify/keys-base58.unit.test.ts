/** Ed25519VerificationKey2018 `publicKeyBase58` read as the multikey the suites take (pure). */
import { decode, encode } from 'base58-universal';
import { describe, expect, it } from 'vitest';
import { ed25519MultibaseOfBase58 } from '../../../indexer/verify/keys-base58.ts';

describe('publicKeyBase58 (Ed25519 2018 keys)', () => {
  it('gives back the did:key multikey of the same public key (the JFF plugfest 1 issuer key)', () => {
    const multikey = 'z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj';
    const raw = decode(multikey.slice(1)).slice(2); // drop the 0xed 0x01 multicodec header
    expect(raw).toHaveLength(32);
    expect(ed25519MultibaseOfBase58(encode(raw))).toBe(multikey);
  });

  it('refuses what is not 32 bytes of base58', () => {
    expect(ed25519MultibaseOfBase58('0OIl')).toBeUndefined();
    expect(ed25519MultibaseOfBase58(encode(new Uint8Array(31)))).toBeUndefined();
  });
});
