/** Format detection of one input item (pure): which container holds it, and what a JSON document claims to be. */
import { isObject, type JsonObject } from '../verify/json.ts';
import { looksLikeOb1 } from '../verify/ob1.ts';
import { looksLikeOb2 } from '../verify/ob2-checks.ts';
import { isClr, looksLikeVc } from '../verify/ob3-checks.ts';

/** The container of an input item. */
export type ContainerFormat = 'png' | 'svg' | 'json' | 'jws' | 'sd-jwt' | 'url' | 'unknown';

/** What a JSON document claims to be. */
export type JsonKind = 'ob1-assertion' | 'ob2-assertion' | 'ob3-credential' | 'clr' | 'unknown';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Base64url segments as a JWS has them; the part count is checked when decoding, so a truncated JWS is reported as such. */
const JWS_LIKE = /^eyJ[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)*$/;
/** SD-JWT: an issuer-signed JWT, then `~`-separated disclosures, optionally ending in a key binding JWT. */
const SD_JWT_LIKE =
  /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*~([A-Za-z0-9_-]+~)*([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)?$/;

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Input bytes as text (UTF-8, byte order mark dropped). */
export function bytesToText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Classifies text content: JSON, compact JWS, SVG, a bare URL. */
export function detectTextFormat(text: string): ContainerFormat {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'json';
  if (JWS_LIKE.test(trimmed)) return 'jws';
  if (SD_JWT_LIKE.test(trimmed)) return 'sd-jwt';
  if (trimmed.startsWith('<') && /<svg[\s>]/i.test(trimmed)) return 'svg';
  if (/^https?:\/\/\S+$/.test(trimmed)) return 'url';
  return 'unknown';
}

export function detectFormat(bytes: Uint8Array): ContainerFormat {
  return isPng(bytes) ? 'png' : detectTextFormat(bytesToText(bytes));
}

export function classifyJson(doc: unknown): JsonKind {
  if (!isObject(doc)) return 'unknown';
  const node: JsonObject = doc;
  if (isClr(node)) return 'clr';
  if (looksLikeVc(node)) return 'ob3-credential';
  if (looksLikeOb1(node)) return 'ob1-assertion';
  if (looksLikeOb2(node)) return 'ob2-assertion';
  return 'unknown';
}
