/**
 * `generateDemo`: the seeded demo data set, acting as several real issuers.
 * Plans everything first (cheap, pure), then signs (slow), then assembles
 * credentials, served documents, directory settings, pathways and records.
 */
import { loadTaxonomy, type Taxonomy } from '../../indexer/taxonomy/index.ts';
import { DEMO_ISSUERS } from './data/catalog.ts';
import type { IssuerDefinition } from './data/catalog-types.ts';
import { setupIssuers } from './issuers/issuers.ts';
import { planDemo } from './data/plan.ts';
import { planPostings } from './data/postings.ts';
import { publishedDocuments } from './issuers/published.ts';
import { earnerRecord, settingsDocument } from './data/records.ts';
import { defaultWorkers, signAll } from './signing/sign-all.ts';
import type { DemoDataset, DemoOptions, ResolvedDemoOptions } from './types.ts';
import { demoUrls } from './urls.ts';

export const DEFAULT_EARNERS = 2_000;
export const DEFAULT_SEED = 1;
export const DEFAULT_ISSUER_BASE_URL = 'http://127.0.0.1:3100';

/** The first day of the current UTC month: the default "today" of a data set. */
export function startOfUtcMonth(date: Date = new Date()): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export function resolveDemoOptions(options: DemoOptions = {}): Omit<ResolvedDemoOptions, 'workers'> & { workers?: number } {
  const earners = options.earners ?? DEFAULT_EARNERS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(earners) || earners < 1) throw new Error(`earners must be a whole number >= 1, got ${earners}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  return {
    earners,
    seed,
    issuerBaseUrl: demoUrls(options.issuerBaseUrl ?? DEFAULT_ISSUER_BASE_URL).root,
    now: options.now ?? startOfUtcMonth(),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  };
}

/** Extra knobs for tests: another taxonomy instance or catalog. */
export interface GenerateDependencies {
  taxonomy?: Taxonomy;
  catalog?: readonly IssuerDefinition[];
}

export async function generateDemo(options: DemoOptions = {}, dependencies: GenerateDependencies = {}): Promise<DemoDataset> {
  const partial = resolveDemoOptions(options);
  const urls = demoUrls(partial.issuerBaseUrl);
  const taxonomy = dependencies.taxonomy ?? loadTaxonomy();
  const setups = await setupIssuers(dependencies.catalog ?? DEMO_ISSUERS, taxonomy, urls, partial.seed);
  const plan = planDemo({ ...partial, workers: 0 }, setups, urls);
  const resolved: ResolvedDemoOptions = { ...partial, workers: partial.workers ?? defaultWorkers(plan.badges, setups) };

  const issued = await signAll(plan.badges, setups, urls, resolved.workers);
  const hosted = await publishedDocuments(setups, plan.badges, urls, resolved.now);
  const encoder = new TextEncoder();
  const credentials = issued.map((credential, line) => {
    if (credential.hostedPath) hosted.set(credential.hostedPath, credential.text);
    return { source: `credentials.jsonl:${line + 1}`, bytes: encoder.encode(credential.text) };
  });
  const records = plan.earners.map((earner) => earnerRecord(earner, setups, resolved.seed));
  const settings = plan.earners.map((earner, i) => settingsDocument(earner, records[i]!, resolved.now));
  return {
    options: resolved,
    issuers: setups.map((s) => s.summary),
    credentials,
    hosted,
    settings,
    pathways: setups.flatMap((s) => s.pathways),
    records,
    postings: planPostings(records, taxonomy, resolved.seed, resolved.now),
  };
}
