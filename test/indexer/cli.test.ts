import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { fixturePath, repoRoot } from '../support/credential-fixtures.ts';
import { engineClient, engineUrl, shareTaxonomyWith, uniquePrefix } from '../support/engine.ts';

const run = promisify(execFile);
const prefix = uniquePrefix('cli');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
const assets = fixturePath('ob20/assets');
const resolveFlags = [
  '--resolve',
  `https://example.org/=${assets}/`,
  '--resolve',
  `http://example.org/=${assets}/`,
  '--resolve',
  `https://example.org/beths-robotics-badge.json=${fixturePath('ob20/basic-assertion.json')}`,
];

async function indexer(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['indexer/cli.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ELASTICSEARCH_URL: engineUrl(), INDEX_PREFIX: prefix, INDEXER_ALLOW_NETWORK: 'false', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let unlinkTaxonomy: () => Promise<void>;
beforeAll(async () => {
  unlinkTaxonomy = await shareTaxonomyWith(prefix);
});

afterAll(async () => {
  const client = engineClient();
  await deleteAllIndices({ client, prefix, replicas: 0 });
  await unlinkTaxonomy();
  await client.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the indexer command line', () => {
  it('ingests a mix of good and bad input, prints a summary and writes rejects with reasons', async () => {
    const rejects = path.join(tmp, 'rejects.jsonl');
    fs.writeFileSync(path.join(tmp, 'broken.json'), '{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"');
    const inputs = [
      fixturePath('ob20/basic-assertion.json'),
      fixturePath('ob20/simple-revoked.jwt'),
      fixturePath('ob30/simple.json'),
      path.join(tmp, 'broken.json'),
    ];
    const result = await indexer(['ingest', ...inputs, ...resolveFlags, '--rejects', rejects]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Summary: 4 inputs, 3 credentials accepted');
    expect(result.stdout).toContain('verified 2, unverified 0, failed 1');
    expect(result.stdout).toContain('not verified, by reason: REVOKED 1');
    expect(result.stdout).toContain(`rejected 1: MALFORMED 1`);
    const lines = fs
      .readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source: string; reasons: string[]; details: string[] });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.source).toBe(path.join(tmp, 'broken.json'));
    expect(lines[0]?.details.join(' ')).toMatch(/JSON/);
  });

  it('prints one JSON object per credential for verify --json, without indexing', async () => {
    const result = await indexer(['verify', '--json', fixturePath('ob30/simple.json'), fixturePath('ob30/simple-err-expired.json')]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [path.basename(String(l.source)), l.format, l.status, l.reasons])).toEqual([
      ['simple.json', 'ob3-json-ld', 'VERIFIED', []],
      ['simple-err-expired.json', 'ob3-json-ld', 'FAILED', ['EXPIRED']],
    ]);
    expect(lines[0]).toHaveProperty('issuer.name', 'Example Corp');
    expect(lines[0]).toHaveProperty('achievement.name', 'Teamwork');
    expect(lines[0]).toHaveProperty('skills');
    expect(result.code).toBe(2); // something did not verify
  });

  it('checks a hashed recipient against --recipient', async () => {
    const good = await indexer([
      'verify',
      '--json',
      '--recipient',
      'nobody@example.org',
      fixturePath('ob20/basic-assertion.json'),
      ...resolveFlags,
    ]);
    expect(JSON.parse(good.stdout.trim())).toMatchObject({
      status: 'VERIFIED',
      recipient: { type: 'email', identity: 'nobody@example.org' },
    });
    const bad = await indexer([
      'verify',
      '--json',
      '--recipient',
      'someone@example.org',
      fixturePath('ob20/basic-assertion.json'),
      ...resolveFlags,
    ]);
    expect(JSON.parse(bad.stdout.trim())).toMatchObject({ status: 'FAILED', reasons: ['RECIPIENT_MISMATCH'] });
  });

  it('exits non-zero and says what to do when the engine is down', async () => {
    const result = await indexer(['ingest', fixturePath('ob30/simple.json')], { ELASTICSEARCH_URL: 'http://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Elasticsearch at http://127.0.0.1:1 is not reachable: start it with "npm run engine"');
  });

  it('explains its usage for an unknown command', async () => {
    const result = await indexer(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('usage: npm run indexer --');
  });
});

describe('pathway definitions', () => {
  it('are checked, stored and used for earners on later runs', async () => {
    const file = path.join(tmp, 'pathways.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        {
          id: 'robotics',
          name: 'Robotics pathway',
          badgeClasses: ['https://example.org/robotics-badge.json', 'https://example.org/other.json'],
        },
      ]),
    );
    const first = await indexer(['ingest', fixturePath('ob20/basic-assertion.json'), ...resolveFlags, '--pathways', file]);
    expect(first.code).toBe(0);
    const client = engineClient();
    const stored = await client.get({ index: `${prefix}-pathways`, id: 'robotics' });
    expect(stored._source).toMatchObject({ name: 'Robotics pathway' });
    await client.close();

    fs.writeFileSync(file, JSON.stringify([{ id: 'bad', name: 'Bad', badgeClasses: [] }]));
    const bad = await indexer(['ingest', fixturePath('ob20/basic-assertion.json'), '--pathways', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`pathways file ${file}: pathways[0] (bad).badgeClasses: expected a non-empty array of badge class ids`);
  });
});
