/** Loads linked documents: embedded objects are used as they are, IRIs are fetched through the resolver. */
import { isObject, type JsonObject } from './json.ts';
import { httpStatusIn, isMissingStatus } from './fetch-errors.ts';
import { fetchJson, type Resolver } from './resolver.ts';
import { finding, type Finding } from './result.ts';
import type { ReasonCode } from './types.ts';

/** On failure, `gone` is the JSON body a 404/410 answered with, if any (an OB 2.0 revoked assertion says why there). */
export type Loaded = { ok: true; doc: JsonObject } | { ok: false; finding: Finding; gone?: JsonObject; status?: number };

/**
 * Returns an embedded node, or fetches the node an IRI names.
 * `unreachable` is the reason code used when the fetch fails; `missing`, when
 * given, the one used when the document does not exist (404/410, no mapped file).
 */
export async function loadNode(
  value: unknown,
  where: string,
  resolver: Resolver,
  unreachable: ReasonCode = 'ISSUER_UNREACHABLE',
  missing?: ReasonCode,
): Promise<Loaded> {
  if (isObject(value)) return { ok: true, doc: value };
  if (typeof value !== 'string' || value.length === 0) {
    return { ok: false, finding: finding('MALFORMED', `${where} is neither an IRI nor an object`) };
  }
  const fetched = await fetchJson(resolver, value);
  if (!fetched.ok) {
    // a key that cannot be fetched fails (or leaves unchecked) the key check, whatever the reason code
    const check = missing === 'UNKNOWN_KEY' ? { check: 'key' as const } : {};
    const status = fetched.status ?? httpStatusIn(fetched.error);
    const extra = { ...goneBody(fetched.body), ...(status ? { status } : {}) };
    if (missing && (fetched.missing ?? (status !== undefined && isMissingStatus(status))))
      return { ok: false, finding: { ...finding(missing, `${where} does not exist: ${fetched.error}`), ...check }, ...extra };
    return { ok: false, finding: { ...finding(unreachable, `${where} could not be fetched: ${fetched.error}`), ...check }, ...extra };
  }
  if (!isObject(fetched.doc)) return { ok: false, finding: finding('MALFORMED', `${where} at ${value} is not a JSON object`) };
  return { ok: true, doc: fetched.doc };
}

function goneBody(body: string | undefined): { gone?: JsonObject } {
  if (!body) return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    return isObject(parsed) ? { gone: parsed } : {};
  } catch {
    return {};
  }
}
