/**
 * Baked SVG badges: an `openbadges:assertion` (OB 2.0) or
 * `openbadges:credential` (OB 3.0) element whose `verify` attribute holds a JWS
 * or URL, or whose content (often CDATA) holds JSON.
 */
import type { Extracted } from './png.ts';

const ELEMENT = /<([A-Za-z_][\w.-]*):(assertion|credential)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1:\2\s*>)/;
const VERIFY_ATTRIBUTE = /\bverify\s*=\s*("([^"]*)"|'([^']*)')/;

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Reads the baked badge out of SVG text (pure). */
export function extractSvgBadge(svg: string): Extracted {
  const match = ELEMENT.exec(svg);
  if (!match) return { ok: false, error: 'SVG has no openbadges:assertion or openbadges:credential element: no badge is baked into it' };
  const verify = VERIFY_ATTRIBUTE.exec(match[3] ?? '');
  if (verify) return { ok: true, text: decodeEntities(verify[2] ?? verify[3] ?? '').trim() };
  const content = (match[4] ?? '').trim();
  const cdata = /^<!\[CDATA\[([\s\S]*?)\]\]>$/.exec(content);
  const text = cdata ? cdata[1]! : decodeEntities(content);
  if (text.trim().length === 0)
    return { ok: false, error: `SVG ${match[1]}:${match[2]} element has neither a verify attribute nor content` };
  return { ok: true, text: text.trim() };
}
