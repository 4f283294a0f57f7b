/**
 * `loadOrGenerateDemo`: a data set from `.cache/demo/<earners>-<seed>/` when
 * one was written there with the same options, else generated (signing is
 * the slow part) and written there for next time.
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo, resolveDemoOptions } from './generate.ts';
import type { DemoDataset, DemoOptions } from './types.ts';
import { DEMO_FORMAT_VERSION, readDemo, readManifest, writeDemo } from './write.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The cache root: `TALENT_CACHE_DIR`, else `.cache` in the project. */
export function defaultCacheDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.TALENT_CACHE_DIR ?? '.cache');
}

/** Where a data set of these options is cached. */
export function demoCacheFolder(options: DemoOptions = {}, cacheDir: string = defaultCacheDir()): string {
  const { earners, seed } = resolveDemoOptions(options);
  return path.join(cacheDir, 'demo', `${earners}-${seed}`);
}

export interface LoadedDemo {
  dataset: DemoDataset;
  folder: string;
  /** True when the data set came from the cache (nothing was signed). */
  cached: boolean;
}

export async function loadOrGenerateDemo(options: DemoOptions = {}, cacheDir: string = defaultCacheDir()): Promise<LoadedDemo> {
  const resolved = resolveDemoOptions(options);
  const folder = demoCacheFolder(options, cacheDir);
  const manifest = await readManifest(folder);
  const matches =
    manifest?.formatVersion === DEMO_FORMAT_VERSION &&
    manifest.earners === resolved.earners &&
    manifest.seed === resolved.seed &&
    manifest.issuerBaseUrl === resolved.issuerBaseUrl &&
    manifest.now === resolved.now.toISOString();
  if (matches) return { dataset: await readDemo(folder), folder, cached: true };
  const dataset = await generateDemo(options);
  // write next to the target and swap in, so a reader never sees half a data set
  const staging = `${folder}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await writeDemo(dataset, staging);
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
  return { dataset, folder, cached: false };
}
