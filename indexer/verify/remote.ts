/** Loads linked documents: embedded objects are used as they are, IRIs are fetched through the resolver. */
import { isObject, type JsonObject } from './json.ts';
import { fetchJson, type Resolver } from './resolver.ts';
import { finding, type Finding } from './result.ts';
import type { ReasonCode } from './types.ts';

export type Loaded = { ok: true; doc: JsonObject } | { ok: false; finding: Finding };

/**
 * Returns an embedded node, or fetches the node an IRI names.
 * `unreachable` is the reason code used when the fetch fails.
 */
export async function loadNode(
  value: unknown,
  where: string,
  resolver: Resolver,
  unreachable: ReasonCode = 'ISSUER_UNREACHABLE',
): Promise<Loaded> {
  if (isObject(value)) return { ok: true, doc: value };
  if (typeof value !== 'string' || value.length === 0) {
    return { ok: false, finding: finding('MALFORMED', `${where} is neither an IRI nor an object`) };
  }
  const fetched = await fetchJson(resolver, value);
  if (!fetched.ok) return { ok: false, finding: finding(unreachable, `${where} could not be fetched: ${fetched.error}`) };
  if (!isObject(fetched.doc)) return { ok: false, finding: finding('MALFORMED', `${where} at ${value} is not a JSON object`) };
  return { ok: true, doc: fetched.doc };
}
