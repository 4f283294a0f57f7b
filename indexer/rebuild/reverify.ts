/**
 * Re-verification of stored credentials: revocations and expiry change over
 * time, so each credential's original bytes are checked again and the
 * earners whose badges changed are rewritten.
 */
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { recognize } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import { isAuthentic } from '../ingest/prepare.ts';
import { earnerWrites, type EarnerContext } from '../earners/refresh.ts';
import { credentialsByEarner } from './reindex.ts';
import { readCredentials } from '../sources/read-credentials.ts';
import { mapConcurrent } from '../ingest/pool.ts';
import type { VerifyOptions } from '../verify/types.ts';

export interface ReverifySummary {
  checked: number;
  changed: number;
  /** Credential id -> "OLD -> NEW" for every status that changed. */
  changes: Record<string, string>;
  earnersUpdated: number;
}

/** The credential's new verification, from its stored bytes; imports have no proof and keep theirs. */
async function recheck(
  c: CredentialDocument,
  verify: VerifyOptions,
  registry: readonly IssuerRegistryDocument[],
): Promise<CredentialDocument> {
  if (c.format === 'import') return c;
  const again = await readCredentials({ source: c.source.replace(/#\d+$/, ''), bytes: Buffer.from(c.raw, 'base64') }, verify);
  const same = again.find((n) => n.id === c.id);
  if (!same) return c;
  const v = same.verification;
  // Who it is proven to come from, and so the issuer's standing, is checked again too.
  const authority = isAuthentic(v) ? (v.authority ?? []) : [];
  return {
    ...c,
    verification: {
      status: v.status,
      reasons: v.reasons,
      method: v.method,
      checkedAt: v.checkedAt,
      ...(v.details?.length ? { details: v.details } : {}),
    },
    authority,
    issuerRecognition: recognize(authority, registry),
  };
}

/** `signal` stops the run between batches (each batch is written whole); the next run checks everything again. */
export async function reverifyAll(
  ctx: EarnerContext,
  verify: VerifyOptions,
  onProgress?: (checked: number) => void,
  signal?: AbortSignal,
): Promise<ReverifySummary> {
  const summary: ReverifySummary = { checked: 0, changed: 0, changes: {}, earnersUpdated: 0 };
  const registry = await ctx.store.registry();
  for await (const group of credentialsByEarner(ctx, 200)) {
    const credentials = [...group.values()].flat();
    const now = ctx.now();
    const rechecked = await mapConcurrent(credentials, 8, (c) => recheck(c, { ...verify, now }, registry), signal);
    const byEarner = new Map<string, CredentialDocument[]>();
    rechecked.forEach((c, i) => {
      const before = credentials[i]!.verification;
      if (before.status !== c.verification.status || before.reasons.join() !== c.verification.reasons.join()) {
        summary.changed++;
        summary.changes[c.id] =
          `${before.status} -> ${c.verification.status}${c.verification.reasons.length ? ` (${c.verification.reasons.join(', ')})` : ''}`;
      }
      byEarner.set(c.earnerId, [...(byEarner.get(c.earnerId) ?? []), c]);
    });
    await ctx.store.write(
      'credentials',
      rechecked.map((c) => ({ id: c.key, document: c })),
    );
    // Every earner's badges now carry a new "checked at"; the whole batch is rewritten.
    const result = await ctx.store.write('earners', await earnerWrites(ctx, byEarner));
    summary.earnersUpdated += result.written;
    summary.checked += credentials.length;
    onProgress?.(summary.checked);
  }
  await ctx.store.refresh('credentials', 'earners');
  return summary;
}
