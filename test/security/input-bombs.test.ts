/**
 * Attack (issue 10, item 2): a 3.6 MB PNG killed the indexer (7.5 GB, fatal
 * out-of-memory): the text chunk of a baked badge was inflated without limit.
 * The real `npm run indexer -- ingest` runs here in a child process against
 * the real engine, once with a harmless input and once with decompression
 * bombs (iTXt and zTXt), a 10 MB JSON file and a 10 MB JSON line next to the
 * same harmless input: the bombs are rejected with their reason, the run goes
 * on, and the peak memory of the second run stays within a fixed margin of
 * the first.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { expandInputs, type InputUnit } from '../../indexer/ingest/inputs.ts';
import { extractPngBadge } from '../../indexer/sources/png.ts';
import { readCredentials } from '../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { repoRoot } from '../support/credential-fixtures.ts';
import { engineClient, engineUrl, shareTaxonomyWith, uniquePrefix } from '../support/engine.ts';
import { iTXt, pngWith, zlibBomb, zTXt } from './support/bombs.ts';

const run = promisify(execFile);
const prefix = uniquePrefix('bombs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bombs-'));
const MIB = 1024 * 1024;
/**
 * How much more the attacked run may use than the harmless one. Reading the oversized inputs up to
 * their 5 MiB limits and the bombs up to their 2 MiB caps measured 111-137 MiB more, depending on
 * when the collector ran on a loaded machine (120 MiB failed once); unbounded, the bombs alone
 * would add over 1 GB.
 */
const MARGIN = 200 * MIB;

let unlinkTaxonomy: (() => Promise<void>) | undefined;
beforeAll(async () => {
  unlinkTaxonomy = await shareTaxonomyWith(prefix);
});

