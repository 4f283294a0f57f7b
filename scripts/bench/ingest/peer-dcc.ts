/**
 * The peer in `bench:ingest`: the Digital Credentials Consortium's verifier
 * (`@digitalcredentials/verifier-core`, a devDependency), run in this one
 * Node process on the credentials it understands (OB 3.0 JSON-LD with a Data
 * Integrity `eddsa-rdfc-2022` or `Ed25519Signature2020` proof; it has no
 * VC-JWT and no OB 2.0 path), beside ours on the same subset.
 *
 * Nothing leaves the machine: before the peer is loaded, the global `fetch`
 * (which its HTTP client, `ky`, and its schema and registry look-ups use) is
 * wrapped to refuse every URL not on 127.0.0.1; the demo issuers' status
 * lists are served there. What it refused (the OB 3.0 JSON schemas it would
 * download from purl.imsglobal.org) is counted and reported. Its issuer
 * registry look-up is given no registries, so it does none (recognition is
 * not part of what is compared: signatures, keys, status, dates are).
 */
import type { NormalizedCredential } from '../../../indexer/verify/types.ts';

/** One credential's answer, in words both verifiers can be mapped to. */
export type Answer = 'valid' | 'invalid signature' | 'revoked' | 'expired' | 'not yet valid' | 'status not checked' | `other: ${string}`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Refused outbound requests by host (should only be the peer's schema downloads). */
export const refusedFetches = new Map<string, number>();

let guarded = false;

/** Wraps the global fetch so that only loopback URLs are fetched; idempotent. */
export function allowLoopbackFetchOnly(): void {
  if (guarded) return;
  guarded = true;
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (!LOOPBACK.has(url.hostname)) {
      refusedFetches.set(url.host, (refusedFetches.get(url.host) ?? 0) + 1);
      throw new Error(`bench: refused a fetch of ${url.href} (only 127.0.0.1 is reachable in the benchmark)`);
    }
    return original(input, init);
  }) as typeof fetch;
}

interface PeerResponse {
  errors?: { name?: string; message: string }[];
  log?: { id: string; valid?: boolean; error?: { name?: string; message: string } }[];
  /** Left on the response when a date check threw after the signature verified. */
  error?: { message?: string };
}

/** Maps the peer's response to an answer: fatal errors first, then its log in the order it checks. */
export function peerAnswer(response: PeerResponse): Answer {
  const fatal = response.errors?.[0];
  if (fatal) return fatal.name === 'invalid_signature' ? 'invalid signature' : `other: ${fatal.name ?? fatal.message}`;
  const step = (id: string) => response.log?.find((s) => s.id === id);
  if (step('valid_signature')?.valid === false) return 'invalid signature';
  const status = step('revocation_status');
  if (status?.error) return 'status not checked';
  if (status?.valid === false) return 'revoked';
  if (step('expiration')?.valid === false) return 'expired';
  if (response.error?.message?.includes('is before "validFrom"')) return 'not yet valid';
  if (response.error) return `other: ${response.error.message ?? 'error'}`;
  return 'valid';
}

/** Maps our verification to an answer, with the same precedence as the peer's. */
export function ourAnswer(credential: NormalizedCredential | undefined): Answer {
  if (!credential) return 'other: no result';
  const { status, reasons } = credential.verification;
  if (status === 'VERIFIED') return 'valid';
  const has = (...codes: string[]) => reasons.some((r) => codes.includes(r));
  if (has('BAD_SIGNATURE', 'UNKNOWN_KEY', 'KEY_NOT_OWNED_BY_ISSUER', 'NO_PROOF')) return 'invalid signature';
  if (has('REVOKED')) return 'revoked';
  if (has('EXPIRED')) return 'expired';
  if (has('NOT_YET_VALID')) return 'not yet valid';
  if (has('STATUS_UNREACHABLE')) return 'status not checked';
  return `other: ${reasons.join(',')}`;
}

/** True for a line the peer can verify: a JSON-LD verifiable credential with an embedded proof. */
export function peerUnderstands(bytes: Uint8Array): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const doc = parsed as Record<string, unknown>;
  const contexts = doc['@context'];
  return Array.isArray(contexts) && contexts.includes('https://www.w3.org/ns/credentials/v2') && typeof doc.proof === 'object';
}

type PeerVerify = (credential: object) => Promise<PeerResponse>;

/** Loads the peer after the fetch guard is in place (its modules build their loaders at import). */
export async function loadPeer(): Promise<PeerVerify> {
  allowLoopbackFetchOnly();
  const { verifyCredential } = await import('@digitalcredentials/verifier-core');
  return async (credential) =>
    (await verifyCredential({ credential: credential as never, knownDIDRegistries: [] })) as unknown as PeerResponse;
}
