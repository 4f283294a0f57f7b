/**
 * Issuer API keys for admins: create one for a recognized registry entry
 * (the secret is answered once), list them, revoke one. And the push
 * endpoint's check of a presented key: it must exist, not be revoked, and
 * belong to an entry that is still RECOGNIZED.
 */
import { BadInputError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { requireAdmin } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import type { IssuerApiKeyDocument } from '../../mappings/issuer-api-keys.ts';
import { newIssuerApiKey, parseIssuerApiKey, secretMatches } from './keys.ts';

/** Keys listed at most (per issuer: far more than anyone needs). */
const MAX_KEYS = 200;

export interface IssuerApiKeyView extends IssuerApiKeyDocument {
  issuerName: string;
}

export function createIssuerKeyService({ platform, viewer, now }: { platform: Platform; viewer: Viewer; now: () => Date }) {
  async function issuerName(entryId: string): Promise<string> {
    return (await platform.issuers.read(entryId))?.doc.name ?? entryId;
  }
  return {
    async create(issuerId: string, label: string): Promise<{ key: IssuerApiKeyView; secret: string }> {
      requireAdmin(viewer);
      const name = label.trim();
      if (name === '' || name.length > 200) throw new BadInputError('label', 'must be 1 to 200 characters');
      const entry = await platform.issuers.read(issuerId);
      if (!entry) throw new BadInputError('issuerId', `no issuer "${issuerId}" in the registry`);
      if (entry.doc.status !== 'RECOGNIZED')
        throw new BadInputError('issuerId', `the issuer "${entry.doc.name}" is ${entry.doc.status}; approve it before giving it a key`);
      const fresh = newIssuerApiKey();
      const doc: IssuerApiKeyDocument = {
        id: fresh.id,
        issuerEntryId: entry.doc.id,
        label: name,
        secretHash: fresh.secretHash,
        createdAt: now().toISOString(),
        createdBy: viewer.accountId!,
      };
      await platform.issuerKeys.create(doc);
      return { key: { ...doc, issuerName: entry.doc.name }, secret: fresh.key };
    },
    async list(issuerId: string | undefined): Promise<IssuerApiKeyView[]> {
      requireAdmin(viewer);
      const keys = await platform.issuerKeys.list(issuerId, MAX_KEYS);
      const names = new Map<string, string>();
      for (const id of new Set(keys.map((k) => k.issuerEntryId))) names.set(id, await issuerName(id));
      return keys.map((k) => ({ ...k, issuerName: names.get(k.issuerEntryId) ?? k.issuerEntryId }));
    },
    async revoke(id: string): Promise<IssuerApiKeyView> {
      requireAdmin(viewer);
      const key = await platform.issuerKeys.get(id);
      if (!key) throw new BadInputError('id', `no issuer API key "${id}"`);
      const revoked = key.revokedAt ? key : { ...key, revokedAt: now().toISOString() };
      if (!key.revokedAt) await platform.issuerKeys.update(revoked);
      return { ...revoked, issuerName: await issuerName(key.issuerEntryId) };
    },
  };
}

export type IssuerKeyService = ReturnType<typeof createIssuerKeyService>;

/** The registry entry a presented key pushes for, or a reason it does not (said the same way for every bad key). */
export async function authenticateIssuerKey(
  platform: Platform,
  presented: string | undefined,
): Promise<{ ok: true; key: IssuerApiKeyDocument } | { ok: false; status: 401 | 403; message: string }> {
  const bad = {
    ok: false as const,
    status: 401 as const,
    message: 'The API key is missing, unknown or revoked: send "Authorization: Bearer tdk_…" with a key an admin created.',
  };
  const parsed = presented ? parseIssuerApiKey(presented) : undefined;
  if (!parsed) return bad;
  const key = await platform.issuerKeys.get(parsed.id);
  if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) return bad;
  const entry = await platform.issuers.read(key.issuerEntryId);
  if (!entry || entry.doc.status !== 'RECOGNIZED')
    return { ok: false, status: 403, message: 'The issuer this key belongs to is not recognized any more; its keys push nothing.' };
  return { ok: true, key };
}
