/**
 * The engine the backup tests take snapshots on. The run's shared engine when
 * it lists a snapshot folder in `path.repo` (the project's own engine does:
 * `npm run engine`), else an engine of the file's own (`own-engine.ts`),
 * for an ELASTICSEARCH_URL cluster without one. Starting a second engine, and
 * restarting it, costs about a minute of both cores on this machine, slowing
 * every other test file running meanwhile.
 *
 * "Losing the data" means what the restore has to cope with after a lost disk:
 * on the shared engine, every index and alias of the prefix is deleted and the
 * snapshot repository unregistered (a restarted empty node knows neither),
 * while the snapshot files stay on disk; on an own engine, its data folder is
 * deleted and the node restarted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { createEngineClient } from '../../mappings/connection.ts';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { engineUrl } from './engine.ts';
import { startOwnEngine } from './own-engine.ts';

export interface BackupEngine {
  url: string;
  /** A folder under the engine's `path.repo`, for this file's snapshot repository only. */
  backupDir: string;
  /** Deletes what a lost data folder loses (see above); the snapshot files stay. */
  loseData(): Promise<void>;
  /** Deletes the file's indices and snapshots, and stops what this module started. */
  close(): Promise<void>;
}

/** The folders the engine may keep snapshots in (`path.repo`), as its nodes report them. */
async function snapshotRoots(client: Client): Promise<string[]> {
  const info = await client.nodes.info({ metric: 'settings' });
  const repo = Object.values(info.nodes)[0]?.settings?.path?.repo as string | string[] | undefined;
  return (Array.isArray(repo) ? repo : repo ? [repo] : []).filter((dir) => fs.existsSync(dir));
}

export async function backupEngine(options: { name: string; ownPort: number; prefix: string; repository: string }): Promise<BackupEngine> {
  const client = createEngineClient({ url: engineUrl() });
  const [root] = await snapshotRoots(client);
  if (root) {
    const backupDir = path.join(root, options.repository);
    const unregister = () => client.snapshot.deleteRepository({ name: options.repository }, { ignore: [404] });
    return {
      url: engineUrl(),
      backupDir,
      async loseData() {
        await deleteAllIndices({ client, prefix: options.prefix, replicas: 0 });
        await unregister();
      },
      async close() {
        await deleteAllIndices({ client, prefix: options.prefix, replicas: 0 });
        await unregister().catch(() => undefined);
        await client.close();
        fs.rmSync(backupDir, { recursive: true, force: true });
      },
    };
  }
  await client.close();
  const own = await startOwnEngine(options.name, options.ownPort);
  return {
    url: own.url,
    backupDir: own.settings.backupDir,
    loseData: () => own.loseDataAndRestart(),
    async close() {
      await own.stop();
      // This engine exists for this file only: its data and backups go with it (the distribution stays for the next run).
      for (const dir of [own.settings.dataDir, own.settings.backupDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
