/**
 * An engine of a test's own (not the shared one), for what the shared engine
 * cannot do: it has `path.repo` set (snapshots) and its data folder can be
 * deleted. Started with the project's own engine scripts on its own port and
 * cache folder; the distribution is linked from the project cache when there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEngine, stopEngine } from '../../scripts/engine/server.ts';
import { ENGINE_VERSION, engineSettings, type EngineSettings } from '../../scripts/engine/settings.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface OwnEngine {
  url: string;
  settings: EngineSettings;
  env: NodeJS.ProcessEnv;
  /** Stops the node, deletes its data folder (as a lost disk would), and starts it again. */
  loseDataAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnEngine(name: string, port: number): Promise<OwnEngine> {
  const cacheDir = path.join(ROOT, '.cache', `engine-${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELASTICSEARCH_URL: '',
    TALENT_CACHE_DIR: cacheDir,
    ENGINE_PORT: String(port),
    ES_JAVA_OPTS: '-Xms256m -Xmx512m',
    BACKUP_DIR: '',
  };
  delete env.ELASTICSEARCH_URL;
  delete env.BACKUP_DIR;
  const settings = engineSettings(env);
  const zip = path.join(ROOT, '.cache', 'downloads', `elasticsearch-${ENGINE_VERSION}.zip`);
  const ownZip = path.join(cacheDir, 'downloads', path.basename(zip));
  if (fs.existsSync(zip) && !fs.existsSync(ownZip)) {
    fs.mkdirSync(path.dirname(ownZip), { recursive: true });
    fs.linkSync(zip, ownZip);
  }
  const log = () => {};
  const handle = await ensureEngine(env, log);
  return {
    url: handle.url,
    settings,
    env,
    async loseDataAndRestart() {
      await stopEngine(env, log);
      fs.rmSync(settings.dataDir, { recursive: true, force: true });
      await ensureEngine(env, log);
    },
    async stop() {
      await stopEngine(env, log);
    },
  };
}
