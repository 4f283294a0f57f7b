/** Types of the Digital Bazaar status list libraries the tests use as independent issuers (they ship none). */
declare module '@digitalbazaar/vc-status-list' {
  export interface StatusList {
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<StatusList>;
  export function decodeList(options: { encodedList: string }): Promise<StatusList>;
  export function createCredential(options: { id: string; list: StatusList; statusPurpose: string }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/vc-revocation-list' {
  export interface RevocationList {
    length: number;
    setRevoked(index: number, revoked: boolean): void;
    isRevoked(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<RevocationList>;
  export function decodeList(options: { encodedList: string }): Promise<RevocationList>;
  export function createCredential(options: { id: string; list: RevocationList }): Promise<Record<string, unknown>>;
}
