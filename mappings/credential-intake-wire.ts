/**
 * The credential intake over HTTP: how an API started on its own (the Docker
 * image's API container) reaches the indexer's intake service
 * (`npm run indexer -- serve-intake`, `schedule --intake`). Both sides share
 * only `mappings/`, so the paths, the encoding and the checks of what crosses
 * the wire live here. Pure.
 *
 * Requests are JSON: `CredentialIntake`'s requests with each file's bytes in
 * base64 (`contentBase64`). Answers are `{ results: IntakeItemResult[] }`.
 * The same service verifies DID Auth presentations (`DidAuthentication`):
 * the request is `DidAuthRequest` as it is, the answer `{ verdict }`.
 * The caller proves itself with `Authorization: Bearer <INTAKE_TOKEN>`.
 */
import { z } from 'zod';
import { INTAKE_LIMITS, type EarnerIntakeRequest, type IntakeItemResult, type IssuerPushRequest } from './credential-intake.ts';
import {
  MAX_DIDS_PER_EARNER,
  MAX_PRESENTATION_CHARS,
  type DidAuthCode,
  type DidAuthRequest,
  type PresentationVerdict,
} from './did-auth.ts';

export const INTAKE_PATHS = {
  earner: '/v1/earner-credentials',
  issuer: '/v1/issuer-credentials',
  didAuth: '/v1/did-auth',
  health: '/health',
} as const;

/** Base64 of `bytes` bytes, plus 1 MiB for names, URLs, sources and JSON. */
const encodedBudget = (bytes: number) => Math.ceil(bytes / 3) * 4 + 1024 * 1024;

/** Largest request body the intake service reads per path (413 beyond). */
export const INTAKE_WIRE_LIMITS = {
  earnerBodyBytes: encodedBudget(INTAKE_LIMITS.maxEarnerTotalBytes),
  // Every pushed item is sent (the API refuses only those over the per-item limit): the whole push body, in base64.
  issuerBodyBytes: encodedBudget(INTAKE_LIMITS.maxPushBytes),
  // A presentation's characters as UTF-8 (at most 3 bytes each, escaped in JSON at most 6), plus the challenge and domain.
  didAuthBodyBytes: 6 * MAX_PRESENTATION_CHARS + 64 * 1024,
  /** An answer the API reads at most (results are small; 200 or 500 of them). */
  responseBytes: 8 * 1024 * 1024,
} as const;

/** The shortest INTAKE_TOKEN either side accepts. */
export const INTAKE_TOKEN_MIN_LENGTH = 32;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' });

const earnerItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), name: z.string().max(1000), contentBase64: base64 }),
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(INTAKE_LIMITS.maxUrlLength) }),
]);

// Loose objects: fields this side does not know yet (a newer API) pass through to the intake unchanged.
const earnerWire = z.looseObject({
  earnerId: z.string().min(1).max(200),
  email: z.string().min(3).max(320),
  items: z.array(earnerItem).min(1).max(INTAKE_LIMITS.maxEarnerItems),
  /** The DIDs the earner proved control of (DID Auth): credentials issued to them are the earner's too. */
  dids: z.array(z.string().min(1).max(2000)).max(MAX_DIDS_PER_EARNER).optional(),
});

const issuerWire = z.looseObject({
  issuerEntryId: z.string().min(1).max(2000),
  items: z
    .array(z.object({ source: z.string().max(100), contentBase64: base64 }))
    .min(1)
    .max(INTAKE_LIMITS.maxPushItems),
});

const resultWire = z.object({
  source: z.string(),
  outcome: z.enum(['ADDED', 'ALREADY_ADDED', 'REFUSED']),
  status: z.enum(['VERIFIED', 'UNVERIFIED', 'FAILED']).optional(),
  reasons: z.array(z.string()),
  message: z.string(),
  credentialId: z.string().optional(),
  badgeName: z.string().optional(),
  issuerName: z.string().optional(),
  issuerRecognition: z.enum(['RECOGNIZED', 'UNKNOWN', 'SUSPENDED']).optional(),
});
const resultsWire = z.object({ results: z.array(resultWire) });

