/**
 * Reads OB 2.0 documents by their JSON-LD meaning, not by one spelling: a key
 * that the OB 2.0 context makes an alias of a term (`verify` for
 * `verification`), or a compact or absolute IRI naming a term's IRI
 * (`obi:verify`, `https://w3id.org/openbadges#recipient`), is renamed to the
 * term the verifier reads, and so is a type given as an IRI (`obi:Assertion`).
 * Pure; built once from the pinned context.
 */
import { OB2_CONTEXT_URL, PINNED_CONTEXTS } from './contexts.ts';
import { isObject, type JsonObject } from './json.ts';

type TermDefinitions = Record<string, unknown>;

function definitions(): TermDefinitions {
  const doc = PINNED_CONTEXTS.get(OB2_CONTEXT_URL);
  return isObject(doc) && isObject(doc['@context']) ? doc['@context'] : {};
}

/** Expands a term, compact IRI or absolute IRI to an absolute IRI (undefined when it names nothing). */
function expand(value: string, defs: TermDefinitions, seen = new Set<string>()): string | undefined {
  if (seen.has(value)) return undefined;
  seen.add(value);
  const def = defs[value];
  if (typeof def === 'string') return expand(def, defs, seen);
  if (isObject(def) && typeof def['@id'] === 'string') return expand(def['@id'], defs, seen);
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = defs[value.slice(0, colon)];
    if (typeof prefix === 'string' && !value.slice(colon + 1).startsWith('//')) return prefix + value.slice(colon + 1);
    return value;
  }
  return undefined;
}

/**
 * Spelling -> term. Terms themselves are never renamed; an IRI that two terms
 * share (`obi:revoked` is both `revoked` and `revokedAssertions`) is ambiguous
 * and left alone.
 */
function buildRenames(defs: TermDefinitions): Map<string, string> {
  const termsByIri = new Map<string, string[]>();
  const aliases = new Map<string, string>();
  for (const [term, def] of Object.entries(defs)) {
    if (term.startsWith('@') || term.includes(':')) continue;
    if (typeof def === 'string' && typeof defs[def] !== 'undefined' && !def.includes(':')) {
      aliases.set(term, def); // `verify: "verification"`: an alias of another term
      continue;
    }
    const iri = expand(term, defs);
    if (iri) termsByIri.set(iri, [...(termsByIri.get(iri) ?? []), term]);
  }
  const renames = new Map(aliases);
  for (const [iri, terms] of termsByIri) {
    if (terms.length !== 1) continue;
    renames.set(iri, terms[0]!);
    for (const [prefix, base] of Object.entries(defs)) {
      if (typeof base === 'string' && iri.startsWith(base) && base.length < iri.length && /[#/]$/.test(base))
        renames.set(`${prefix}:${iri.slice(base.length)}`, terms[0]!);
    }
  }
  return renames;
}

const RENAMES = buildRenames(definitions());

/**
 * Type values spelled as compact or absolute IRIs (`obi:Assertion`,
 * `https://w3id.org/openbadges#BadgeClass`) -> the class term. Where two terms
 * share an IRI (`hosted` and `HostedBadge`), the class name wins.
 */
function buildTypeRenames(defs: TermDefinitions): Map<string, string> {
  const byIri = new Map<string, string>();
  for (const term of Object.keys(defs)) {
    if (!/^[A-Z]/.test(term)) continue;
    const iri = expand(term, defs);
    if (iri && !byIri.has(iri)) byIri.set(iri, term);
  }
  const renames = new Map<string, string>();
  for (const [iri, term] of byIri) {
    renames.set(iri, term);
    for (const [prefix, base] of Object.entries(defs)) {
      if (typeof base === 'string' && /[#/]$/.test(base) && iri.startsWith(base) && iri.length > base.length)
        renames.set(`${prefix}:${iri.slice(base.length)}`, term);
    }
  }
  return renames;
}

const TYPE_RENAMES = buildTypeRenames(definitions());

function readTypeValue(value: unknown): unknown {
  if (typeof value === 'string') return TYPE_RENAMES.get(value) ?? value;
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? (TYPE_RENAMES.get(v) ?? v) : v)) : value;
}

/** The term an OB 2.0 key spells, or the key itself. */
export function ob2TermOf(key: string): string {
  return RENAMES.get(key) ?? key;
}

/** A copy of an OB 2.0 document with every aliased or IRI-spelled key renamed to its term (`@context` untouched); the term's own spelling wins a clash. */
export function readOb2Terms<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => readOb2Terms(v)) as T;
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const term = key === '@context' ? key : ob2TermOf(key);
    if (term !== key && term in value) continue;
    out[term] = key === '@context' ? child : term === 'type' || term === '@type' ? readTypeValue(child) : readOb2Terms(child);
  }
  return out as T;
}
