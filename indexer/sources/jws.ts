/** Reads a compact JWS: an OB 2.0 signed assertion, an OB 3.0 VC-JWT or a CLR VC-JWT (told apart by the payload). */
import { isObject } from '../verify/json.ts';
import { decodeJwsPayload } from '../verify/jws.ts';
import { normalizeOb2 } from '../verify/normalize-ob2.ts';
import { normalizeOb3 } from '../verify/normalize-ob3.ts';
import { verifyOb2Signed } from '../verify/ob2.ts';
import { credentialOfJwtPayload, verifyVcJwt } from '../verify/ob3-jwt.ts';
import { finding } from '../verify/result.ts';
import type { NormalizedCredential, VerifyOptions } from '../verify/types.ts';
import { readClrJwt } from './clr.ts';
import { classifyJson } from './detect.ts';
import { failedCredential } from './failure.ts';

export async function readJws(jws: string, source: string, options: VerifyOptions): Promise<NormalizedCredential[]> {
  const now = options.now ?? new Date();
  const decoded = decodeJwsPayload(jws);
  if (!decoded.ok) return [failedCredential(source, 'ob3-jwt', [finding('MALFORMED', `${source}: ${decoded.error}`)], now)];
  if (!isObject(decoded.payload)) {
    return [failedCredential(source, 'ob3-jwt', [finding('MALFORMED', `${source}: JWS payload is not a JSON object`)], now)];
  }
  const kind = classifyJson(credentialOfJwtPayload(decoded.payload));
  if (kind === 'ob2-assertion') return [normalizeOb2(await verifyOb2Signed(jws, options), source, options.recipient)];
  if (kind === 'clr') return readClrJwt(jws, source, options);
  if (kind === 'ob3-credential') {
    const outcome = await verifyVcJwt(jws, options);
    return [normalizeOb3(outcome.credential, outcome.format, source, outcome.result, options.recipient)];
  }
  return [
    failedCredential(
      source,
      'ob3-jwt',
      [finding('UNSUPPORTED_FORMAT', `${source}: JWS payload is neither an OB 2.0 assertion nor a verifiable credential`)],
      now,
    ),
  ];
}
