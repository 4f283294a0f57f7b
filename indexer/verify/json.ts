/** Small readers for untrusted JSON values. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value, or every value of an array, as an array (JSON-LD lets one value stand for a set). */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The id of a node given either as an IRI string or as an object with `id`. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return asString(value);
  return isObject(value) ? asString(value.id) : undefined;
}

/** The values of `type` (or `@type`) as strings. */
export function typesOf(node: JsonObject): string[] {
  return asArray(node.type ?? node['@type']).filter((t): t is string => typeof t === 'string');
}

/** Parses JSON, returning the parse error text instead of throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}
