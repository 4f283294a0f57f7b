/**
 * Issuer-provided URLs as the page uses them: the API already passes on only
 * safe ones (`api/badges/safe-links.ts`); the page checks again before it
 * renders, so a value from anywhere else can never become a script or a
 * local file. Pure.
 */

// The whole URI, as the API checks it: no markup characters, so no SVG written out in plain text.
const DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp|svg\+xml)(;charset=[\w-]+)?(;base64)?,[A-Za-z0-9+/=%._~!$&'()*,;:@?-]*$/;
const MAX_DATA_IMAGE_LENGTH = 32_000;

function urlWith(value: string, protocols: readonly string[]): string | null {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

/** An `<img src>`: https, or a data:image URI of a safe type; null for anything else. */
export function safeImageSrc(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.startsWith('data:')) return value.length <= MAX_DATA_IMAGE_LENGTH && DATA_IMAGE.test(value) ? value : null;
  return urlWith(value, ['https:']);
}

/** An `<a href>`: http(s) only (never javascript:, data: or file:). */
export function safeHref(value: string | null | undefined): string | null {
  return value ? urlWith(value, ['https:', 'http:']) : null;
}
