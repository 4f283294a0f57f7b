/** Compact JWS decoding without verification (pure): which format a JWS carries is known only from its payload. */
import { base64url, decodeProtectedHeader } from 'jose';
import { parseJson } from './json.ts';

/** Decodes the payload of a compact JWS without verifying it. */
export function decodeJwsPayload(jws: string): { ok: true; payload: unknown } | { ok: false; error: string } {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
    return { ok: false, error: `a compact JWS has three base64url parts separated by ".", found ${parts.length}` };
  }
  try {
    decodeProtectedHeader(jws.trim());
  } catch (error) {
    return { ok: false, error: `JWS header is not valid: ${error instanceof Error ? error.message : String(error)}` };
  }
  const text = new TextDecoder().decode(base64url.decode(parts[1]!));
  const parsed = parseJson(text);
  return parsed.ok ? { ok: true, payload: parsed.value } : { ok: false, error: `JWS payload is not JSON: ${parsed.error}` };
}
