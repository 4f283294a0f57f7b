/**
 * Rebuilds the earner documents of the given earners from what is stored:
 * their credentials and their directory settings. Used after an ingest, a
 * re-verification and a merge, so the search index always follows the
 * system of record.
 */
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import type { IndexStore } from '../store/index-store.ts';
import type { WriteItem } from '../store/bulk-write.ts';
import { buildEarnerDocument, type SkillLookup } from '../../mappings/earner-document.ts';

export interface EarnerContext {
  store: IndexStore;
  skills: SkillLookup;
  pathways: readonly PathwayDefinition[];
  now: () => Date;
}

/** Earner documents (or deletions) for earners, from credentials already in hand. */
export async function earnerWrites(
  ctx: EarnerContext,
  credentialsByEarner: ReadonlyMap<string, readonly CredentialDocument[]>,
): Promise<WriteItem<EarnerDocument>[]> {
  const ids = [...credentialsByEarner.keys()];
  const settings = await ctx.store.settingsOf(ids);
  return ids.map((earnerId) => {
    const credentials = credentialsByEarner.get(earnerId) ?? [];
    const doc =
      credentials.length === 0
        ? null
        : buildEarnerDocument({
            earnerId,
            credentials,
            settings: settings.get(earnerId),
            skills: ctx.skills,
            pathways: ctx.pathways,
            now: ctx.now(),
          });
    return doc ? { id: earnerId, document: doc } : { id: earnerId };
  });
}

/** Reads the stored credentials of `earnerIds` and rewrites their earner documents. */
export async function refreshEarners(
  ctx: EarnerContext,
  earnerIds: readonly string[],
  options: { refresh?: boolean } = {},
): Promise<number> {
  const byEarner = new Map<string, CredentialDocument[]>(earnerIds.map((id) => [id, []]));
  for (const c of await ctx.store.credentialsOf(earnerIds)) byEarner.get(c.earnerId)?.push(c);
  const result = await ctx.store.write('earners', await earnerWrites(ctx, byEarner), { refresh: options.refresh });
  if (result.rejected.length > 0)
    throw new Error(`the engine rejected earner documents: ${result.rejected.map((r) => `${r.id}: ${r.reason}`).join('; ')}`);
  return result.written;
}
