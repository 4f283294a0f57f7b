/**
 * Measures the per-credential signing time of each issuing method on this
 * machine, with demo credentials, side by side in one run:
 *
 *   tsx scripts/demo/signing/measure-signing.ts [--count 200]
 *
 * Data Integrity proofs canonicalize RDF and cost milliseconds; VC-JWT and
 * OB 2.0 signing cost well under one. The default issuer weights in
 * `catalog.ts` follow from these rates.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { DEMO_ISSUERS } from '../data/catalog.ts';
import { ISSUING_METHODS } from '../data/catalog-types.ts';
import { issueBadge } from './issue.ts';
import { keysFor, setupIssuers } from '../issuers/issuers.ts';
import { planDemo } from '../data/plan.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { demoUrls } from '../urls.ts';

const { values } = parseArgs({ options: { count: { type: 'string' } } });
const count = Number(values.count ?? 200);
const urls = demoUrls('http://127.0.0.1:3100');
const setups = await setupIssuers(DEMO_ISSUERS, loadTaxonomy(), urls, 1);
const plan = planDemo({ earners: 3_000, seed: 1, issuerBaseUrl: urls.root, now: new Date(), workers: 0 }, setups, urls);

console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
for (const method of ISSUING_METHODS) {
  const badges = plan.badges.filter((b) => setups[b.issuerIndex]!.definition.method === method && !b.defect).slice(0, count);
  const keys = new Map(await Promise.all(setups.map(async (s) => [s.index, await keysFor(s)] as const)));
  // one warm-up: the first JSON-LD signature compiles contexts
  await issueBadge(badges[0]!, setups[badges[0]!.issuerIndex]!, keys.get(badges[0]!.issuerIndex)!, urls);
  const started = performance.now();
  for (const badge of badges) await issueBadge(badge, setups[badge.issuerIndex]!, keys.get(badge.issuerIndex)!, urls);
  const ms = (performance.now() - started) / badges.length;
  console.log(
    `${method.padEnd(28)} ${ms.toFixed(3).padStart(8)} ms/credential  ${(1000 / ms).toFixed(0).padStart(6)} credentials/s  (n=${badges.length})`,
  );
}
