/**
 * Issuers met in verified credentials that no registry lists become PENDING
 * entries, so an admin sees who is knocking. Only an authentic credential
 * counts (its proven authority becomes the entry's DIDs / origins), so nobody
 * can fill the registry with names they made up. Pure.
 */
import { didOf, entryControls, originOf } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import type { CredentialDraft } from '../ingest/prepare.ts';

/** Seen-only entries rank after every registry file (rank is an integer field). */
const SEEN_RANK = 1_000_000;

export function pendingEntries(
  drafts: readonly CredentialDraft[],
  registry: readonly IssuerRegistryDocument[],
  now: Date,
): IssuerRegistryDocument[] {
  const added: IssuerRegistryDocument[] = [];
  for (const d of drafts) {
    if (d.verification.status !== 'VERIFIED' || d.authority.length === 0) continue;
    if ([...registry, ...added].some((e) => entryControls(e, d.authority))) continue;
    const id = didOf(d.authority[0]!) ?? d.issuer.id;
    // Never overwrite an entry that exists under this id (it controls something else).
    if ([...registry, ...added].some((e) => e.id === id)) continue;
    const dids = [...new Set(d.authority.flatMap((a) => (didOf(a) ? [didOf(a)!] : [])))];
    const origins = [...new Set(d.authority.flatMap((a) => (originOf(a) ? [originOf(a)!] : [])))];
    added.push({
      id,
      ids: [...new Set([d.issuer.id, ...dids])],
      // The name the credential gives: shown to admins only, never to employers while PENDING.
      name: d.issuer.name,
      ...(d.issuer.url ? { url: d.issuer.url } : {}),
      origins,
      dids,
      keys: [],
      status: 'PENDING',
      provenance: { format: 'seen', source: d.source, rank: SEEN_RANK },
      changedAt: now.toISOString(),
    });
  }
  return added;
}
