/**
 * Work done after a request has been answered (sending a claim link), so the
 * answer does not wait for it and its timing tells nothing. Failures are
 * logged; `idle()` waits for what is still running (shutdown, tests).
 */
import type { Logger } from './log.ts';

export interface Background {
  run(name: string, work: () => Promise<void>): void;
  idle(): Promise<void>;
}

export function createBackground(log: Logger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(name, work) {
      const task = (async () => {
        // Start on a later turn: the request's answer goes out first.
        await new Promise((resolve) => setImmediate(resolve));
        await work();
      })()
        .catch((error: Error) => log.error('background work failed', { work: name, message: error.message }))
        .finally(() => running.delete(task));
      running.add(task);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
