/**
 * The demo issuers' web server in a child process: it prepares (or reuses)
 * the cached demo data set and serves its documents, so neither its memory
 * nor its CPU count toward the indexer being measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCacheFolder } from '../../demo/cache.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface IssuersProcess {
  /** Folder of the cached data set (credentials.jsonl, settings.jsonl, pathways.json, postings.jsonl). */
  folder: string;
  stop(): Promise<void>;
}

export async function startIssuersProcess(
  earners: number,
  seed: number,
  port: number,
  log: (line: string) => void,
): Promise<IssuersProcess> {
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/demo/cli.ts', 'serve', '--earners', String(earners), '--seed', String(seed), '--port', String(port)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) log(`   [issuers] ${line}`);
      if (output.includes('demo issuers serving')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`the demo issuers' process exited (${code}): ${output.trim().split('\n').slice(-5).join(' | ')}`)),
    );
  });
  return {
    folder: demoCacheFolder({ earners, seed }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
