/**
 * The contract of DID Auth: an earner proves control of a DID by signing a
 * one-time challenge in a Verifiable Presentation, as wallets such as the
 * Learner Credential Wallet do (a Data Integrity proof with
 * `proofPurpose: "authentication"`, `challenge` and `domain`, or a VP-JWT
 * whose `nonce` and `aud` carry them). The API issues and consumes the
 * challenges (it knows who asks); the indexer verifies the presentation (it
 * holds the DID resolvers and proof suites). They share only `mappings/`, so
 * the interface is here and the process that runs both hands the indexer's
 * implementation (`indexer/did-auth/`) to the API, as it does the credential
 * intake (`scripts/start.ts`).
 */

/** Proof purposes a presentation's proof may state (DID Auth needs `authentication`; a holder's signature may also use `assertionMethod`). */
export type PresentationPurpose = 'authentication' | 'assertionMethod';

/**
 * Why a presentation or a DID link is refused. The verifier's codes, then the
 * API's own (challenge bookkeeping and ownership of the DID).
 */
export type DidAuthCode =
  /** Not a JSON Verifiable Presentation nor a VP-JWT, or no single proof in it. */
  | 'MALFORMED_PRESENTATION'
  /** A proof type or cryptosuite this directory does not verify. */
  | 'UNSUPPORTED_PROOF'
  /** A DID method other than did:key, did:jwk and did:web. */
  | 'UNSUPPORTED_DID_METHOD'
  /** The DID document or the key it names could not be found or fetched. */
  | 'DID_UNRESOLVABLE'
  /** The signing key is not in the DID document's relationship the purpose needs (`authentication`). */
  | 'KEY_NOT_AUTHORIZED'
  /** The proof states another purpose than the one needed (e.g. `assertionMethod` for DID Auth). */
  | 'WRONG_PROOF_PURPOSE'
  /** The signature does not match the presentation (changed after signing, or forged). */
  | 'BAD_PRESENTATION_SIGNATURE'
  /** `holder` (or the JWT `iss`) names another DID than the one whose key signed. */
  | 'HOLDER_MISMATCH'
  /** A VP-JWT past its `exp` (or before its `nbf`). */
  | 'PRESENTATION_EXPIRED'
  /** The proof's domain (JWT `aud`) is not this directory's. */
  | 'WRONG_DOMAIN'
  /** The proof carries no challenge (JWT `nonce`), or another one than expected. */
  | 'CHALLENGE_MISMATCH'
  /** No challenge with this value was issued (or it was cleared since). */
  | 'CHALLENGE_UNKNOWN'
  /** The challenge was issued to another account. */
  | 'CHALLENGE_NOT_YOURS'
  | 'CHALLENGE_EXPIRED'
  /** The challenge was used already: each one works once. */
  | 'CHALLENGE_USED'
  /** Another earner proved control of this DID first; it is never moved. */
  | 'DID_HELD_BY_ANOTHER_EARNER'
  /** The earner has linked the most DIDs one profile may hold. */
  | 'TOO_MANY_DIDS'
  /** The verifier is not available on this server (an API started without the indexer). */
  | 'DID_AUTH_UNAVAILABLE';

/** What a presentation proves: the DID whose key signed it, and that key. */
export type PresentationVerdict =
  { ok: true; did: string; keyId: string; format: 'data-integrity' | 'vp-jwt' } | { ok: false; code: DidAuthCode; message: string };

/** A DID Auth check: the presentation must answer `challenge` for `domain`, signed by a key in the DID's `authentication` relationship. */
export interface DidAuthRequest {
  presentation: string;
  challenge: string;
  domain: string;
}

export interface DidAuthentication {
  /** Verifies a DID Auth presentation (never throws for a bad presentation: the verdict says why). */
  verifyDidAuth(request: DidAuthRequest): Promise<PresentationVerdict>;
}

/** How long a challenge may be answered. Wallet round trips take seconds to a minute. */
export const DID_CHALLENGE_TTL_MS = 5 * 60_000;
/** Unanswered, unexpired challenges one account may hold at once (a few tabs or wallets). */
export const MAX_OPEN_DID_CHALLENGES = 5;
/** DIDs one earner may link. */
export const MAX_DIDS_PER_EARNER = 20;
/** A presentation's largest size, in characters (a DID Auth VP is a few kB). */
export const MAX_PRESENTATION_CHARS = 64 * 1024;

/**
 * The challenge a presentation says it answers, read without verifying
 * anything (pure): the Data Integrity proof's `challenge`, or the VP-JWT's
 * `nonce`. The API uses it only to find the challenge record; the verifier
 * then checks the signature over it.
 */
export function presentedChallenge(presentation: string): string | undefined {
  const text = presentation.trim();
  if (text.startsWith('{')) {
    try {
      const vp = JSON.parse(text) as { proof?: unknown };
      const proofs = Array.isArray(vp.proof) ? vp.proof : [vp.proof];
      const first = proofs[0] as { challenge?: unknown } | undefined;
      return typeof first?.challenge === 'string' ? first.challenge : undefined;
    } catch {
      return undefined;
    }
  }
  const parts = text.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { nonce?: unknown };
    return typeof payload.nonce === 'string' ? payload.nonce : undefined;
  } catch {
    return undefined;
  }
}