afterAll(async () => {
  const client = engineClient();
  await deleteAllIndices({ client, prefix, replicas: 0 });
  await unlinkTaxonomy?.();
  await client.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  peakRss: number;
  rejects: { source: string; reasons: string[]; details: string[] }[];
}

async function ingestInChild(name: string, inputs: string[]): Promise<Run> {
  const report = path.join(tmp, `${name}.rss`);
  const rejects = path.join(tmp, `${name}.rejects.jsonl`);
  const env = {
    ...process.env,
    ELASTICSEARCH_URL: engineUrl(),
    INDEX_PREFIX: prefix,
    INDEXER_ALLOW_NETWORK: 'false',
    MAX_RSS_REPORT: report,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(import.meta.dirname, 'support', 'max-rss.cjs')}`,
  };
  let result: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await run(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['indexer/cli.ts', 'ingest', ...inputs, '--rejects', rejects],
      { cwd: repoRoot, env, maxBuffer: 10 * MIB },
    );
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
  const peakRss = Math.max(
    ...fs
      .readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number(line.split(' ')[1])),
  );
  const lines = fs.existsSync(rejects) ? fs.readFileSync(rejects, 'utf8').trim().split('\n').filter(Boolean) : [];
  return { ...result, peakRss, rejects: lines.map((l) => JSON.parse(l) as Run['rejects'][number]) };
}

describe('decompression bombs and oversized inputs', { timeout: 120_000 }, () => {
  it('refuses a PNG whose badge text inflates past the limit, iTXt and zTXt alike, and still reads a small compressed badge', async () => {
    for (const png of [pngWith([iTXt('openbadges', zlibBomb(256), true)]), pngWith([zTXt('openbadges', zlibBomb(256))])]) {
      const before = process.memoryUsage().rss;
      const extracted = extractPngBadge(png);
      expect(extracted).toMatchObject({
        ok: false,
        malformed: true,
        error: expect.stringMatching(/inflates to more than 2 MiB \(a decompression bomb\)/),
      });
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * MIB);
      const [credential] = await readCredentials({ source: 'bomb.png', bytes: png }, { resolver: createResolver({ allowNetwork: false }) });
      expect(credential!.verification).toMatchObject({ status: 'FAILED', reasons: ['MALFORMED'] });
    }
    const small = pngWith([iTXt('openbadgecredential', deflateSync('https://issuer.example.net/assertions/1'), true)]);
    expect(extractPngBadge(small)).toEqual({ ok: true, text: 'https://issuer.example.net/assertions/1' });
  });

  it('never reads a device or pipe named like a credential (a link to /dev/zero has no end)', async () => {
    const folder = path.join(tmp, 'devices');
    fs.mkdirSync(folder);
    fs.symlinkSync('/dev/zero', path.join(folder, 'zero.json'));
    fs.writeFileSync(path.join(folder, 'small.json'), '{"id":"small"}');
    const units: InputUnit[] = [];
    for await (const unit of expandInputs([folder])) units.push(unit);
    expect(units.map((u) => [u.kind, path.basename(u.source)])).toEqual([
      ['credential', 'small.json'],
      ['problem', 'zero.json'],
    ]);
    expect(units[1]).toMatchObject({ detail: expect.stringMatching(/not a regular file/) });
  });

  it('ingest rejects the bombs and a 10 MB JSON with their reasons, goes on, and its peak memory stays bounded', async () => {
    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, 'earner_email,badge_name,issuer,issued_on\nada@example.org,Welding I,Acme,2025-01-02\n');
    const attack = path.join(tmp, 'attack');
    fs.mkdirSync(attack);
    fs.writeFileSync(path.join(attack, 'a-bomb.png'), pngWith([iTXt('openbadges', zlibBomb(1024), true)]));
    fs.writeFileSync(path.join(attack, 'b-bomb-ztxt.png'), pngWith([zTXt('openbadgecredential', zlibBomb(1024))]));
    const hugeCredential = JSON.stringify({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'urn:x',
      padding: 'x'.repeat(10 * MIB),
    });
    fs.writeFileSync(path.join(attack, 'c-huge.json'), hugeCredential);
    fs.writeFileSync(path.join(attack, 'd-stream.jsonl'), `${hugeCredential}\n{"not":"a credential"}\n`);
    expect(fs.statSync(path.join(attack, 'a-bomb.png')).size).toBeLessThan(2 * MIB);

    const baseline = await ingestInChild('baseline', [good]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const attacked = await ingestInChild('attacked', [attack, good]);
    expect(attacked.code, attacked.stderr).toBe(0);

    const byFile = new Map(attacked.rejects.map((r) => [path.basename(r.source), r]));
    // First reason and detail say why; the missing fields that follow are its consequence.
    expect(byFile.get('a-bomb.png')?.reasons[0]).toBe('MALFORMED');
    expect(byFile.get('a-bomb.png')?.details[0]).toMatch(/iTXt badge text inflates to more than 2 MiB \(a decompression bomb\)/);
    expect(byFile.get('b-bomb-ztxt.png')?.reasons[0]).toBe('MALFORMED');
    expect(byFile.get('b-bomb-ztxt.png')?.details[0]).toMatch(/zTXt badge text inflates to more than 2 MiB/);
    expect(byFile.get('c-huge.json')).toMatchObject({
      reasons: ['TOO_LARGE'],
      details: [expect.stringMatching(/more than the 5 MiB limit/)],
    });
    expect(byFile.get('d-stream.jsonl:1')).toMatchObject({
      reasons: ['TOO_LARGE'],
      details: [expect.stringMatching(/line is longer than the 5 MiB limit/)],
    });
    expect(byFile.get('d-stream.jsonl:2')?.reasons[0]).toBe('UNSUPPORTED_FORMAT');

    // The run went on: the harmless row after the attack is stored.
    const client = engineClient();
    const stored = await client.search<{ source: string }>({ index: `${prefix}-credentials`, query: { match_all: {} }, size: 10 });
    await client.close();
    expect(stored.hits.hits.map((h) => path.basename(h._source!.source))).toEqual(['good.csv:row 2']);

    console.log(
      `peak RSS: harmless run ${(baseline.peakRss / MIB).toFixed(0)} MiB, with 2 GiB of bombs and 20 MB of JSON ${(attacked.peakRss / MIB).toFixed(0)} MiB`,
    );
    expect(attacked.peakRss - baseline.peakRss).toBeLessThan(MARGIN);
  });
});
