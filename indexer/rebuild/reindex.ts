/**
 * Zero-downtime rebuilds of the derived indices from the systems of record:
 * earners and badge classes from the stored credentials (and settings),
 * skills from the shipped taxonomy. Readers keep the old index until the
 * alias moves.
 */
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { rebuildIndex, type RebuildResult } from '../../mappings/indices.ts';
import { migrateEarnerIds } from '../earners/migrate.ts';
import { earnerWrites, type EarnerContext } from '../earners/refresh.ts';
import { badgeClassWrites, ownsBadgeClass } from '../ingest/badge-classes.ts';
import { loadOccupationsIndex, loadSkillsIndex } from '../taxonomy/skills-index.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { writeDocuments } from '../store/bulk-write.ts';

/**
 * Stored credentials grouped by earner, streamed in earner order (batches of
 * about `batch` earners). `withRaw: false` leaves out the credential as
 * received (`raw` is then empty): earner documents are built from the
 * normalized fields, and the raw bytes are about 40% of what would be read.
 */
export async function* credentialsByEarner(
  ctx: EarnerContext,
  batch = 500,
  { withRaw = true }: { withRaw?: boolean } = {},
): AsyncGenerator<Map<string, CredentialDocument[]>> {
  let group = new Map<string, CredentialDocument[]>();
  const source = withRaw ? true : { excludes: ['raw'] };
  for await (const { doc } of ctx.store.scan<CredentialDocument>('credentials', { match_all: {} }, source, 'earnerId')) {
    if (!group.has(doc.earnerId) && group.size >= batch) {
      yield group;
      group = new Map();
    }
    if (!withRaw) doc.raw = '';
    const credentials = group.get(doc.earnerId) ?? [];
    credentials.push(doc);
    group.set(doc.earnerId, credentials);
  }
  if (group.size > 0) yield group;
}

export async function reindexEarners(ctx: EarnerContext, log: (line: string) => void = () => {}): Promise<RebuildResult> {
  return rebuildIndex(
    ctx.store.target,
    'earners',
    async (index) => {
      let written = 0;
      const groups = credentialsByEarner(ctx, 500, { withRaw: false });
      // The next group is read while this one is built and written: reading and writing overlap.
      let next = groups.next();
      try {
        for (;;) {
          const { value: group, done } = await next;
          if (done) break;
          next = groups.next();
          // A failed read is thrown where it is awaited, above; if a failed write stops the loop first, it is dropped.
          next.catch(() => undefined);
          const result = await writeDocuments(
            ctx.store.client,
            index,
            (await earnerWrites(ctx, group)).filter((w) => w.document),
          );
          if (result.rejected.length > 0)
            throw new Error(`the engine rejected earner ${result.rejected[0]!.id}: ${result.rejected[0]!.reason}`);
          written += result.written;
        }
      } finally {
        // Closes the scan's point in time when the loop stops early.
        await groups.return(undefined).catch(() => undefined);
      }
      return written;
    },
    log,
  );
}

export async function reindexBadgeClasses(ctx: EarnerContext, log: (line: string) => void = () => {}): Promise<RebuildResult> {
  return rebuildIndex(
    ctx.store.target,
    'badge-classes',
    async (index) => {
      // Only authentic credentials of each class's owner may write it (see `badgeClassWrites`); the newest issued wins.
      const registry = await ctx.store.registry();
      const latest = new Map<string, CredentialDocument>();
      const query = { term: { 'verification.status': 'VERIFIED' } };
      const fields = [
        'key',
        'id',
        'source',
        'issuer',
        'achievement',
        'skills',
        'verification',
        'identityKeys',
        'issuedOn',
        'ingestedAt',
        'format',
        'unmappedSkills',
        'evidence',
        'authority',
        'issuerRecognition',
      ];
      for await (const { doc } of ctx.store.scan<CredentialDocument>('credentials', query, fields)) {
        if (!ownsBadgeClass(doc, registry)) continue;
        const seen = latest.get(doc.achievement.id);
        if (!seen || seen.issuedOn <= doc.issuedOn) latest.set(doc.achievement.id, { ...doc, raw: '', earnerId: '' });
      }
      const result = await writeDocuments(
        ctx.store.client,
        index,
        badgeClassWrites([...latest.values()], ctx.pathways, ctx.now(), { registry }),
      );
      return result.written;
    },
    log,
  );
}

/** `npm run indexer -- reindex`: migrates earner ids, then every derived index, each behind its alias. */
export async function reindexAll(ctx: EarnerContext, taxonomy: Taxonomy, log: (line: string) => void): Promise<void> {
  // Old guessable earner ids become random ones before the earners are rebuilt under them.
  await migrateEarnerIds(ctx.store, log);
  await loadSkillsIndex(ctx.store, taxonomy, log);
  await loadOccupationsIndex(ctx.store, log);
  await reindexBadgeClasses(ctx, log);
  await reindexEarners(ctx, log);
}
