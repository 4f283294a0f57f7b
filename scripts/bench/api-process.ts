/** Starts the API in a child process for the measurements and stops it again. */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface ApiProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  engineUrl: string;
  prefix: string;
  /** The API's log level; request logs at `info` would be one JSON line per request. */
  logLevel: 'info' | 'warn' | 'error';
}

const CHILD = fileURLToPath(new URL('./api-child.ts', import.meta.url));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startApiProcess({ engineUrl, prefix, logLevel }: ApiProcessOptions): Promise<ApiProcess> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ELASTICSEARCH_URL: engineUrl,
      INDEX_PREFIX: prefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      // As deployed (the Dockerfile sets it): production mode, with the secrets it requires made up for the run.
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      REPORT_NOISE_SECRET: randomBytes(32).toString('base64url'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Never leave the API running behind a benchmark that died.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the API process exited with code ${code} before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      process.off('exit', killOnExit);
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
