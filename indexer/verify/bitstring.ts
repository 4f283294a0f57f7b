/** Bitstring Status List / StatusList2021 bitstrings (pure). */
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Decodes `encodedList`: GZIP-compressed bits, base64url encoded, with the
 * multibase prefix `u` (Bitstring Status List) or without it (StatusList2021).
 */
export function decodeStatusList(encodedList: string): Uint8Array {
  const base64 = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  return new Uint8Array(gunzipSync(Buffer.from(base64, 'base64url')));
}

/** Encodes bits the way issuers publish them (multibase base64url of GZIP). */
export function encodeStatusList(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** Bit `index` of the list; index 0 is the most significant bit of the first byte. Undefined when out of range. */
export function bitAt(bits: Uint8Array, index: number): boolean | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) return undefined;
  return ((bits[index >> 3]! >> (7 - (index % 8))) & 1) === 1;
}

/** Returns a copy of `bits` with bit `index` set (for issuing test and demo status lists). */
export function withBitSet(bits: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bits);
  copy[index >> 3] = copy[index >> 3]! | (1 << (7 - (index % 8)));
  return copy;
}