const didAuthWire = z.object({
  presentation: z.string().min(1).max(MAX_PRESENTATION_CHARS),
  challenge: z.string().min(1).max(1000),
  domain: z.string().min(1).max(300),
});

// Every code, once: a code added to DidAuthCode and not here fails the type check.
const DID_AUTH_CODES: Record<DidAuthCode, true> = {
  MALFORMED_PRESENTATION: true,
  UNSUPPORTED_PROOF: true,
  UNSUPPORTED_DID_METHOD: true,
  DID_UNRESOLVABLE: true,
  KEY_NOT_AUTHORIZED: true,
  WRONG_PROOF_PURPOSE: true,
  BAD_PRESENTATION_SIGNATURE: true,
  HOLDER_MISMATCH: true,
  PRESENTATION_EXPIRED: true,
  WRONG_DOMAIN: true,
  CHALLENGE_MISMATCH: true,
  CHALLENGE_UNKNOWN: true,
  CHALLENGE_NOT_YOURS: true,
  CHALLENGE_EXPIRED: true,
  CHALLENGE_USED: true,
  DID_HELD_BY_ANOTHER_EARNER: true,
  TOO_MANY_DIDS: true,
  DID_AUTH_UNAVAILABLE: true,
};
const didAuthCode = z.enum(Object.keys(DID_AUTH_CODES) as [DidAuthCode, ...DidAuthCode[]]);

const verdictWire = z.object({
  verdict: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      did: z.string().min(1).max(2000),
      keyId: z.string().min(1).max(4000),
      format: z.enum(['data-integrity', 'vp-jwt']),
    }),
    z.object({ ok: z.literal(false), code: didAuthCode, message: z.string().max(4000) }),
  ]),
});

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export function encodeEarnerRequest(request: EarnerIntakeRequest): unknown {
  return {
    ...request,
    items: request.items.map((item) =>
      item.kind === 'file' ? { kind: 'file', name: item.name, contentBase64: toBase64(item.bytes) } : { kind: 'url', url: item.url },
    ),
  };
}

export function encodeIssuerRequest(request: IssuerPushRequest): unknown {
  return { ...request, items: request.items.map((item) => ({ source: item.source, contentBase64: toBase64(item.bytes) })) };
}

type Decoded<T> = { ok: true; request: T } | { ok: false; problem: string };

const problemOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

/** An earner request as the intake service received it, or what is wrong with it. */
export function decodeEarnerRequest(body: unknown): Decoded<EarnerIntakeRequest> {
  const parsed = earnerWire.safeParse(body);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  const request = parsed.data;
  const items = request.items.map((item) =>
    item.kind === 'file' ? { kind: 'file' as const, name: item.name, bytes: fromBase64(item.contentBase64) } : item,
  );
  const oversized = items.findIndex((i) => i.kind === 'file' && i.bytes.length > INTAKE_LIMITS.maxFileBytes);
  if (oversized >= 0) return { ok: false, problem: `items.${oversized}: larger than ${INTAKE_LIMITS.maxFileBytes} bytes` };
  return { ok: true, request: { ...request, items } };
}

/** An issuer push as the intake service received it, or what is wrong with it. */
export function decodeIssuerRequest(body: unknown): Decoded<IssuerPushRequest> {
  const parsed = issuerWire.safeParse(body);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  const request = parsed.data;
  return { ok: true, request: { ...request, items: request.items.map((i) => ({ source: i.source, bytes: fromBase64(i.contentBase64) })) } };
}

/** The intake's answer as the API received it, or undefined when it is not one. */
export function decodeResults(body: unknown): IntakeItemResult[] | undefined {
  const parsed = resultsWire.safeParse(body);
  return parsed.success ? (parsed.data.results as IntakeItemResult[]) : undefined;
}

/** A DID Auth request as the intake service received it, or what is wrong with it. */
export function decodeDidAuthRequest(body: unknown): Decoded<DidAuthRequest> {
  const parsed = didAuthWire.safeParse(body);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, problem: problemOf(parsed.error) };
}

/** The verifier's verdict as the API received it, or undefined when it is not one. */
export function decodeVerdict(body: unknown): PresentationVerdict | undefined {
  const parsed = verdictWire.safeParse(body);
  return parsed.success ? parsed.data.verdict : undefined;
}
