/** Hostile inputs built on the fly (nothing large is committed). */
import { crc32, deflateRawSync, deflateSync, constants } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1x1 PNG with the given extra chunks before IEND. */
export function pngWith(chunks: { type: string; data: Uint8Array }[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const idat = deflateSync(Buffer.from([0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...chunks.map((c) => chunk(c.type, c.data)),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ]);
}

/**
 * A zlib stream that inflates to `mib` MiB of zeros while weighing about
 * 1/1000 of that: one deflated 16 MiB block, byte-aligned by a sync flush,
 * repeated, then a final empty block and the matching Adler-32.
 */
export function zlibBomb(mib: number): Buffer {
  const piece = 16 * 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(piece), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const repeats = Math.ceil(mib / 16);
  const total = repeats * piece;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0, 0); // zeros: a stays 1, b grows by 1 per byte
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(repeats).fill(block), Buffer.from([0x03, 0x00]), adler]);
}

/** iTXt chunk data: keyword, compression flag and method, empty language and translated keyword, text. */
export function iTXt(keyword: string, body: Uint8Array, compressed: boolean): { type: string; data: Buffer } {
  return { type: 'iTXt', data: Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from([compressed ? 1 : 0, 0, 0, 0]), body]) };
}

/** zTXt chunk data: keyword, compression method, compressed text. */
export function zTXt(keyword: string, compressedBody: Uint8Array): { type: string; data: Buffer } {
  return { type: 'zTXt', data: Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from([0]), compressedBody]) };
}
