/**
 * Baked PNG badges: the `iTXt` chunk with keyword `openbadges` (OB 2.0) or
 * `openbadgecredential` (OB 3.0), or a legacy `tEXt` / `zTXt` one, holds JSON, a JWS or a URL.
 *
 * Compressed text is inflated with a ceiling (`MAX_DOCUMENT_BYTES`): a few
 * hundred kilobytes of deflate can expand to gigabytes (a decompression bomb).
 */
import { inflateSync } from 'node:zlib';
import { MAX_DOCUMENT_BYTES, mib } from './limits.ts';
import { isPng } from './detect.ts';

/** `malformed`: the badge is there but broken (reason MALFORMED), rather than absent or unsupported. */
export type Extracted = { ok: true; text: string } | { ok: false; error: string; malformed?: boolean };

const KEYWORDS = new Set(['openbadges', 'openbadgecredential']);

/** Reads the baked badge text out of a PNG (pure). */
export function extractPngBadge(bytes: Uint8Array): Extracted {
  if (!isPng(bytes)) return { ok: false, error: 'not a PNG (signature missing)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = latin1.decode(bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    const end = start + length;
    if (end + 4 > bytes.length) return { ok: false, error: `PNG chunk ${type} at byte ${offset} is truncated` };
    const data = bytes.subarray(start, end);
    if (type === 'iTXt' || type === 'tEXt' || type === 'zTXt') {
      const text = type === 'iTXt' ? readITXt(data) : type === 'zTXt' ? readZTXt(data) : readTEXt(data);
      if (text !== undefined) return text;
    }
    if (type === 'IEND') break;
    offset = end + 4; // skip CRC
  }
  return { ok: false, error: 'PNG has no iTXt chunk with keyword "openbadges" or "openbadgecredential": no badge is baked into it' };
}

function readTEXt(data: Uint8Array): Extracted | undefined {
  const nul = data.indexOf(0);
  if (nul < 0 || !KEYWORDS.has(new TextDecoder('latin1').decode(data.subarray(0, nul)))) return undefined;
  return { ok: true, text: new TextDecoder('latin1').decode(data.subarray(nul + 1)) };
}

/** zTXt layout: keyword NUL, compression method, compressed Latin-1 text. */
function readZTXt(data: Uint8Array): Extracted | undefined {
  const nul = data.indexOf(0);
  if (nul < 0 || !KEYWORDS.has(new TextDecoder('latin1').decode(data.subarray(0, nul)))) return undefined;
  const inflated = inflateBounded(data.subarray(nul + 2), 'zTXt');
  return inflated.ok ? { ok: true, text: new TextDecoder('latin1').decode(inflated.bytes) } : inflated;
}

/** Inflates at most `MAX_DOCUMENT_BYTES`; more is a decompression bomb, refused without allocating it. */
function inflateBounded(body: Uint8Array, chunk: string): { ok: true; bytes: Uint8Array } | { ok: false; error: string; malformed: true } {
  try {
    return { ok: true, bytes: inflateSync(body, { maxOutputLength: MAX_DOCUMENT_BYTES }) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        ok: false,
        malformed: true,
        error: `PNG ${chunk} badge text inflates to more than ${mib(MAX_DOCUMENT_BYTES)} (a decompression bomb); refused`,
      };
    }
    return {
      ok: false,
      malformed: true,
      error: `PNG ${chunk} badge text cannot be inflated: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** iTXt layout: keyword NUL, compression flag, compression method, language tag NUL, translated keyword NUL, text. */
function readITXt(data: Uint8Array): Extracted | undefined {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0 || !KEYWORDS.has(new TextDecoder('latin1').decode(data.subarray(0, keywordEnd)))) return undefined;
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return { ok: false, error: 'PNG iTXt badge chunk is malformed (missing NUL separators)' };
  const body = data.subarray(translatedEnd + 1);
  const inflated = compressed ? inflateBounded(body, 'iTXt') : { ok: true as const, bytes: body };
  if (!inflated.ok) return inflated;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes) };
  } catch (error) {
    return {
      ok: false,
      malformed: true,
      error: `PNG iTXt badge text cannot be decoded: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
