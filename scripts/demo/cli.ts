/**
 * Command line of the demo data:
 *
 *   tsx scripts/demo/cli.ts generate [--earners 2000] [--seed 1] [--base-url http://127.0.0.1:3100] [--out DIR] [--workers N]
 *   tsx scripts/demo/cli.ts serve    [--earners 2000] [--seed 1] [--port 3100]
 *
 * `generate` writes the data set to DIR, or to the cache (`.cache/demo/<earners>-<seed>/`)
 * when no --out is given. `serve` loads (or generates) the cached data set for
 * http://127.0.0.1:<port> and serves its documents until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { loadOrGenerateDemo } from './cache.ts';
import { generateDemo } from './generate.ts';
import { startDemoIssuerServer } from './issuers/issuer-server.ts';
import type { DemoDataset, DemoOptions } from './types.ts';
import { writeDemo } from './write.ts';

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number, got "${value}"`);
  return n;
}

function summary(dataset: DemoDataset, seconds: number, where: string): string {
  const badges = dataset.records.flatMap((r) => r.badges);
  const byMethod = new Map<string, number>();
  for (const b of badges) byMethod.set(b.method, (byMethod.get(b.method) ?? 0) + 1);
  const failed = badges.filter((b) => b.status === 'FAILED').length;
  return [
    `${dataset.records.length} earners, ${dataset.credentials.length} credentials (${failed} planted failures) in ${seconds.toFixed(1)} s -> ${where}`,
    ...[...byMethod].map(([method, count]) => `  ${method}: ${count}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      earners: { type: 'string' },
      seed: { type: 'string' },
      'base-url': { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      port: { type: 'string' },
    },
  });
  const command = positionals[0];
  const options: DemoOptions = {};
  const earners = wholeNumber('earners', values.earners);
  const seed = wholeNumber('seed', values.seed);
  const workers = wholeNumber('workers', values.workers);
  if (earners !== undefined) options.earners = earners;
  if (seed !== undefined) options.seed = seed;
  if (workers !== undefined) options.workers = workers;
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;

  if (command === 'generate') {
    if (values['base-url']) options.issuerBaseUrl = values['base-url'];
    if (values.out) {
      const dataset = await generateDemo(options);
      await writeDemo(dataset, values.out);
      console.log(summary(dataset, elapsed(), values.out));
    } else {
      const { dataset, folder, cached } = await loadOrGenerateDemo(options);
      console.log(summary(dataset, elapsed(), `${folder}${cached ? ' (from cache)' : ''}`));
    }
    return;
  }
  if (command === 'serve') {
    const port = wholeNumber('port', values.port) ?? 3100;
    options.issuerBaseUrl = `http://127.0.0.1:${port}`;
    const { dataset, folder, cached } = await loadOrGenerateDemo(options);
    console.log(summary(dataset, elapsed(), `${folder}${cached ? ' (from cache)' : ''}`));
    const server = await startDemoIssuerServer({ hosted: dataset.hosted, port });
    console.log(`demo issuers serving ${dataset.hosted.size} documents on ${server.origin} (Ctrl-C stops)`);
    const stop = (): void => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  throw new Error(
    'usage: tsx scripts/demo/cli.ts generate|serve [--earners N] [--seed S] [--base-url URL] [--out DIR] [--workers N] [--port P]',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
