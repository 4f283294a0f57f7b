/**
 * The indexer's implementation of `DidAuthentication` (see
 * `mappings/did-auth.ts`): a DID Auth presentation verified with the
 * runtime's resolver (did:web documents through the safe fetch).
 */
import type { DidAuthentication } from '../../mappings/did-auth.ts';
import type { IndexerRuntime } from '../runtime/runtime.ts';
import { verifyPresentationProof } from './presentation-proof.ts';

export function createDidAuthentication(runtime: Pick<IndexerRuntime, 'verify' | 'now'>): DidAuthentication {
  return {
    verifyDidAuth: ({ presentation, challenge, domain }) =>
      verifyPresentationProof(
        presentation,
        { purposes: ['authentication'], challenge, domain, now: runtime.now() },
        runtime.verify.resolver,
      ),
  };
}
