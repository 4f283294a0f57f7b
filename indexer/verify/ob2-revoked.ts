/**
 * The OB 2.0 short revocation body (pure): a hosted assertion that was revoked
 * may answer, with 410 Gone or 200, only `{"@context", "id", "revoked": true,
 * "revocationReason"}`. That is a revocation, not a malformed or mismatching
 * assertion, and it is reported as REVOKED alone.
 */
import { asString, isObject, type JsonObject } from './json.ts';
import { readOb2Terms } from './ob2-terms.ts';
import { finding, type Finding } from './result.ts';

/** The REVOKED finding when `body` is a revocation notice for assertion `id` (or names no id); else undefined. */
export function revokedHostedBody(body: JsonObject | undefined, id: string): Finding | undefined {
  if (!isObject(body)) return undefined;
  const doc = readOb2Terms(body);
  if (doc.revoked !== true) return undefined;
  const bodyId = asString(doc.id);
  if (bodyId && bodyId !== id) return undefined;
  const reason = asString(doc.revocationReason);
  return finding('REVOKED', `the assertion hosted at ${id} is revoked${reason ? `: ${reason}` : ''}`);
}
