/**
 * Starts, stops and reports on the local single-node Elasticsearch.
 * `ensureEngine` is what `npm start`, the test set-up and the benchmarks call:
 * it uses ELASTICSEARCH_URL when set, reuses a running local node, and
 * otherwise installs and starts one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { installDistribution } from './distribution.ts';
import { findJavaHome } from './java.ts';
import { ENGINE_USER, engineSettings, nodeSettings, type EngineSettings } from './settings.ts';

export interface EngineHandle {
  url: string;
  /** True when this call started the node (so the caller may stop it again). */
  started: boolean;
  /** Where the node logs, when it is ours. */
  logFile?: string;
}

type Log = (line: string) => void;

/** Cluster health colour, or null when nothing answers at `url`. */
export async function clusterHealth(url: string): Promise<string | null> {
  try {
    const response = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return null;
    const body = (await response.json()) as { status?: string };
    return body.status ?? null;
  } catch {
    return null;
  }
}

export async function waitForHealth(url: string, timeoutSeconds: number, isAlive: () => boolean = () => true): Promise<string> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    const status = await clusterHealth(url);
    if (status === 'green' || status === 'yellow') return status;
    if (!isAlive()) throw new Error('the Elasticsearch process exited during start-up');
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`Elasticsearch at ${url} did not reach yellow or green health within ${timeoutSeconds}s`);
}

export interface EnsureEngineHooks {
  /** Stops waiting for a starting node (the node keeps starting; stop it with `stopEngine`). */
  signal?: AbortSignal;
  /** Called just before this call starts a node, so the caller can stop it again on shutdown. */
  onStarting?: () => void;
}

export async function ensureEngine(
  env: NodeJS.ProcessEnv = process.env,
  log: Log = console.log,
  hooks: EnsureEngineHooks = {},
): Promise<EngineHandle> {
  if (env.ELASTICSEARCH_URL) {
    const url = env.ELASTICSEARCH_URL.replace(/\/+$/, '');
    const status = await clusterHealth(url);
    if (status === null) throw new Error(`ELASTICSEARCH_URL=${url} does not answer GET /_cluster/health; is the cluster up and reachable?`);
    return { url, started: false };
  }
  const s = engineSettings(env);
  if ((await clusterHealth(s.url)) !== null) {
    await waitForHealth(s.url, s.startTimeoutSeconds);
    return { url: s.url, started: false, logFile: s.logFile };
  }
  hooks.onStarting?.();
  await startEngine(s, log, hooks.signal);
  return { url: s.url, started: true, logFile: s.logFile };
}

async function startEngine(s: EngineSettings, log: Log, signal?: AbortSignal): Promise<void> {
  installDistribution(s, log);
  const javaHome = findJavaHome();
  fs.mkdirSync(s.dataDir, { recursive: true });
  fs.mkdirSync(s.logsDir, { recursive: true });
  fs.mkdirSync(s.backupDir, { recursive: true });
  fs.rmSync(s.pidFile, { force: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    prepareUnprivilegedUser(s);
    execFileSync('chown', ['-R', `${ENGINE_USER}:${ENGINE_USER}`, s.backupDir]);
  }

  const args = ['-d', '-p', s.pidFile, ...Object.entries(nodeSettings(s)).flatMap(([k, v]) => ['-E', `${k}=${v}`])];
  const bin = path.join(s.homeDir, 'bin', 'elasticsearch');
  const env = {
    ...process.env,
    ES_JAVA_HOME: javaHome,
    ES_JAVA_OPTS: s.javaOpts,
    ES_TMPDIR: path.join(s.cacheDir, 'elasticsearch', 'tmp'),
  };
  fs.mkdirSync(env.ES_TMPDIR, { recursive: true });
  if (asRoot) execFileSync('chown', ['-R', `${ENGINE_USER}:${ENGINE_USER}`, env.ES_TMPDIR]);
  log(`Starting Elasticsearch on ${s.url} (Java: ${javaHome}; log: ${s.logFile})`);
  const command = asRoot ? 'runuser' : bin;
  const commandArgs = asRoot ? ['-u', ENGINE_USER, '--', bin, ...args] : args;
  // -d detaches the node; the command returns once the node is up or has failed.
  const result = spawnSync(command, commandArgs, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`Elasticsearch failed to start (exit ${result.status}). Last output:\n${tail}\nFull log: ${s.logFile}`);
  }
  const status = await waitForHealth(s.url, s.startTimeoutSeconds, () => {
    signal?.throwIfAborted();
    return isRunning(s);
  });
  log(`Elasticsearch is ${status} at ${s.url}`);
}

/** Creates the system user (once) and hands it the engine folders; every parent must be traversable. */
function prepareUnprivilegedUser(s: EngineSettings): void {
  const exists = spawnSync('id', ['-u', ENGINE_USER]).status === 0;
  if (!exists) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ENGINE_USER]);
  }
  const engineDir = path.dirname(s.homeDir);
  execFileSync('chown', ['-R', `${ENGINE_USER}:${ENGINE_USER}`, engineDir]);
  for (let dir = path.dirname(engineDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Elasticsearch runs as the unprivileged user "${ENGINE_USER}", which cannot enter ${dir}. ` +
          'Set TALENT_CACHE_DIR to a folder under a world-traversable path (e.g. /var/tmp/talent-directory).',
      );
    }
  }
}

function readPid(s: EngineSettings): number | null {
  try {
    const pid = Number(fs.readFileSync(s.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** During start-up: the pid file appears only once the node is up, so no file yet means "still starting". */
function isRunning(s: EngineSettings): boolean {
  const pid = readPid(s);
  return pid === null || processAlive(pid);
}

/** Stops the node this project started (found by its pid file); waits until it has exited. */
export async function stopEngine(env: NodeJS.ProcessEnv = process.env, log: Log = console.log): Promise<boolean> {
  const s = engineSettings(env);
  const pid = readPid(s);
  if (pid === null || !processAlive(pid)) {
    log('No local Elasticsearch started by this project is running.');
    return false;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 60 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 500));
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(s.pidFile, { force: true });
  log(`Stopped Elasticsearch (pid ${pid}).`);
  return true;
}

export { engineSettings };
