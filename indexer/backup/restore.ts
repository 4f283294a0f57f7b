/**
 * Restore from a backup: each system of record in the snapshot is restored
 * under a new versioned name, the alias moves to it in one atomic call, and
 * the version it replaced is deleted (the same swap as a rebuild). The
 * derived indices (earners, badge classes, skills, occupations) are then
 * rebuilt from the restored records by the caller (`reindexAll`).
 *
 * Restoring under a live API would lose whatever it writes in between, so
 * `liveApis` looks for one first and the command refuses without --force.
 */
import {
  aliasName,
  aliasTargets,
  listVersions,
  nextVersion,
  RECORD_KINDS,
  versionedName,
  type IndexKind,
  type IndexTarget,
} from '../../mappings/indices.ts';
import { listBackups, manifestOf, type BackupManifest } from './snapshots.ts';

export interface RestoreStep {
  kind: IndexKind;
  alias: string;
  /** The index behind the alias now (null when there is none) and its document count. */
  current: { index: string; documents: number } | null;
  /** The index in the snapshot and its document count when it was taken. */
  saved: { index: string; documents: number };
  /** The name it is restored under. */
  restoreAs: string;
}

export interface RestorePlan {
  repository: string;
  snapshot: string;
  manifest: BackupManifest;
  steps: RestoreStep[];
  /** Systems of record the snapshot does not hold (a newer kind): left as they are. */
  untouched: IndexKind[];
}

/** The plan for restoring `snapshot` (default: the newest of the prefix). */
export async function planRestore(target: IndexTarget, repository: string, snapshot?: string): Promise<RestorePlan> {
  const backups = await listBackups(target.client, repository, target.prefix);
  if (backups.length === 0) throw new Error(`no backups of the prefix "${target.prefix}" in the repository "${repository}"`);
  const chosen = snapshot ? backups.find((b) => b.snapshot === snapshot) : backups[backups.length - 1];
  if (!chosen)
    throw new Error(
      `no backup named "${snapshot}" of the prefix "${target.prefix}"; the backups are: ${backups.map((b) => b.snapshot).join(', ')}`,
    );
  const manifest = manifestOf(chosen);
  const steps: RestoreStep[] = [];
  for (const [kind, saved] of Object.entries(manifest.indices) as [IndexKind, { index: string; documents: number }][]) {
    const [index] = await aliasTargets(target, kind);
    const current = index ? { index, documents: (await target.client.count({ index })).count } : null;
    const restoreAs = versionedName(target.prefix, kind, nextVersion(await listVersions(target, kind), target.prefix, kind));
    steps.push({ kind, alias: aliasName(target.prefix, kind), current, saved, restoreAs });
  }
  const untouched = RECORD_KINDS.filter((kind) => !(kind in manifest.indices));
  return { repository, snapshot: chosen.snapshot, manifest, steps, untouched };
}

/** What the restore will replace, one line per index, for the operator to read before it happens. */
export function describePlan(plan: RestorePlan): string[] {
  return [
    `Restoring backup ${plan.snapshot} (taken ${plan.manifest.createdAt}) from repository "${plan.repository}":`,
    ...plan.steps.map(
      (s) =>
        `  ${s.alias}: ${s.current ? `replaces ${s.current.documents} documents (${s.current.index})` : 'no index now'} with ${s.saved.documents} documents from the backup`,
    ),
    ...(plan.untouched.length
      ? [`  not in this backup, left as they are: ${plan.untouched.map((k) => aliasName(plan.manifest.prefix, k)).join(', ')}`]
      : []),
    '  then rebuilds the derived indices (skills, occupations, badge classes, earners) from the restored records.',
  ];
}

/** Restores every step of the plan: restore under the new name, wait for it, swap the alias, delete the replaced version. */
export async function restoreRecords(target: IndexTarget, plan: RestorePlan, log: (line: string) => void = () => {}): Promise<void> {
  const { client } = target;
  for (const step of plan.steps) {
    await client.snapshot.restore({
      repository: plan.repository,
      snapshot: plan.snapshot,
      indices: step.saved.index,
      rename_pattern: '^.*$',
      rename_replacement: step.restoreAs,
      include_aliases: false,
      include_global_state: false,
      index_settings: { number_of_replicas: target.replicas },
      wait_for_completion: true,
    });
    await client.cluster.health({ index: step.restoreAs, wait_for_status: 'yellow', timeout: '60s' });
    const previous = await aliasTargets(target, step.kind);
    await client.indices.updateAliases({
      actions: [
        ...previous.map((old) => ({ remove: { index: old, alias: step.alias } })),
        { add: { index: step.restoreAs, alias: step.alias, is_write_index: true } },
      ],
    });
    for (const old of (await listVersions(target, step.kind)).filter((name) => name !== step.restoreAs)) {
      await client.indices.delete({ index: old }, { ignore: [404] });
    }
    log(`${step.alias} -> ${step.restoreAs} (${step.saved.documents} documents restored)`);
  }
}

/** The API base URLs among `urls` where an API answers /health (whatever the engine's state): a live API that a restore would race. */
export async function liveApis(urls: readonly string[]): Promise<string[]> {
  const live: string[] = [];
  for (const url of urls) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      const body = (await response.json()) as { status?: string; engine?: unknown };
      if (typeof body.status === 'string' && 'engine' in body) live.push(url);
    } catch {
      // nothing answers there
    }
  }
  return live;
}
