/**
 * Issue 13 item 5: the indexer itself SIGKILLed mid-run (not the engine)
 * leaves a state that one re-run repairs: after kill + re-run, the indices
 * hold exactly what one clean run writes. Nothing lost (every credential,
 * every earner, every badge class), nothing duplicated (each credential in
 * exactly one earner, the same grouping of credentials into earners, each
 * earner's badges identical apart from the time they were checked).
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrGenerateDemo, type LoadedDemo } from '../../scripts/demo/cache.ts';
import { startDemoIssuerServer, type DemoIssuerServer } from '../../scripts/demo/issuers/issuer-server.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { aliasName, deleteAllIndices } from '../../mappings/indices.ts';
import { engineClient, engineUrl, shareTaxonomyWith, uniquePrefix } from '../support/engine.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const client = engineClient();
const clean = uniquePrefix('killed-clean');
const killed = uniquePrefix('killed-rerun');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-killed-'));
let issuers: DemoIssuerServer;
let demo: LoadedDemo;

/** The indexer CLI as one node process (no npx or tsx wrapper), so SIGKILL reaches the process doing the work. */
function ingestArgs(): string[] {
  return [
    '--import',
    'tsx',
    'indexer/cli.ts',
    'ingest',
    path.join(demo.folder, 'credentials.jsonl'),
    '--rejects',
    path.join(cacheDir, `rejects-${Date.now()}.jsonl`),
  ];
}
const env = (prefix: string) => ({ ...process.env, ELASTICSEARCH_URL: engineUrl(), INDEX_PREFIX: prefix, INDEXER_CHUNK_SIZE: '40' });

function ingest(prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ingestArgs(), { cwd: ROOT, env: env(prefix), timeout: 300_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

async function count(prefix: string, kind: 'credentials' | 'earners' | 'badge-classes'): Promise<number> {
  return (await client.count({ index: aliasName(prefix, kind) }, { ignore: [404] })).count ?? 0;
}

async function all<T>(prefix: string, kind: 'credentials' | 'earners' | 'badge-classes'): Promise<T[]> {
  await client.indices.refresh({ index: aliasName(prefix, kind) });
  const response = await client.search<T>({ index: aliasName(prefix, kind), size: 10_000, query: { match_all: {} } });
  return response.hits.hits.map((h) => h._source!);
}

/** What one run leaves, independent of random earner ids and check times. */
async function state(prefix: string) {
  const credentials = await all<CredentialDocument>(prefix, 'credentials');
  const earners = await all<EarnerDocument>(prefix, 'earners');
  const badgeClasses = await all<{ id: string }>(prefix, 'badge-classes');
  const groups = new Map<string, string[]>();
  for (const c of credentials) groups.set(c.earnerId, [...(groups.get(c.earnerId) ?? []), c.id]);
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  return {
    credentials: credentials.map((c) => c.id).sort(),
    /** Credentials grouped by earner, as sets (earner ids are random per run). */
    grouping: [...groups.values()].map((ids) => ids.sort().join(' ')).sort(),
    earnerCount: earners.length,
    /** Each earner's badges, hashed without the time of the check. */
    badgeHashes: earners
      .map((e) =>
        hash(
          e.badges
            .map(({ verification: { checkedAt: _t, ...v }, ...b }) => ({ ...b, verification: v }))
            .sort((a, b) => a.credentialId.localeCompare(b.credentialId)),
        ),
      )
      .sort(),
    badgeClasses: badgeClasses.map((b) => b.id).sort(),
  };
}

const unlinkTaxonomy: (() => Promise<void>)[] = [];

beforeAll(async () => {
  for (const prefix of [clean, killed]) unlinkTaxonomy.push(await shareTaxonomyWith(prefix));
  issuers = await startDemoIssuerServer();
  demo = await loadOrGenerateDemo({ earners: 150, seed: 7, issuerBaseUrl: issuers.origin }, cacheDir);
  issuers.serve(demo.dataset.hosted);
}, 300_000);

afterAll(async () => {
  await issuers?.close();
  await deleteAllIndices({ client, prefix: clean, replicas: 0 });
  await deleteAllIndices({ client, prefix: killed, replicas: 0 });
  for (const unlink of unlinkTaxonomy) await unlink();
  await client.close();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('indexer killed mid-run', () => {
  it('one re-run after SIGKILL leaves exactly what a clean run leaves', async () => {
    await ingest(clean);
    const expected = await state(clean);
    expect(expected.credentials.length).toBeGreaterThan(400);

    const child = spawn(process.execPath, ingestArgs(), { cwd: ROOT, env: env(killed), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Killed once about a third of the credentials are in, mid-way through the run's chunks.
    let seen: number;
    for (const deadline = Date.now() + 240_000; Date.now() < deadline && child.exitCode === null;) {
      seen = await count(killed, 'credentials');
      if (seen >= expected.credentials.length / 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    await client.indices.refresh({ index: aliasName(killed, 'credentials') });
    const partial = await count(killed, 'credentials');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expected.credentials.length);
    console.log(`killed with ${partial} of ${expected.credentials.length} credentials stored`);

    await ingest(killed);
    const repaired = await state(killed);
    expect(repaired.credentials).toEqual(expected.credentials);
    expect(repaired.grouping).toEqual(expected.grouping);
    expect(repaired.earnerCount).toBe(expected.earnerCount);
    expect(repaired.earnerCount).toBe(expected.grouping.length);
    expect(repaired.badgeHashes).toEqual(expected.badgeHashes);
    expect(repaired.badgeClasses).toEqual(expected.badgeClasses);
  }, 600_000);
});
