/**
 * The same seed gives a byte-identical data set (whether signed in this
 * thread or in worker threads); another seed gives another; a cached data set
 * is read back instead of being signed again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrGenerateDemo } from '../../scripts/demo/cache.ts';
import { generateDemo } from '../../scripts/demo/generate.ts';
import type { DemoOptions } from '../../scripts/demo/types.ts';
import { readDemo, writeDemo } from '../../scripts/demo/write.ts';

const root = mkdtempSync(path.join(tmpdir(), 'demo-determinism-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base: DemoOptions = { earners: 60, issuerBaseUrl: 'http://127.0.0.1:3100', now: new Date('2025-06-01T00:00:00Z') };
const FILES = [
  'credentials.jsonl',
  'settings.jsonl',
  'pathways.json',
  'records.json',
  'issuers.json',
  'hosted/ob2/summit-logistics/key.json',
  'hosted/ob3/riverbend-state/status-list.json',
];

async function written(name: string, options: DemoOptions): Promise<Record<string, string>> {
  const folder = path.join(root, name);
  await writeDemo(await generateDemo(options), folder);
  return Object.fromEntries(FILES.map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]));
}

describe('demo determinism', { timeout: 180_000 }, () => {
  it('writes byte-identical files for the same seed, in this thread or in two workers', async () => {
    const first = await written('a', { ...base, seed: 5, workers: 0 });
    const second = await written('b', { ...base, seed: 5, workers: 2 });
    for (const file of FILES) expect(second[file], file).toBe(first[file]);
    expect(first['credentials.jsonl']!.split('\n').length).toBeGreaterThan(150);
  });

  it('writes a different data set for a different seed', async () => {
    const first = await written('c', { ...base, seed: 5, workers: 0 });
    const other = await written('d', { ...base, seed: 6, workers: 0 });
    expect(other['credentials.jsonl']).not.toBe(first['credentials.jsonl']);
    expect(other['records.json']).not.toBe(first['records.json']);
    // issuer keys derive from the seed too
    expect(other['hosted/ob2/summit-logistics/key.json']).not.toBe(first['hosted/ob2/summit-logistics/key.json']);
  });

  it('caches a generated data set under demo/<earners>-<seed>/ and reads it back without signing', async () => {
    const cacheDir = path.join(root, 'cache');
    const options = { ...base, earners: 12, seed: 9 };
    const generated = await loadOrGenerateDemo(options, cacheDir);
    expect(generated.cached).toBe(false);
    expect(generated.folder).toBe(path.join(cacheDir, 'demo', '12-9'));
    const again = await loadOrGenerateDemo(options, cacheDir);
    expect(again.cached).toBe(true);
    expect(again.dataset.records).toEqual(generated.dataset.records);
    expect(again.dataset.settings).toEqual(generated.dataset.settings);
    expect(again.dataset.pathways).toEqual(generated.dataset.pathways);
    expect(again.dataset.issuers).toEqual(generated.dataset.issuers);
    expect(again.dataset.credentials).toEqual(generated.dataset.credentials);
    expect(again.dataset.hosted).toEqual(generated.dataset.hosted);
    expect(again.dataset.postings).toEqual(generated.dataset.postings);
    // other options for the same size and seed (another issuer origin) replace the cached set
    const moved = await loadOrGenerateDemo({ ...options, issuerBaseUrl: 'http://127.0.0.1:3999' }, cacheDir);
    expect(moved.cached).toBe(false);
    expect(moved.dataset.issuers.find((i) => i.method === 'ob2-hosted')?.id).toMatch(/^http:\/\/127\.0\.0\.1:3999\//);
  });

  it('refuses a cached file that is not what the generator wrote, naming the file, line and field', async () => {
    const folder = path.join(root, 'edited');
    await writeDemo(await generateDemo({ ...base, earners: 6, seed: 3, workers: 0 }), folder);
    const records = JSON.parse(readFileSync(path.join(folder, 'records.json'), 'utf8')) as { listed: unknown }[];
    records[2]!.listed = 'yes';
    writeFileSync(path.join(folder, 'records.json'), JSON.stringify(records));
    await expect(readDemo(folder)).rejects.toThrow(/records\.json: not what the demo generator writes: 2\.listed: .*boolean/);
    const settings = readFileSync(path.join(folder, 'settings.jsonl'), 'utf8').split('\n');
    settings[1] = '{"earnerId": 7}';
    writeFileSync(path.join(folder, 'settings.jsonl'), settings.join('\n'));
    writeFileSync(path.join(folder, 'records.json'), JSON.stringify(records.map((r) => ({ ...r, listed: true }))));
    await expect(readDemo(folder)).rejects.toThrow(/settings\.jsonl:2: not what the demo generator writes: earnerId: .*string/);
  });
});
