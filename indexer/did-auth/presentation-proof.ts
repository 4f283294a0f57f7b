/**
 * Verifies the proof of a Verifiable Presentation: which DID signed it, with
 * a key its DID document lists for the stated purpose.
 *
 * - JSON-LD with one Data Integrity proof (`eddsa-rdfc-2022`, `eddsa-2022`,
 *   `Ed25519Signature2020`, `Ed25519Signature2018`: the suites credentials
 *   are verified with, `indexer/verify/suites.ts`), over pinned contexts only;
 *   the purpose is checked by jsonld-signatures' own
 *   `AuthenticationProofPurpose` (challenge, domain) or
 *   `AssertionProofPurpose` against the resolved DID document.
 * - A VP-JWT (`vp` claim): an asymmetric JWS whose `kid` names the key;
 *   `nonce` is the challenge, `aud` the domain, `iss` (when present) the DID.
 *
 * `expect.challenge`/`domain` are required for DID Auth and left out for a
 * holder's signature on an uploaded presentation (nothing to bind it to).
 * Never throws for a bad presentation: the verdict says what is wrong.
 */
import jsigs from 'jsonld-signatures';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import type { DidAuthCode, PresentationPurpose, PresentationVerdict } from '../../mappings/did-auth.ts';
import { createPinnedLoader } from '../verify/document-loader.ts';
import { asArray, asString, idOf, isObject, type JsonObject } from '../verify/json.ts';
import { decodeJwsPayload } from '../verify/jws.ts';
import { JWT_ALGORITHMS } from '../verify/ob3-jwt.ts';
import { stripFragment, type Resolver } from '../verify/resolver.ts';
import { isSupportedMethod, keyDocumentFor, methodOfProof, verificationSuites } from '../verify/suites.ts';
import { keyForPurpose } from './did-keys.ts';

export interface PresentationExpectations {
  purposes: readonly PresentationPurpose[];
  challenge?: string;
  domain?: string;
  now: Date;
}

const refuse = (code: DidAuthCode, message: string): PresentationVerdict => ({ ok: false, code, message });

function isPresentation(node: unknown): node is JsonObject {
  return isObject(node) && asArray(node.type).includes('VerifiablePresentation');
}

/** The holder a presentation names must be the DID whose key signed it. */
function holderMismatch(holder: unknown, did: string): PresentationVerdict | undefined {
  const named = idOf(holder);
  if (named === undefined || stripFragment(named) === did) return undefined;
  return refuse('HOLDER_MISMATCH', `the presentation names holder ${named.slice(0, 120)} but was signed by a key of ${did}`);
}

function jsigsReason(error: unknown): string {
  const errors = (error as { errors?: Error[] } | undefined)?.errors ?? (error instanceof Error ? [error] : []);
  return errors.map((e) => e.message).join('; ') || 'no proof matched';
}

async function verifyDataIntegrity(vp: JsonObject, expect: PresentationExpectations, resolver: Resolver): Promise<PresentationVerdict> {
  const proofs = asArray(vp.proof);
  if (proofs.length !== 1 || !isObject(proofs[0]))
    return refuse('MALFORMED_PRESENTATION', `the presentation must carry exactly one proof object (found ${proofs.length})`);
  const proof = proofs[0];
  const method = methodOfProof(proof);
  if (!isSupportedMethod(method)) return refuse('UNSUPPORTED_PROOF', `the presentation's proof: ${method}`);
  const purpose = asString(proof.proofPurpose);
  if (!purpose || !expect.purposes.includes(purpose as PresentationPurpose))
    return refuse(
      'WRONG_PROOF_PURPOSE',
      `the proof's purpose is ${JSON.stringify(proof.proofPurpose)}; it must be ${expect.purposes.map((p) => `"${p}"`).join(' or ')}`,
    );
  if (purpose === 'authentication' && typeof proof.challenge !== 'string')
    return refuse('CHALLENGE_MISMATCH', 'an authentication proof must carry a challenge, and this one has none');
  if (expect.challenge !== undefined && proof.challenge !== expect.challenge)
    return refuse('CHALLENGE_MISMATCH', 'the proof does not carry the challenge it was asked to sign');
  if (expect.domain !== undefined && !(proof.domain === expect.domain || asArray(proof.domain).includes(expect.domain)))
    return refuse('WRONG_DOMAIN', `the proof's domain is ${JSON.stringify(proof.domain ?? null)}; it must be "${expect.domain}"`);
  const found = await keyForPurpose(idOf(proof.verificationMethod), [purpose as PresentationPurpose], resolver);
  if (!found.ok) return found;
  const { did, key } = found;
  if (!key.publicKeyMultibase) return refuse('UNSUPPORTED_PROOF', `${key.id} is not an Ed25519 key, which ${proof.type as string} needs`);
  const mismatch = holderMismatch(vp.holder, did);
  if (mismatch) return mismatch;

  const loader = createPinnedLoader(
    new Map([[key.id, keyDocumentFor(method, { id: key.id, controller: did, publicKeyMultibase: key.publicKeyMultibase })]]),
  );
  const controller = { id: did, [purpose]: [key.id] };
  const proofPurpose =
    purpose === 'authentication'
      ? new jsigs.purposes.AuthenticationProofPurpose({
          controller,
          challenge: asString(proof.challenge) ?? '',
          ...(expect.domain !== undefined ? { domain: expect.domain } : {}),
        })
      : new jsigs.purposes.AssertionProofPurpose({ controller });
  try {
    const result = await jsigs.verify(vp, { suite: verificationSuites(), purpose: proofPurpose, documentLoader: loader.load });
    if (result.verified) return { ok: true, did, keyId: key.id, format: 'data-integrity' };
    if (loader.refused.length > 0)
      return refuse(
        'MALFORMED_PRESENTATION',
        `the presentation uses JSON-LD contexts that cannot be checked: ${loader.refused.join(', ')}`,
      );
    return refuse('BAD_PRESENTATION_SIGNATURE', `the presentation's signature does not verify (${jsigsReason(result.error)})`);
  } catch (error) {
    return refuse('BAD_PRESENTATION_SIGNATURE', `the presentation's signature does not verify (${jsigsReason(error)})`);
  }
}

