/**
 * Issuer-provided URLs (badge images, credential ids, evidence links) as the
 * API passes them on: only what a browser can show or follow harmlessly.
 * Credentials are data from anyone who can get a badge listed; an image or a
 * link must never become a script, a local file or a request with secrets.
 * Pure; the web app checks the same again before rendering.
 */

/** Longest URL passed on (a longer one is dropped, not cut). */
export const MAX_URL_LENGTH = 2048;
/** Largest data: image URI passed on (the index keeps a keyword of at most 32 KB anyway). */
export const MAX_DATA_IMAGE_LENGTH = 32_000;

/** Raster types and SVG: an SVG shown through `<img>` never runs scripts or loads anything. */
const DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp|svg\+xml)(;charset=[\w-]+)?(;base64)?,[A-Za-z0-9+/=%._~!$&'()*,;:@?-]*$/;

function parsedUrl(value: string, protocols: readonly string[]): string | null {
  if (value.length > MAX_URL_LENGTH || /[\s<>"`\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  // No credentials in the URL: they would be sent to whoever serves it.
  if (!protocols.includes(url.protocol) || url.username || url.password || !url.hostname) return null;
  return url.href;
}

/** An https URL or a data:image URI of a safe type; null for anything else. */
export function safeImage(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.startsWith('data:')) return value.length <= MAX_DATA_IMAGE_LENGTH && DATA_IMAGE.test(value) ? value : null;
  return parsedUrl(value, ['https:']);
}

/** An http(s) link (credential pages, evidence); null for javascript:, data:, file: and the like. */
export function safeLink(value: string | null | undefined): string | null {
  return value ? parsedUrl(value, ['https:', 'http:']) : null;
}
