/**
 * Backups on the engine's snapshot API: one snapshot holds every system of
 * record of one index prefix (`RECORD_KINDS` in mappings/indices.ts), with
 * what each alias pointed at and how many documents it held in the
 * snapshot's metadata, so a restore can say what it replaces. Snapshots are
 * named `<prefix>-<UTC time>`; retention counts only the prefix's own.
 */
import type { Client } from '@elastic/elasticsearch';
import type { SnapshotSnapshotInfo } from '@elastic/elasticsearch/lib/api/types';
import { aliasName, aliasTargets, RECORD_KINDS, type IndexKind, type IndexTarget } from '../../mappings/indices.ts';
import type { BackupConfig } from '../config.ts';

/** What a snapshot holds, stored in its metadata. */
export interface BackupManifest {
  prefix: string;
  createdAt: string;
  /** Per kind: the physical index saved and its document count. */
  indices: Partial<Record<IndexKind, { index: string; documents: number }>>;
}

export interface BackupSummary {
  snapshot: string;
  repository: string;
  manifest: BackupManifest;
  ms: number;
  /** Older snapshots of this prefix deleted by retention. */
  deleted: string[];
}

/** Uses the repository when it exists; otherwise registers a filesystem repository at `dir` (which must be under the engine's `path.repo`). */
export async function ensureRepository(client: Client, config: Pick<BackupConfig, 'repository' | 'dir'>): Promise<void> {
  const existing = await client.snapshot.getRepository({ name: config.repository }, { ignore: [404] });
  if (existing && config.repository in existing) return;
  try {
    await client.snapshot.createRepository({ name: config.repository, repository: { type: 'fs', settings: { location: config.dir } } });
  } catch (error) {
    const reason = (error as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body?.error?.reason ?? (error as Error).message;
    throw new Error(
      `could not register the snapshot repository "${config.repository}" at ${config.dir}: ${reason}. ` +
        'The engine must list that folder in path.repo (npm run engine does; in Docker it is the backups volume), or register the repository yourself (e.g. S3) under that name.',
      { cause: error },
    );
  }
}

/** A snapshot name of this prefix: `<prefix>-<UTC time, lowercase>`, sortable by time. */
export function snapshotName(prefix: string, at: Date): string {
  return `${prefix}-${at.toISOString().replace(/[:.]/g, '-').toLowerCase()}`;
}

/** Snapshots of this prefix, oldest first. */
export async function listBackups(client: Client, repository: string, prefix: string): Promise<SnapshotSnapshotInfo[]> {
  const response = await client.snapshot.get({ repository, snapshot: '_all' });
  return (response.snapshots ?? [])
    .filter((s) => (s.metadata as Partial<BackupManifest> | undefined)?.prefix === prefix)
    .sort((a, b) => (a.start_time_in_millis ?? 0) - (b.start_time_in_millis ?? 0));
}

/**
 * The manifest as snapshot metadata, which the engine caps at 1 KiB: index
 * names without the prefix and counts as `"<name>:<documents>"`, so the
 * metadata stays small however many systems of record there are.
 */
export function encodeManifest(manifest: BackupManifest): Record<string, unknown> {
  const lead = `${manifest.prefix}-`;
  const indices = Object.fromEntries(
    Object.entries(manifest.indices).map(([kind, i]) => [
      kind,
      `${i.index.startsWith(lead) ? i.index.slice(lead.length) : i.index}:${i.documents}`,
    ]),
  );
  return { prefix: manifest.prefix, createdAt: manifest.createdAt, indices };
}

export function decodeManifest(metadata: Record<string, unknown> | undefined): BackupManifest {
  const prefix = String(metadata?.prefix ?? '');
  const stored = (metadata?.indices ?? {}) as Record<string, string | { index: string; documents: number }>;
  const indices: BackupManifest['indices'] = {};
  for (const [kind, value] of Object.entries(stored)) {
    if (typeof value !== 'string') {
      indices[kind as IndexKind] = value; // written before the compact form
      continue;
    }
    const cut = value.lastIndexOf(':');
    indices[kind as IndexKind] = { index: `${prefix}-${value.slice(0, cut)}`, documents: Number(value.slice(cut + 1)) };
  }
  return { prefix, createdAt: String(metadata?.createdAt ?? ''), indices };
}

export function manifestOf(snapshot: SnapshotSnapshotInfo): BackupManifest {
  return decodeManifest(snapshot.metadata as Record<string, unknown> | undefined);
}

/** Deletes all but the newest `keep` snapshots of this prefix; returns the deleted names. */
export async function applyRetention(client: Client, repository: string, prefix: string, keep: number): Promise<string[]> {
  const all = await listBackups(client, repository, prefix);
  const old = all.slice(0, Math.max(0, all.length - keep)).map((s) => s.snapshot);
  for (const snapshot of old) await client.snapshot.delete({ repository, snapshot });
  return old;
}

/** Snapshots every system of record of `target.prefix`, waits for it, then applies retention. */
export async function backup(
  target: IndexTarget,
  config: Pick<BackupConfig, 'repository' | 'dir' | 'keep'>,
  now: Date = new Date(),
): Promise<BackupSummary> {
  const started = Date.now();
  const { client, prefix } = target;
  await ensureRepository(client, config);
  const manifest: BackupManifest = { prefix, createdAt: now.toISOString(), indices: {} };
  for (const kind of RECORD_KINDS) {
    const [index] = await aliasTargets(target, kind);
    if (!index) continue;
    // Refreshed first: the count then says exactly what the snapshot holds.
    await client.indices.refresh({ index });
    manifest.indices[kind] = { index, documents: (await client.count({ index })).count };
  }
  const indices = Object.values(manifest.indices).map((i) => i.index);
  if (indices.length === 0) throw new Error(`nothing to back up: no indices with the prefix "${prefix}" exist`);
  const snapshot = snapshotName(prefix, now);
  const response = await client.snapshot.create({
    repository: config.repository,
    snapshot,
    indices,
    include_global_state: false,
    wait_for_completion: true,
    metadata: encodeManifest(manifest),
  });
  const info = response.snapshot;
  if (!info || info.state !== 'SUCCESS') {
    const failures = (info?.failures ?? []).map((f) => `${f.index}: ${f.reason}`).join('; ');
    throw new Error(`snapshot ${snapshot} ended ${info?.state ?? 'without a state'}${failures ? `: ${failures}` : ''}`);
  }
  const deleted = await applyRetention(client, config.repository, prefix, config.keep);
  return { snapshot, repository: config.repository, manifest, ms: Date.now() - started, deleted };
}

export function describeManifest(manifest: BackupManifest): string[] {
  return Object.entries(manifest.indices).map(
    ([kind, i]) => `${aliasName(manifest.prefix, kind as IndexKind)}: ${i.documents} documents (${i.index})`,
  );
}
