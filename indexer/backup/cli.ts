/**
 * `npm run backup`: snapshots every system of record of INDEX_PREFIX, then
 * keeps the newest BACKUP_KEEP snapshots.
 * `npm run restore [-- <snapshot>] [--force] [--dry-run] [--list]`: restores
 * a backup (default: the newest) behind the aliases and rebuilds the derived
 * indices. It says what it will replace, and refuses while an API answers at
 * API_URLS unless given --force.
 */
import { createEngineClient } from '../../mappings/connection.ts';
import type { IndexTarget } from '../../mappings/indices.ts';
import { indexerConfigFromEnv, type IndexerConfig } from '../config.ts';
import { reindexAll } from '../rebuild/reindex.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { describePlan, liveApis, planRestore, restoreRecords } from './restore.ts';
import { backup, describeManifest, ensureRepository, listBackups, manifestOf } from './snapshots.ts';

type Log = (line: string) => void;

/** Exit code of a restore refused because an API is live. */
export const REFUSED_LIVE_API = 3;

function engineTarget(config: IndexerConfig): IndexTarget {
  // Snapshots and restores wait for completion: generous time per request.
  return {
    client: createEngineClient(config.engine, { requestTimeoutMs: 600_000 }),
    prefix: config.engine.indexPrefix,
    replicas: config.engine.replicas,
  };
}

export async function runBackup(config: IndexerConfig, log: Log): Promise<void> {
  const target = engineTarget(config);
  try {
    const summary = await backup(target, config.backup);
    log(`Backup ${summary.snapshot} in repository "${summary.repository}" (${(summary.ms / 1000).toFixed(1)} s):`);
    for (const line of describeManifest(summary.manifest)) log(`  ${line}`);
    if (summary.deleted.length) log(`  retention (keep ${config.backup.keep}): deleted ${summary.deleted.join(', ')}`);
  } finally {
    await target.client.close();
  }
}

export interface RestoreOptions {
  snapshot?: string;
  force?: boolean;
  dryRun?: boolean;
}

/** Returns the process exit code: 0 restored (or dry run), REFUSED_LIVE_API when an API answers and --force was not given. */
export async function runRestore(config: IndexerConfig, options: RestoreOptions, log: Log): Promise<number> {
  const target = engineTarget(config);
  try {
    // After a lost data folder the repository registration is gone too; the snapshots are still in the folder.
    await ensureRepository(target.client, config.backup);
    const plan = await planRestore(target, config.backup.repository, options.snapshot);
    for (const line of describePlan(plan)) log(line);
    if (options.dryRun) return 0;
    const live = await liveApis(config.backup.apiUrls);
    if (live.length > 0 && !options.force) {
      log(
        `Refusing to restore: an API is running at ${live.join(', ')} and would write into the indices being replaced. Stop it first, or run again with --force.`,
      );
      return REFUSED_LIVE_API;
    }
    if (live.length > 0) log(`--force: restoring while an API answers at ${live.join(', ')}`);
    await restoreRecords(target, plan, (line) => log(`  ${line}`));
  } finally {
    await target.client.close();
  }
  // The derived indices come from the restored records (settings decide who is listed).
  const runtime = await createRuntime(config);
  try {
    await reindexAll(runtime, runtime.taxonomy, (line) => log(`  ${line}`));
  } finally {
    await runtime.close();
  }
  log('Restore complete.');
  return 0;
}

async function list(config: IndexerConfig, log: Log): Promise<void> {
  const target = engineTarget(config);
  try {
    await ensureRepository(target.client, config.backup);
    const backups = await listBackups(target.client, config.backup.repository, target.prefix);
    if (backups.length === 0) log(`No backups of the prefix "${target.prefix}" in "${config.backup.repository}".`);
    for (const b of backups) {
      log(`${b.snapshot}  ${b.state}  ${manifestOf(b).createdAt}`);
      for (const line of describeManifest(manifestOf(b))) log(`    ${line}`);
    }
  } finally {
    await target.client.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const positional = rest.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !['--force', '--dry-run', '--list'].includes(f));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(', ')}; usage: restore [snapshot] [--force] [--dry-run] [--list]`);
  const config = indexerConfigFromEnv();
  const log: Log = (line) => console.log(line);
  if (command === 'backup') {
    await runBackup(config, log);
    return 0;
  }
  if (command === 'restore' && flags.has('--list')) {
    await list(config, log);
    return 0;
  }
  if (command === 'restore')
    return runRestore(
      config,
      { ...(positional[0] ? { snapshot: positional[0] } : {}), force: flags.has('--force'), dryRun: flags.has('--dry-run') },
      log,
    );
  throw new Error('usage: tsx indexer/backup/cli.ts <backup|restore> [snapshot] [--force] [--dry-run] [--list]');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`${process.argv[2] ?? 'backup'}: ${error.message}`);
      process.exit(1);
    },
  );
}
