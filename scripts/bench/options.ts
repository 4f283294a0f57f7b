/** Command-line flags of `npm run bench:search`, checked once with a message naming the bad flag. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Earner documents in the data set (a separate index prefix per size, so sizes never clobber each other). */
  earners: number;
  /** Seed of the data generator. */
  seed: number;
  /** Build the data set again even when a matching one is present. */
  reload: boolean;
  /** Untimed request pairs per search before measuring. */
  warmup: number;
  /** Timed request pairs (API, engine) per search. */
  iterations: number;
  /** Seconds each load-generator run is measured for (after a ramp that is not counted). */
  duration: number;
  /** Concurrency levels of the load-generator runs. */
  connections: number[];
}

const USAGE = 'usage: bench:search [--earners N] [--seed N] [--reload] [--warmup N] [--iterations N] [--duration S] [--connections 8,32]';

function whole(flag: string, value: string, min: number): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be a whole number of at least ${min} (got "${value}")\n${USAGE}`);
  return n;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      earners: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '42' },
      reload: { type: 'boolean', default: false },
      warmup: { type: 'string', default: '10' },
      iterations: { type: 'string', default: '100' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '8,32' },
    },
    strict: true,
  });
  return {
    earners: whole('earners', values.earners, 100),
    seed: whole('seed', values.seed, 0),
    reload: values.reload,
    warmup: whole('warmup', values.warmup, 0),
    iterations: whole('iterations', values.iterations, 5),
    duration: whole('duration', values.duration, 1),
    connections: values.connections.split(',').map((c) => whole('connections', c.trim(), 1)),
  };
}
