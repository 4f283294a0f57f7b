/**
 * SD-JWT VCs (`<issuer-signed JWT>~<disclosure>~...~[<key binding JWT>]`):
 * the issuer's JWS is verified with the same keys as a VC-JWT (`kid`, `jwk`
 * header, did:key / did:jwk issuer), every disclosure is matched to a digest
 * the issuer signed (by `@sd-jwt/decode`), and the disclosed claims are read
 * as a credential: a VC (in `vc`, or the claims themselves) is checked like
 * any other; an SD-JWT VC that is not an Open Badge is reported NOT_A_BADGE.
 * A key binding JWT proves possession to a verifier at presentation time and
 * says nothing to an index: it is noted and not checked.
 */
import { createHash } from 'node:crypto';
import { createHashMapping, decodeSdJwt, getClaims } from '@sd-jwt/decode';
import { compactVerify, importJWK, type JWK } from 'jose';
import { standingChecks, type CheckName } from './checks.ts';
import { checkValidityWindow } from './dates.ts';
import { asString, idOf, isObject, type JsonObject } from './json.ts';
import { checkStanding, type Ob3Outcome } from './ob3.ts';
import { checkCredentialSubject, looksLikeVc } from './ob3-checks.ts';
import { findJwtKey, JWT_ALGORITHMS } from './ob3-jwt.ts';
import { buildResult, finding, type Finding } from './result.ts';
import type { VerifyOptions } from './types.ts';

/** The digest algorithms an issuer may name in `_sd_alg` (RFC 9901: sha-256 by default). */
const HASHES: Record<string, string> = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

async function hasher(data: string | ArrayBuffer, alg: string): Promise<Uint8Array> {
  const name = HASHES[alg.toLowerCase()];
  if (!name) throw new Error(`_sd_alg ${JSON.stringify(alg)} is not supported`);
  return new Uint8Array(
    createHash(name)
      .update(typeof data === 'string' ? data : Buffer.from(data))
      .digest(),
  );
}

/** Every digest the issuer signed: `_sd` arrays and `{"...": digest}` array elements, at any depth. */
function signedDigests(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => signedDigests(v, into));
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_sd' && Array.isArray(child)) child.forEach((d) => typeof d === 'string' && into.add(d));
      else if (key === '...' && typeof child === 'string') into.add(child);
      else signedDigests(child, into);
    }
  }
  return into;
}

function seconds(value: unknown): string | undefined {
  return typeof value === 'number' ? new Date(value * 1000).toISOString() : undefined;
}

export async function verifySdJwt(text: string, options: VerifyOptions): Promise<Ob3Outcome> {
  const now = options.now ?? new Date();
  const fail = (detail: string): Ob3Outcome => ({
    format: 'ob3-jwt',
    credential: {},
    result: buildResult('sd-jwt-vc', [finding('MALFORMED', detail)], now),
  });
  const compact = text.trim();
  let decoded: Awaited<ReturnType<typeof decodeSdJwt>>;
  let claims: JsonObject;
  try {
    decoded = await decodeSdJwt(compact, hasher);
    claims = await getClaims<JsonObject>(decoded.jwt.payload, decoded.disclosures, hasher);
  } catch (error) {
    return fail(`SD-JWT cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = decoded.jwt.header as JsonObject;
  const payload = decoded.jwt.payload as JsonObject;
  const vc = isObject(claims.vc) ? claims.vc : looksLikeVc(claims) ? claims : undefined;
  const credential = vc ?? claims;
  const issuerId = asString(payload.iss) ?? idOf(credential.issuer);
  const findings: Finding[] = [];
  // RFC 9901: a disclosure whose digest the issuer did not sign makes the whole SD-JWT invalid
  const byDigest = await createHashMapping(decoded.disclosures, { hasher, alg: asString(payload._sd_alg) ?? 'sha-256' });
  const signed = signedDigests(payload);
  const unsigned = Object.keys(byDigest).filter((digest) => !signed.has(digest));
  if (unsigned.length > 0) findings.push(finding('BAD_SIGNATURE', `${unsigned.length} disclosure(s) match no digest the issuer signed`));
  const notes = [`${decoded.disclosures.length - unsigned.length} disclosure(s) matched to digests the issuer signed`];
  if (decoded.kbJwt) notes.push('key binding JWT present: it binds a presentation to its verifier and is not checked here');

  const alg = asString(header.alg) ?? '';
  if (!JWT_ALGORITHMS.includes(alg)) findings.push(finding('BAD_SIGNATURE', `JOSE header alg ${JSON.stringify(alg)} is not allowed`));
  else {
    const resolved = await findJwtKey(header, issuerId, options.resolver);
    if (!resolved.ok) findings.push(resolved.finding);
    else {
      if (resolved.key.ownership) findings.push(resolved.key.ownership);
      notes.push(...resolved.key.notes);
      try {
        await compactVerify(compact.split('~')[0]!, await importJWK(resolved.key.publicKeyJwk as JWK, alg));
      } catch (error) {
        findings.push(
          finding(
            'BAD_SIGNATURE',
            `issuer-signed JWT does not verify with key ${resolved.key.id}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    }
  }
  const window = (payload.nbf ?? payload.exp ?? payload.iat) !== undefined;
  if (window)
    findings.push(
      ...checkValidityWindow(
        { start: { field: 'jwt.nbf', value: seconds(payload.nbf) }, end: { field: 'jwt.exp', value: seconds(payload.exp) } },
        now,
      ),
    );
  let ran: CheckName[] = ['shape', 'badge', 'proof', 'key', 'dates'];
  if (vc) {
    findings.push(...checkCredentialSubject(vc, 'badge'), ...(await checkStanding(vc, options, now)));
    ran = ['shape', 'badge', 'proof', 'key', ...standingChecks(vc, options.recipient)];
  } else {
    findings.push(finding('NOT_A_BADGE', `SD-JWT VC of type (vct) ${JSON.stringify(payload.vct)} carries no Open Badge credential`));
  }
  return { format: 'ob3-jwt', credential, result: buildResult('sd-jwt-vc', findings, now, notes, ran) };
}
