/**
 * Registry files: our format and the DCC known-issuer registry, errors
 * reported by line, nothing applied from a file with errors unless
 * --partial, most authoritative registry first; the `issuers import` command.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIssuerRegistries } from '../../indexer/issuers/import.ts';
import { parseRegistryFile } from '../../indexer/issuers/registry-file.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import type { EarnerContext } from '../../indexer/earners/refresh.ts';
import { engineUrl, testIndices, useSharedTaxonomy } from '../support/engine.ts';

const run = promisify(execFile);
const target = testIndices('registry');
const store = new IndexStore(target);
const ctx: EarnerContext = { store, skills: skillLookup(loadTaxonomy()), pathways: [], now: () => new Date('2026-11-01T00:00:00Z') };
const folder = mkdtempSync(join(tmpdir(), 'registry-import-'));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const DID_A = 'did:key:z6MkhVTX9BF3NGYX6cc7jWpbNnR7cAjH8LUffabZP8Qu4ysC';
const DID_B = 'did:web:credentials.riverbend.example';

/** Rows 2 and 4 are bad (lines 11 and 19 of the file). */
const withErrors = `{
  "format": "talent-directory-issuers",
  "version": 1,
  "name": "Ohio workforce registry",
  "issuers": [
    {
      "ids": ["${DID_A}"],
      "name": "Riverbend State Community College",
      "origins": ["https://riverbend.example"]
    },
    {
      "ids": ["ftp://nowhere.example"],
      "name": "Bad Id College"
    },
    {
      "ids": ["https://badges.harborview.example/issuer.json"],
      "name": "Harborview Health Careers Institute",
      "origins": ["https://badges.harborview.example/"]
    },
    {
      "ids": ["${DID_B}"],
      "status": "APPROVED"
    }
  ]
}
`;

const dcc = `{
  "meta": { "created": "2022-10-27T17:57:31+00:00", "updated": "2025-03-12T16:20:00+00:00" },
  "registry": {
    "${DID_B}": { "name": "Riverbend (DCC listing)", "location": "Columbus, OH, USA", "url": "https://riverbend.example" },
    "not-a-did": { "name": "Broken" },
    "${DID_A}": { "name": "Riverbend via DCC", "url": "https://riverbend.example" }
  }
}
`;

beforeAll(async () => {
  await useSharedTaxonomy(target);
  await store.ensureIndices();
});
afterAll(() => target.cleanup());

describe('reading registry files', () => {
  it('reports every bad row of our format by line, with the reason', () => {
    const parsed = parseRegistryFile(withErrors, 'ohio.json');
    expect(parsed.format).toBe('directory-v1');
    expect(parsed.name).toBe('Ohio workforce registry');
    expect(parsed.entries.map((e) => [e.line, e.entry.id])).toEqual([
      [6, DID_A],
      [15, 'https://badges.harborview.example/issuer.json'],
    ]);
    expect(parsed.problems).toEqual([
      { line: 11, reason: '"ids": "ftp://nowhere.example" is neither a DID nor an http(s) URL' },
      { line: 20, reason: '"name" is missing' },
      { line: 20, reason: '"status" "APPROVED" is not one of RECOGNIZED, PENDING, SUSPENDED' },
    ]);
  });

  it('reads the DCC known-issuer registry: every listed DID recognized, its homepage granting nothing', () => {
    const parsed = parseRegistryFile(dcc, 'dcc.json');
    expect(parsed.format).toBe('dcc-legacy');
    expect(parsed.problems).toEqual([{ line: 5, reason: 'key "not-a-did" is not a DID' }]);
    expect(parsed.entries.map((e) => e.entry)).toEqual([
      {
        id: DID_B,
        ids: [DID_B],
        name: 'Riverbend (DCC listing)',
        url: 'https://riverbend.example',
        location: 'Columbus, OH, USA',
        origins: [],
        dids: [DID_B],
        keys: [],
        status: 'RECOGNIZED',
      },
      {
        id: DID_A,
        ids: [DID_A],
        name: 'Riverbend via DCC',
        url: 'https://riverbend.example',
        origins: [],
        dids: [DID_A],
        keys: [],
        status: 'RECOGNIZED',
      },
    ]);
  });

  it('names a file that is not JSON, or not a registry, at its line', () => {
    expect(parseRegistryFile('{\n  "issuers": [\n  {,}]}', 'x.json').problems[0]).toMatchObject({
      line: 3,
      reason: expect.stringMatching(/^not valid JSON/),
    });
    expect(parseRegistryFile('{"hello": 1}', 'x.json').problems[0]!.reason).toMatch(
      /neither a "talent-directory-issuers" registry .* nor a DCC known-issuer registry/,
    );
  });
});

describe('importing registries', () => {
  it('applies nothing from a file with errors; --partial applies its good rows', async () => {
    const path = file('ohio.json', withErrors);
    const refused = await importIssuerRegistries(ctx, [path]);
    expect(refused.applied).toBe(0);
    expect(refused.problems.map((p) => `${p.line}: ${p.reason}`)).toHaveLength(3);
    expect(await store.registry()).toEqual([]);

    const partial = await importIssuerRegistries(ctx, [path], { partial: true });
    expect(partial.applied).toBe(2);
    expect((await store.registry()).map((e) => [e.id, e.status, e.provenance]).sort()).toEqual(
      [
        [DID_A, 'RECOGNIZED', { format: 'directory-v1', source: 'Ohio workforce registry', rank: 0 }],
        [
          'https://badges.harborview.example/issuer.json',
          'RECOGNIZED',
          { format: 'directory-v1', source: 'Ohio workforce registry', rank: 0 },
        ],
      ].sort(),
    );
  });

  it('loads several registries, most authoritative first', async () => {
    const ours = file(
      'ours.json',
      JSON.stringify({
        format: 'talent-directory-issuers',
        version: 1,
        name: 'Ours',
        issuers: [{ ids: [DID_A], name: 'Riverbend State Community College', origins: ['https://riverbend.example'] }],
      }),
    );
    const theirs = file('dcc-clean.json', dcc.replace(/\n\s+"not-a-did": \{ "name": "Broken" \},/, ''));
    const result = await importIssuerRegistries(ctx, [ours, theirs]);
    expect(result).toMatchObject({ applied: 2, shadowed: 1, problems: [] });
    const byId = new Map((await store.registry()).map((e) => [e.id, e]));
    // DID_A is in both: the first (more authoritative) registry's entry stands.
    expect(byId.get(DID_A)).toMatchObject({ name: 'Riverbend State Community College', provenance: { source: 'Ours', rank: 0 } });
    expect(byId.get(DID_B)).toMatchObject({
      name: 'Riverbend (DCC listing)',
      provenance: { format: 'dcc-legacy', source: 'dcc-clean.json', rank: 1 },
    });
  });

  it('`npm run indexer -- issuers import` prints the problems by file and line and exits 2', async () => {
    const path = file('cli.json', withErrors);
    const result = await run('npx', ['tsx', 'indexer/cli.ts', 'issuers', 'import', path], {
      env: { ...process.env, ELASTICSEARCH_URL: engineUrl(), INDEX_PREFIX: target.prefix },
    }).catch((error: { code: number; stdout: string }) => error);
    expect((result as { code?: number }).code).toBe(2);
    expect(result.stdout).toContain('nothing was applied');
    expect(result.stdout).toContain(`${path}:11: "ids": "ftp://nowhere.example" is neither a DID nor an http(s) URL`);
    expect(result.stdout).toContain(`${path}:20: "name" is missing`);
  }, 60_000);
});
