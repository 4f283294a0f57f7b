/**
 * Builds the web app (typed GraphQL operations, then Vite) into `web/build`
 * when the build is missing or older than anything it is made from.
 * `tsx scripts/build-web.ts [--force]`; `npm start` and the tests' global
 * setup (once per run, before any browser test starts) call `ensureWebBuild`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const BUILT_INDEX = path.join(WEB, 'build', 'index.html');

/** What the build is made from: the app's sources and config, and the API schema its types come from. */
const INPUTS = [
  path.join(ROOT, 'mappings'),
  path.join(WEB, 'src'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'vite.config.ts'),
  path.join(WEB, 'codegen.ts'),
  path.join(WEB, 'public'),
  path.join(ROOT, 'api', 'schema'),
];
/** Written by the build itself: never a reason to build again. */
const GENERATED = path.join(WEB, 'src', 'lib', 'graphql', 'generated.ts');

function newestMtime(target: string): number {
  if (!existsSync(target) || target === GENERATED) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return INPUTS.some((input) => newestMtime(input) > built);
}

function bin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

/** Generates the typed operations from `api/schema/*.graphql` and the app's `.graphql` documents. */
export function generateWebTypes(): void {
  execFileSync(bin('graphql-codegen'), ['--config', 'web/codegen.ts', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/** Asynchronous, so a signal can stop `npm start` during a build (the signal kills the build's processes). */
async function build(signal?: AbortSignal): Promise<void> {
  const run = promisify(execFile);
  const echo = (out: { stdout: string; stderr: string }) => {
    process.stdout.write(out.stdout);
    process.stderr.write(out.stderr);
  };
  echo(await run(bin('graphql-codegen'), ['--config', 'web/codegen.ts', '--silent'], { cwd: ROOT, ...(signal ? { signal } : {}) }));
  echo(
    await run(bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, ...(signal ? { signal } : {}) }),
  );
}

export interface EnsureWebBuildOptions {
  force?: boolean;
  log?: (line: string) => void;
  /** Aborts a build in progress (its processes are killed; the next call builds again). */
  signal?: AbortSignal;
}

/** Builds the web app unless `web/build` is newer than its sources; returns whether it built. */
export async function ensureWebBuild({ force = false, log = console.log, signal }: EnsureWebBuildOptions = {}): Promise<boolean> {
  if (!force && !webBuildIsStale()) return false;
  log('web: building web/build ...');
  await build(signal);
  log('web: built');
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureWebBuild({ force: process.argv.includes('--force') }).catch((error: Error) => {
    console.error(`build-web: ${error.message}`);
    process.exit(1);
  });
}
