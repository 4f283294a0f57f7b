/**
 * Runs the indexer's intake service (`tsx indexer/cli.ts serve-intake`) as
 * its own process, as a deployment does, and waits for the address it
 * listens on (INTAKE_PORT=0: a free port, read from its start-up line).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './credential-fixtures.ts';
import { engineUrl } from './engine.ts';

export interface IntakeServiceProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGTERM, then resolves with the exit code once it has stopped. */
  stop(): Promise<number | string>;
}

/** Spawns the command; resolves with the exit code and output if it ends, or with the running process once `ready` appears. */
export function spawnIndexer(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output(): string; exited: Promise<number | string> } {
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['indexer/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ELASTICSEARCH_URL: engineUrl(), INDEXER_WORKERS: '1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, output: () => out, exited };
}

/** `serve-intake` (or other `args`, such as `schedule --intake`) once it listens. */
export async function startIntakeService(
  env: Record<string, string>,
  { args = ['serve-intake'], timeoutMs = 60_000 }: { args?: string[]; timeoutMs?: number } = {},
): Promise<IntakeServiceProcess> {
  const run = spawnIndexer(args, { INTAKE_PORT: '0', ...env });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not start in ${timeoutMs} ms:\n${run.output()}`));
    }, timeoutMs);
    const check = () => {
      const match = /intake listening on (http:\/\/[^"\s]+)/.exec(run.output());
      if (!match) return;
      clearTimeout(timer);
      run.child.stdout!.off('data', check);
      resolve(match[1]!);
    };
    run.child.stdout!.on('data', check);
    void run.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited before listening:\n${run.output()}`));
    });
  });
  return {
    child: run.child,
    url,
    output: run.output,
    stop: () => {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
      return run.exited;
    },
  };
}
