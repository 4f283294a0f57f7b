/** Plain sentences for DID Auth refusals: what went wrong and what to do. Pure. */
import type { DidAuthCode } from '../../mappings/did-auth.ts';

const ASK_AGAIN = 'Ask for a new challenge and sign it in your wallet.';

const WORDS: Record<DidAuthCode, string> = {
  MALFORMED_PRESENTATION: 'The text is not a signed Verifiable Presentation (JSON with one proof, or a VP-JWT).',
  UNSUPPORTED_PROOF:
    'The presentation is signed in a way this directory does not check (eddsa-rdfc-2022, Ed25519Signature2020 and VP-JWTs are).',
  UNSUPPORTED_DID_METHOD: 'This kind of DID is not supported: did:key, did:jwk and did:web are.',
  DID_UNRESOLVABLE: 'The DID or its key could not be found.',
  KEY_NOT_AUTHORIZED: "The key that signed is not one of the DID's authentication keys.",
  WRONG_PROOF_PURPOSE: 'The presentation was signed for another purpose; DID Auth needs proofPurpose "authentication".',
  BAD_PRESENTATION_SIGNATURE: 'The signature does not match the presentation: it was changed after signing, or forged.',
  HOLDER_MISMATCH: 'The presentation names another holder than the DID whose key signed it.',
  PRESENTATION_EXPIRED: 'The signed presentation has expired.',
  WRONG_DOMAIN: 'The presentation was signed for another site (domain).',
  CHALLENGE_MISMATCH: 'The presentation does not carry the challenge this directory gave you.',
  CHALLENGE_UNKNOWN: 'This directory never gave out that challenge (or it was cleared).',
  CHALLENGE_NOT_YOURS: 'That challenge was given to another account.',
  CHALLENGE_EXPIRED: 'The challenge has expired.',
  CHALLENGE_USED: 'That challenge was used already; each works once.',
  DID_HELD_BY_ANOTHER_EARNER:
    'This DID is already linked to another profile in the directory; it is not moved. Contact the directory if it is yours.',
  TOO_MANY_DIDS: 'Your profile has as many linked DIDs as it may hold; remove one first.',
  DID_AUTH_UNAVAILABLE:
    'Linking a DID is not available on this server: it runs the API without the indexer (start the whole product with npm start, or give the API INTAKE_URL).',
};

const RETRYABLE = new Set<DidAuthCode>([
  'MALFORMED_PRESENTATION',
  'UNSUPPORTED_PROOF',
  'KEY_NOT_AUTHORIZED',
  'WRONG_PROOF_PURPOSE',
  'BAD_PRESENTATION_SIGNATURE',
  'HOLDER_MISMATCH',
  'PRESENTATION_EXPIRED',
  'WRONG_DOMAIN',
  'CHALLENGE_MISMATCH',
  'CHALLENGE_UNKNOWN',
  'CHALLENGE_NOT_YOURS',
  'CHALLENGE_EXPIRED',
  'CHALLENGE_USED',
  'DID_UNRESOLVABLE',
]);

/** "Not linked: <what>. (<detail>) Ask for a new challenge…" */
export function refusalMessage(code: DidAuthCode, detail?: string): string {
  const why = detail ? ` (${detail.slice(0, 300)})` : '';
  const next = RETRYABLE.has(code) ? ` ${ASK_AGAIN}` : '';
  return `Not linked: ${WORDS[code]}${why}${next}`;
}
