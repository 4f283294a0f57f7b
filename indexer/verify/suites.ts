/**
 * The linked-data proof suites a JSON-LD credential may use, and the key
 * document each one expects from the document loader. One table, so adding a
 * suite is one entry here: the proof checker in `ob3-proof.ts` stays generic.
 *
 * Supported: `DataIntegrityProof` with `eddsa-rdfc-2022` and its pre-2023
 * draft name `eddsa-2022` (verified as that draft did, by Digital Bazaar's
 * suite of that version), `Ed25519Signature2020`, and `Ed25519Signature2018`
 * (detached JWS, as JFF plugfest badges and 2021-2023 wallets issued them).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as eddsa2022 } from '@digitalbazaar/eddsa-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import type { JsonObject } from './json.ts';
import type { VerificationMethod } from './types.ts';

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';

/** Names the verification method of a proof object, or explains why it is unsupported. */
export function methodOfProof(proof: JsonObject): VerificationMethod | string {
  if (proof.type === 'DataIntegrityProof') {
    if (proof.cryptosuite === 'eddsa-rdfc-2022') return 'ob3-eddsa-rdfc-2022';
    if (proof.cryptosuite === 'eddsa-2022') return 'ob3-eddsa-2022';
    return `DataIntegrityProof cryptosuite ${JSON.stringify(proof.cryptosuite)} is not supported`;
  }
  if (proof.type === 'Ed25519Signature2020') return 'ob3-ed25519-signature-2020';
  if (proof.type === 'Ed25519Signature2018') return 'ob3-ed25519-signature-2018';
  return `proof type ${JSON.stringify(proof.type)} is not supported`;
}

/** True when `methodOfProof` named a supported suite (not an explanation). */
export function isSupportedMethod(method: string): method is VerificationMethod {
  return method.startsWith('ob3-');
}

/**
 * The key document the loader serves for a proof's verification method. The
 * 2018 suite accepts only Ed25519 2018/2020 key types; an Ed25519 2020 key and
 * a Multikey share the same `publicKeyMultibase` encoding.
 */
export function keyDocumentFor(method: VerificationMethod, key: { id: string; controller: string; publicKeyMultibase: string }): object {
  if (method === 'ob3-ed25519-signature-2018') {
    return {
      '@context': ED25519_2020_CONTEXT,
      id: key.id,
      type: 'Ed25519VerificationKey2020',
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
    };
  }
  return {
    '@context': MULTIKEY_CONTEXT,
    id: key.id,
    type: 'Multikey',
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

/** Every suite jsonld-signatures may try on a credential; each matches only its own proofs. */
export function verificationSuites(): unknown[] {
  return [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    // the eddsa-2022 draft was issued with the data-integrity/v1 context
    new DataIntegrityProof({ cryptosuite: eddsa2022, legacyContext: true }),
    new Ed25519Signature2020(),
    new Ed25519Signature2018(),
  ];
}
