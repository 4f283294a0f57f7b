/**
 * Intake items (uploaded files, URLs) to the indexer's input units, the way
 * `expandInputs` turns files and URLs into units for a run: a CSV or JSON
 * platform export becomes one row unit per row (stored UNVERIFIED, as a run
 * does), a Verifiable Presentation becomes one unit per credential it
 * carries, a URL is fetched under the indexer's safe-fetch policy (public
 * addresses only, size and time limits, each redirect re-checked), and
 * everything else (baked PNG/SVG, JSON, compact JWS) is one credential unit.
 *
 * A presentation that carries a proof (the holder's signature; a VP-JWT is
 * always signed) is checked first (`checkedFileUnits`): a proof that fails
 * refuses the whole presentation (BAD_PRESENTATION_SIGNATURE), since someone
 * changed or forged it. One without a proof is unwrapped as it is. Either
 * way each credential in it is verified on its own, and the recipient check
 * decides whose it is: a holder's signature proves who sends the
 * credentials, not who earned them (and, with no challenge, it can be
 * replayed: only DID Auth proves control of a DID).
 */
import type { IntakeItem } from '../../mappings/credential-intake.ts';
import { csvRows, fetchUnit, tryImportRows, type InputUnit } from '../ingest/inputs.ts';
import type { FetchPolicy } from '../net/safe-fetch.ts';
import { MAX_INPUT_BYTES } from '../sources/limits.ts';
import { bytesToText, detectFormat } from '../sources/detect.ts';
import { isObject, type JsonObject } from '../verify/json.ts';
import type { Resolver } from '../verify/resolver.ts';
import { verifyPresentationProof } from '../did-auth/presentation-proof.ts';

/** The credentials a presentation carries (JSON objects or compact JWS strings), or null when `value` is not one. */
export function presentedCredentials(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const node = value as Record<string, unknown>;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (!types.includes('VerifiablePresentation')) return null;
  const carried = node.verifiableCredential;
  return carried === undefined ? [] : Array.isArray(carried) ? carried : [carried];
}

/** A VC-JWT presentation (`vp` claim) decoded without checking its holder signature (`checkedFileUnits` does), or null. */
function jwtPresentation(text: string): unknown[] | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return payload.vp ? presentedCredentials(payload.vp) : null;
  } catch {
    return null;
  }
}

function presentationUnits(source: string, carried: unknown[]): InputUnit[] {
  if (carried.length === 0) return [{ kind: 'problem', source, detail: `${source}: the presentation carries no credential` }];
  return carried.map((credential, i) => ({
    kind: 'credential' as const,
    source: `${source}#${i + 1}`,
    bytes: Buffer.from(typeof credential === 'string' ? credential : JSON.stringify(credential), 'utf8'),
  }));
}

/** One uploaded file to units. */
export function fileUnits(name: string, bytes: Uint8Array): InputUnit[] {
  if (bytes.length > MAX_INPUT_BYTES)
    return [
      { kind: 'problem', source: name, reason: 'TOO_LARGE', detail: `${name}: ${bytes.length} bytes is too large for one credential` },
    ];
  if (name.toLowerCase().endsWith('.csv')) return [...csvRows(bytesToText(bytes), name)];
  const format = detectFormat(bytes);
  if (format === 'json') {
    const text = bytesToText(bytes);
    const rows = tryImportRows(text);
    if (rows) return rows.map((row, i) => ({ kind: 'row' as const, source: `${name}[${i}]`, row, raw: JSON.stringify(row) }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined; // the credential reader reports the parse error (MALFORMED)
    }
    const carried = presentedCredentials(parsed);
    if (carried) return presentationUnits(name, carried);
  }
  if (format === 'jws') {
    const carried = jwtPresentation(bytesToText(bytes));
    if (carried) return presentationUnits(name, carried);
  }
  return [{ kind: 'credential', source: name, bytes }];
}

/** The presentation whose holder proof must be checked: a JSON VP with a `proof`, or a VP-JWT; null for anything else. */
export function signedPresentation(bytes: Uint8Array): JsonObject | string | null {
  const format = detectFormat(bytes);
  if (format === 'jws') {
    const text = bytesToText(bytes).trim();
    return jwtPresentation(text) ? text : null;
  }
  if (format !== 'json') return null;
  try {
    const parsed = JSON.parse(bytesToText(bytes)) as unknown;
    return presentedCredentials(parsed) && isObject(parsed) && parsed.proof !== undefined ? parsed : null;
  } catch {
    return null;
  }
}

/** How a holder's proof is checked: the indexer's resolver (DID documents through the safe fetch) and the time. */
export interface HolderCheck {
  resolver: Resolver;
  now: Date;
}

/** `fileUnits`, after the holder proof of a signed presentation is verified: one that fails refuses the whole file. */
export async function checkedFileUnits(name: string, bytes: Uint8Array, holder: HolderCheck): Promise<InputUnit[]> {
  const units = fileUnits(name, bytes);
  const signed = units.length > 0 && units[0]!.kind !== 'problem' ? signedPresentation(bytes) : null;
  if (!signed) return units;
  const verdict = await verifyPresentationProof(
    signed,
    { purposes: ['authentication', 'assertionMethod'], now: holder.now },
    holder.resolver,
  );
  if (verdict.ok) return units;
  return [
    {
      kind: 'problem',
      source: name,
      reason: 'BAD_PRESENTATION_SIGNATURE',
      detail: `the presentation's holder proof does not verify (${verdict.code}: ${verdict.message})`,
    },
  ];
}

/** Every item's units, in order; URLs are fetched under `policy` (the indexer's rules for remote inputs). */
export async function intakeUnits(items: readonly IntakeItem[], policy: FetchPolicy, holder: HolderCheck): Promise<InputUnit[]> {
  const units: InputUnit[][] = await Promise.all(
    items.map(async (item) => {
      if (item.kind === 'file') return checkedFileUnits(item.name, item.bytes, holder);
      const unit = await fetchUnit(item.url, policy);
      // A fetched presentation is unwrapped (and its holder proof checked) like an uploaded one.
      return unit.kind === 'credential' ? checkedFileUnits(item.url, unit.bytes, holder) : [unit];
    }),
  );
  return units.flat();
}
