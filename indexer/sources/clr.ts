/**
 * Reads a CLR 2.0 `ClrCredential`: verifies the outer proof, then unpacks the
 * OB 3.0 credentials it carries, each verified on its own. An inner
 * credential's result combines its own checks with the container's.
 */
import { asArray, isObject, type JsonObject } from '../verify/json.ts';
import { verifyJsonLdCredential } from '../verify/ob3.ts';
import { verifyVcJwt } from '../verify/ob3-jwt.ts';
import { normalizeOb3 } from '../verify/normalize-ob3.ts';
import { combineResults, finding } from '../verify/result.ts';
import type { NormalizedCredential, VerificationResult, VerifyOptions } from '../verify/types.ts';
import { failedCredential } from './failure.ts';

async function readInner(
  item: unknown,
  where: string,
  source: string,
  outer: VerificationResult,
  options: VerifyOptions,
): Promise<NormalizedCredential> {
  const now = options.now ?? new Date();
  if (typeof item === 'string') {
    const inner = await verifyVcJwt(item, options);
    return normalizeOb3(inner.credential, 'clr', source, combineResults(outer, inner.result, 'clr'), options.recipient);
  }
  if (!isObject(item)) {
    return {
      ...failedCredential(source, 'clr', [finding('MALFORMED', `${where} is neither a credential object nor a VC-JWT`)], now, 'clr'),
    };
  }
  const inner = await verifyJsonLdCredential(item, options, 'badge', where);
  return normalizeOb3(item, 'clr', source, combineResults(outer, inner.result, 'clr'), options.recipient);
}

/** Unpacks a CLR whose outer result is already known (JSON-LD or VC-JWT container). */
export async function unpackClr(
  clr: JsonObject,
  outer: VerificationResult,
  source: string,
  options: VerifyOptions,
): Promise<NormalizedCredential[]> {
  const subject = asArray(clr.credentialSubject).find(isObject) ?? {};
  const items = asArray(subject.verifiableCredential);
  if (items.length === 0) {
    const detail = 'credentialSubject.verifiableCredential is empty: this CLR carries no credential to index';
    return [failedCredential(source, 'clr', [finding('UNSUPPORTED_FORMAT', detail)], options.now ?? new Date(), 'clr')];
  }
  return Promise.all(
    items.map((item, i) => readInner(item, `credentialSubject.verifiableCredential[${i}]`, `${source}#${i}`, outer, options)),
  );
}

export async function readClrJsonLd(clr: JsonObject, source: string, options: VerifyOptions): Promise<NormalizedCredential[]> {
  const { result } = await verifyJsonLdCredential(clr, options, 'clr');
  return unpackClr(clr, result, source, options);
}

export async function readClrJwt(jwt: string, source: string, options: VerifyOptions): Promise<NormalizedCredential[]> {
  const outer = await verifyVcJwt(jwt, options, 'clr');
  return unpackClr(outer.credential, outer.result, source, options);
}
