/** An earner's data export: everything stored about them, minus the raw credential bytes. Pure. */
import type { AccountDocument } from '../../mappings/accounts.ts';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerDidDocument } from '../../mappings/earner-dids.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';

export interface DataExportInput {
  earnerId: string;
  account?: AccountDocument;
  settings: DirectorySettingsDocument;
  earnerDocument?: EarnerDocument;
  credentials: readonly CredentialDocument[];
  contactRequests: readonly ContactRequestDocument[];
  /** DIDs they proved control of (DID Auth). */
  linkedDids?: readonly EarnerDidDocument[];
  now: Date;
}

export function dataExport(input: DataExportInput) {
  const { account } = input;
  return {
    exportedAt: input.now.toISOString(),
    earnerId: input.earnerId,
    // The password hash is a secret of the service, not data about the person.
    account: account ? { email: account.email, role: account.role, createdAt: account.createdAt, updatedAt: account.updatedAt } : null,
    settings: input.settings,
    searchProfile: input.earnerDocument ?? null,
    credentials: input.credentials.map(({ raw: _raw, ...credential }) => credential),
    contactRequests: input.contactRequests,
    linkedDids: (input.linkedDids ?? []).map(({ did, method, keyId, linkedAt }) => ({ did, method, keyId, linkedAt })),
  };
}

export type DataExport = ReturnType<typeof dataExport>;

/** Every identity key of the earner, so a re-ingest of any of their credentials is recognised and dropped. */
export function identitiesOf(credentials: readonly CredentialDocument[], accountEmail: string | undefined): string[] {
  const keys = new Set(credentials.flatMap((c) => c.identityKeys));
  if (accountEmail) keys.add(`email:${accountEmail}`);
  return [...keys].sort();
}