/** The one key a did:key or did:jwk issuer implies when the JWT has no `kid`. */
function impliedKeyId(iss: string | undefined): string | undefined {
  if (iss?.startsWith('did:jwk:')) return `${iss}#0`;
  if (iss?.startsWith('did:key:')) return `${iss}#${iss.slice('did:key:'.length)}`;
  return undefined;
}

async function verifyJwt(jwt: string, expect: PresentationExpectations, resolver: Resolver): Promise<PresentationVerdict> {
  const decoded = decodeJwsPayload(jwt);
  if (!decoded.ok || !isObject(decoded.payload) || !isPresentation(decoded.payload.vp))
    return refuse('MALFORMED_PRESENTATION', 'the JWT carries no Verifiable Presentation (`vp` claim)');
  const payload = decoded.payload;
  const header = decodeProtectedHeader(jwt) as JsonObject;
  const alg = asString(header.alg) ?? '';
  if (!JWT_ALGORITHMS.includes(alg)) return refuse('UNSUPPORTED_PROOF', `JOSE header alg ${JSON.stringify(alg)} is not allowed`);
  const iss = asString(payload.iss);
  const kid = asString(header.kid);
  const keyId = kid?.startsWith('#') && iss ? iss + kid : (kid ?? impliedKeyId(iss));
  if (!keyId) return refuse('MALFORMED_PRESENTATION', 'the JWT names its key neither by "kid" nor by a did:jwk "iss"');
  // A VP-JWT has no stated purpose: DID Auth asks for an authentication key.
  const found = await keyForPurpose(keyId, expect.purposes, resolver);
  if (!found.ok) return found;
  const { did, key } = found;
  try {
    await compactVerify(jwt, await importJWK(key.publicKeyJwk as JWK, alg));
  } catch (error) {
    return refuse(
      'BAD_PRESENTATION_SIGNATURE',
      `the presentation's JWS does not verify with ${key.id}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (iss !== undefined && iss !== did)
    return refuse('HOLDER_MISMATCH', `the JWT's iss ${iss.slice(0, 120)} is not ${did}, whose key signed it`);
  const mismatch = holderMismatch((payload.vp as JsonObject).holder, did);
  if (mismatch) return mismatch;
  const seconds = expect.now.getTime() / 1000;
  if ((typeof payload.exp === 'number' && payload.exp < seconds) || (typeof payload.nbf === 'number' && payload.nbf > seconds))
    return refuse('PRESENTATION_EXPIRED', 'the presentation JWT is outside its nbf/exp validity window');
  if (expect.challenge !== undefined && payload.nonce !== expect.challenge)
    return refuse('CHALLENGE_MISMATCH', 'the JWT\'s "nonce" is not the challenge it was asked to sign');
  if (expect.domain !== undefined && !(payload.aud === expect.domain || asArray(payload.aud).includes(expect.domain)))
    return refuse('WRONG_DOMAIN', `the JWT's "aud" is ${JSON.stringify(payload.aud ?? null)}; it must be "${expect.domain}"`);
  return { ok: true, did, keyId: key.id, format: 'vp-jwt' };
}

/** Verifies a presentation given as JSON text, a parsed object or a compact JWS. */
export async function verifyPresentationProof(
  presentation: string | JsonObject,
  expect: PresentationExpectations,
  resolver: Resolver,
): Promise<PresentationVerdict> {
  if (typeof presentation !== 'string') return verifyDataIntegrity(presentation, expect, resolver);
  const text = presentation.trim();
  if (!text.startsWith('{')) return verifyJwt(text, expect, resolver);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('MALFORMED_PRESENTATION', 'the presentation is neither JSON nor a compact JWT');
  }
  if (!isPresentation(parsed))
    return refuse('MALFORMED_PRESENTATION', 'the JSON is not a Verifiable Presentation (type VerifiablePresentation)');
  return verifyDataIntegrity(parsed, expect, resolver);
}
