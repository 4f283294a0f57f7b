/**
 * Where the local development/test Elasticsearch lives and how it is run.
 * Every default is here; each can be overridden by an environment variable
 * (listed in the README).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned engine version: the newest 9.x integ-test distribution published on Maven Central. */
export const ENGINE_VERSION = '9.5.4';
export const ENGINE_ARTIFACT = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ENGINE_VERSION}:zip`;

/** Elasticsearch refuses to run as root; when we are root we run it as this system user. */
export const ENGINE_USER = 'talent-es';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface EngineSettings {
  /** Folder for the downloaded distribution, data and logs (kept out of git). */
  cacheDir: string;
  /** Unpacked distribution (ES_HOME). */
  homeDir: string;
  dataDir: string;
  logsDir: string;
  /** The engine's `path.repo`: where the filesystem snapshot repository of backups lives (BACKUP_DIR). */
  backupDir: string;
  pidFile: string;
  port: number;
  /** Heap and other JVM options. */
  javaOpts: string;
  url: string;
  logFile: string;
  /** Seconds to wait for the cluster to turn yellow or green. */
  startTimeoutSeconds: number;
}

export function engineSettings(env: NodeJS.ProcessEnv = process.env): EngineSettings {
  const cacheDir = path.resolve(env.TALENT_CACHE_DIR ?? path.join(repoRoot, '.cache'));
  const port = parsePort(env.ENGINE_PORT ?? '9200');
  const engineDir = path.join(cacheDir, 'elasticsearch');
  const logsDir = path.join(engineDir, 'logs');
  return {
    cacheDir,
    homeDir: path.join(engineDir, `elasticsearch-${ENGINE_VERSION}`),
    dataDir: path.join(engineDir, 'data'),
    logsDir,
    // Outside the data folder on purpose: a lost data folder must not take the backups with it.
    backupDir: path.resolve(env.BACKUP_DIR ?? path.join(cacheDir, 'backups')),
    pidFile: path.join(engineDir, 'elasticsearch.pid'),
    port,
    javaOpts: javaOptions(env),
    url: `http://127.0.0.1:${port}`,
    logFile: path.join(logsDir, 'talent-directory.log'),
    startTimeoutSeconds: Number(env.ENGINE_START_TIMEOUT ?? '180'),
  };
}

/**
 * ES_JAVA_OPTS, else the default heap; with ENGINE_QUICK_JIT=1 the JVM compiles with its quick compiler (C1) only.
 * A short-lived engine then spends much less CPU compiling code it will not run for long (measured here: 16-18 s
 * of engine CPU to start instead of 26-29 s, and 20-40% less over a set of search and backup tests), at some cost
 * in peak speed: `npm test` sets it; a long-running engine and the benchmarks leave it unset.
 */
function javaOptions(env: NodeJS.ProcessEnv): string {
  const options = env.ES_JAVA_OPTS ?? '-Xms512m -Xmx1g';
  const quickJit = env.ENGINE_QUICK_JIT ?? '0';
  if (quickJit !== '0' && quickJit !== '1') throw new Error(`ENGINE_QUICK_JIT must be 0 or 1, got "${quickJit}"`);
  return quickJit === '1' ? `${options} -XX:TieredStopAtLevel=1` : options;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`ENGINE_PORT must be a TCP port number (1-65535), got "${value}"`);
  }
  return port;
}

/** Node settings for a single local node on loopback; production enables security instead. */
export function nodeSettings(s: EngineSettings): Record<string, string> {
  return {
    'cluster.name': 'talent-directory',
    'node.name': 'local',
    'discovery.type': 'single-node',
    'network.host': '127.0.0.1',
    'http.port': String(s.port),
    'transport.port': String(s.port + 100),
    'path.data': s.dataDir,
    'path.logs': s.logsDir,
    'path.repo': s.backupDir,
    // Loopback only, development and tests: no TLS, no users.
    'xpack.security.enabled': 'false',
    // These machines' disks can be more than 90% full, which would block shard allocation.
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
    'action.destructive_requires_name': 'false',
  };
}
