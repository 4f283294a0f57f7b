/**
 * VC-JWT verification (OB 3.0 / CLR 2.0 as compact JWS): the credential is the
 * payload itself (VC 2.0 JOSE) or its `vc` claim (VC 1.1 JWT). The key comes
 * from the `jwk` header, the `kid` header, or the issuer (did:key / profile).
 */
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { asArray, asString, idOf, isObject, type JsonObject } from './json.ts';
import { keyFromJwk, resolveKey, type KeyResolution } from './keys.ts';
import { decodeJwsPayload } from './jws.ts';
import { checkStanding, type Ob3Outcome } from './ob3.ts';
import { checkContextsPinned, checkCredentialEnvelope, checkCredentialSubject } from './ob3-checks.ts';
import { buildResult, finding, withAuthority, type Finding } from './result.ts';
import type { Resolver } from './resolver.ts';
import type { VerifyOptions } from './types.ts';
import { checkValidityWindow } from './dates.ts';
import { standingChecks, type CheckName } from './checks.ts';

/** Asymmetric algorithms only: `none` and HMAC can prove nothing about an issuer. */
export const JWT_ALGORITHMS = [
  'EdDSA',
  'Ed25519',
  'ES256',
  'ES384',
  'ES512',
  'ES256K',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

/** The credential a VC-JWT payload carries. */
export function credentialOfJwtPayload(payload: JsonObject): JsonObject {
  return isObject(payload.vc) ? payload.vc : payload;
}

/** Picks the verification key: `jwk` header, `kid` header, else the issuer's own key (did:key, or a profile listing keys). */
export async function findJwtKey(header: JsonObject, issuerId: string | undefined, resolver: Resolver): Promise<KeyResolution> {
  if (isObject(header.jwk)) return { ok: true, key: keyFromJwk(header.jwk, issuerId) };
  const kid = asString(header.kid);
  if (kid) {
    const absolute = kid.startsWith('#') && issuerId ? issuerId + kid : kid;
    return resolveKey(absolute, issuerId, resolver);
  }
  if (issuerId?.startsWith('did:key:')) return resolveKey(`${issuerId}#${issuerId.slice('did:key:'.length)}`, issuerId, resolver);
  if (issuerId?.startsWith('did:jwk:')) return resolveKey(`${issuerId}#0`, issuerId, resolver);
  return { ok: false, finding: finding('UNKNOWN_KEY', 'JOSE header has neither "kid" nor "jwk", and the issuer is not a did:key') };
}

/** JWT `nbf`/`exp` claims (VC 1.1 JWT encoding) as a validity window. */
function checkJwtClaims(payload: JsonObject, now: Date): Finding[] {
  const asDate = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : undefined);
  if (payload.nbf === undefined && payload.exp === undefined) return [];
  return checkValidityWindow(
    { start: { field: 'jwt.nbf', value: asDate(payload.nbf) }, end: { field: 'jwt.exp', value: asDate(payload.exp) } },
    now,
  );
}

/** Verifies a VC-JWT; `kind` says whether an Open Badge or a CLR is expected. */
export async function verifyVcJwt(jwt: string, options: VerifyOptions, kind: 'badge' | 'clr' = 'badge'): Promise<Ob3Outcome> {
  const now = options.now ?? new Date();
  const format = kind === 'clr' ? 'clr' : 'ob3-jwt';
  const decoded = decodeJwsPayload(jwt);
  if (!decoded.ok || !isObject(decoded.payload)) {
    const detail = decoded.ok ? 'JWT payload is not a JSON object' : decoded.error;
    return { format, credential: {}, result: buildResult('ob3-vc-jwt', [finding('MALFORMED', detail)], now) };
  }
  const payload = decoded.payload;
  const credential = credentialOfJwtPayload(payload);
  const envelope = checkCredentialEnvelope(credential, kind);
  if (envelope.length > 0) return { format, credential, result: buildResult('ob3-vc-jwt', envelope, now) };

  // the JWS, not JSON-LD, secures a VC-JWT: unpinned contexts are reported but do not stop the checks
  const findings: Finding[] = [...checkContextsPinned(credential), ...checkCredentialSubject(credential, kind)];
  const notes: string[] = [];
  let authority: string[] = [];
  const header = decodeProtectedHeader(jwt.trim()) as JsonObject;
  const alg = asString(header.alg) ?? '';
  const issuerId = idOf(credential.issuer) ?? asString(payload.iss);
  if (!JWT_ALGORITHMS.includes(alg)) findings.push(finding('BAD_SIGNATURE', `JOSE header alg ${JSON.stringify(alg)} is not allowed`));
  else {
    const resolved = await findJwtKey(header, issuerId, options.resolver);
    if (!resolved.ok) findings.push(resolved.finding);
    else {
      if (resolved.key.ownership) findings.push(resolved.key.ownership);
      notes.push(...resolved.key.notes);
      try {
        await compactVerify(jwt.trim(), await importJWK(resolved.key.publicKeyJwk as JWK, alg));
        authority = resolved.key.authority ?? [];
      } catch (error) {
        findings.push(
          finding(
            'BAD_SIGNATURE',
            `JWS signature does not verify with key ${resolved.key.id}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    }
  }
  if (asString(payload.iss) && issuerId && payload.iss !== issuerId) {
    findings.push(finding('MALFORMED', `jwt.iss ${String(payload.iss)} differs from credential.issuer ${issuerId}`));
  }
  if (asArray(credential.proof).length > 0) notes.push('embedded proof ignored: the JWS secures this credential');
  findings.push(...checkJwtClaims(payload, now), ...(await checkStanding(credential, options, now)));
  const ran: CheckName[] = ['shape', 'badge', 'proof', 'key', ...standingChecks(credential, options.recipient)];
  return {
    format,
    credential,
    result: withAuthority(buildResult(kind === 'clr' ? 'clr' : 'ob3-vc-jwt', findings, now, notes, ran), authority),
  };
}
