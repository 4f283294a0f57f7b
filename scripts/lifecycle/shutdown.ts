/**
 * Orderly shutdown for `npm start` on SIGTERM or SIGINT (what a service
 * manager or container runtime sends to the main process alone).
 *
 * Handlers are installed before the long start-up steps. On the first signal
 * `signal` aborts (start-up steps and running jobs stop at their next safe
 * point), start-up is given a bounded moment to reach that point, then the
 * registered parts close in reverse order, each within what is left of one
 * overall budget; the process exits within the budget whatever happens.
 * A second signal exits at once.
 */

type Log = (line: string) => void;

export interface Shutdown {
  /** Aborts on the first signal: pass it to long start-up steps and jobs. */
  readonly signal: AbortSignal;
  /** Registers a part to close on shutdown; parts close last-registered first. `close` gets its time budget in ms. */
  add(name: string, close: (budgetMs: number) => Promise<unknown>): void;
  /** The start-up work in flight; shutdown waits for it (bounded) before closing parts. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Runs the shutdown (also what the signal handlers call); then the process exits with `exitCode` (default 0). */
  stop(reason: string, exitCode?: number): Promise<void>;
}

export interface ShutdownOptions {
  log: Log;
  /** Everything must be closed within this (default 9 s: container runtimes kill after 10 s). */
  budgetMs?: number;
  /** At most this long for start-up work to reach a safe point (default 4 s). */
  startupGraceMs?: number;
  exit?: (code: number) => void;
}

function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([work, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, ms)).unref())]);
}

export function installShutdown({
  log,
  budgetMs = 9_000,
  startupGraceMs = 4_000,
  exit = (code) => process.exit(code),
}: ShutdownOptions): Shutdown {
  const controller = new AbortController();
  const parts: { name: string; close: (budgetMs: number) => Promise<unknown> }[] = [];
  let startup: Promise<unknown> = Promise.resolve();
  let stopping: Promise<void> | null = null;

  const run = async (reason: string): Promise<void> => {
    const deadline = Date.now() + budgetMs;
    const left = () => deadline - Date.now();
    log(`\nStopping (${reason})...`);
    controller.abort(new Error(`stopped by ${reason}`));
    if (
      (await within(
        startup.catch(() => undefined),
        Math.min(startupGraceMs, left()),
      )) === 'timeout'
    ) {
      log('  start-up did not reach a safe point in time; closing anyway');
    }
    for (const part of [...parts].reverse()) {
      const started = Date.now();
      const outcome = await within(
        part.close(left()).then(
          () => 'ok',
          (error: Error) => `failed: ${error.message}`,
        ),
        left(),
      );
      log(
        `  ${part.name}: ${outcome === 'timeout' ? 'did not close in time' : outcome === 'ok' ? `closed in ${Date.now() - started} ms` : outcome}`,
      );
    }
    log('Stopped.');
  };

  const stop = (reason: string, exitCode = 0): Promise<void> => {
    stopping ??= run(reason).finally(() => exit(exitCode));
    return stopping;
  };
  const onSignal = (name: NodeJS.Signals) => {
    if (stopping) {
      log(`${name} again: exiting now`);
      exit(130);
      return;
    }
    void stop(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return {
    signal: controller.signal,
    add: (name, close) => void parts.push({ name, close }),
    track: (work) => {
      startup = Promise.allSettled([startup, work]);
      return work;
    },
    stop,
  };
}
