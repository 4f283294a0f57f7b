/**
 * Fuzz (issue 10): 1,000 generated malformed credential inputs (truncated,
 * deeply nested, huge, wrong types, binary, bad base64 and JWS, bad PNG
 * chunks, broken SVG) through the real `readCredentials` (what `verify` runs)
 * and the real `ingest` against the real engine. No crash, every input comes
 * back with a reason code, memory stays bounded. Seeded: FUZZ_SEED=<n>
 * reproduces a run (the failing index and kind are in the message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import type { Reject } from '../../indexer/ingest/prepare.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { readCredentials } from '../../indexer/sources/read-credentials.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { generateIssuerKey, signOb3DataIntegrity, signOb3Jwt } from '../../scripts/demo/signing/sign.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { fixtureResolver, readFixture } from '../support/credential-fixtures.ts';
import { testIndices } from '../support/engine.ts';
import { malformedInput, type Seeds } from './support/malformed.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const COUNT = 1000;
const MIB = 1024 * 1024;
/** Growth of the resident set allowed over the whole run (inputs of up to 3 MB, bombs of 32 MiB each). */
const RSS_GROWTH_LIMIT = 400 * MIB;

const taxonomy = loadTaxonomy();
const target = testIndices('fuzz');
const store = new IndexStore(target);
const text = (path: string) => Buffer.from(readFixture(path)).toString('utf8');
let seeds: Seeds;

/** Samples the resident set size while `run` goes; returns its peak growth. */
async function peakGrowth(run: () => Promise<void>): Promise<number> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - base;
}

beforeAll(async () => {
  const key = await generateIssuerKey(new Uint8Array(32).fill(42));
  const credential = ob3Credential(key.did, { issuer: { id: key.did, type: ['Profile'], name: 'Fuzz Issuer' } });
  seeds = {
    texts: [
      text('ob20/basic-assertion.json'),
      text('ob20/simple.jwt'),
      text('ob30/simple.json'),
      text('ob30/complete.json'),
      text('ob30/simple.jwt'),
      JSON.stringify(await signOb3DataIntegrity(credential, key, { cryptosuite: 'eddsa-rdfc-2022' })),
      await signOb3Jwt(credential, key),
    ],
    pngs: [readFixture('ob20/simple-badge.png'), readFixture('ob30/simple-json.png'), readFixture('ob30/simple-jwt.png')],
  };
  await store.ensureIndices();
}, 60_000);
afterAll(() => target.cleanup());

describe(`fuzz: ${COUNT} malformed inputs (seed ${SEED})`, { timeout: 120_000 }, () => {
  it('verify: every input yields credentials with a status and a reason code, never an exception', async () => {
    const resolver = fixtureResolver();
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    const msByKind = new Map<string, number>();
    const growth = await peakGrowth(async () => {
      for (let i = 0; i < COUNT; i++) {
        const started = performance.now();
        const input = malformedInput(SEED, i, seeds);
        const source = `fuzz-${i}-${input.kind}`;
        const read = await readCredentials({ source, bytes: input.bytes }, { resolver, now: new Date('2026-11-29T00:00:00Z') });
        if (read.length === 0) problems.push(`${source}: no result`);
        for (const c of read) {
          statuses.set(c.verification.status, (statuses.get(c.verification.status) ?? 0) + 1);
          // A damaged input that still verifies (bytes flipped in image data, whitespace cut) must be intact where it counts; anything else names why.
          if (c.verification.status !== 'VERIFIED' && c.verification.reasons.length === 0)
            problems.push(`${source}: ${c.verification.status} without a reason code`);
        }
        msByKind.set(input.kind, (msByKind.get(input.kind) ?? 0) + performance.now() - started);
      }
    });
    console.log(
      `fuzz seed ${SEED}, verify: ${JSON.stringify(Object.fromEntries(statuses))}, ms by kind ${JSON.stringify(Object.fromEntries([...msByKind].map(([k, v]) => [k, Math.round(v)])))}`,
    );
    expect(problems).toEqual([]);
    // Most of what was damaged fails; the few that verify are damaged only where it does not count.
    expect(statuses.get('VERIFIED') ?? 0).toBeLessThan(COUNT / 10);
    expect(growth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it('ingest against the real engine: the run finishes, every input is stored or rejected with reasons', async () => {
    const rejects: Reject[] = [];
    async function* units(): AsyncGenerator<InputUnit> {
      for (let i = 0; i < COUNT; i++) {
        const input = malformedInput(SEED, i, seeds);
        yield { kind: 'credential', source: `fuzz-${i}-${input.kind}`, bytes: input.bytes };
      }
    }
    let summary: Awaited<ReturnType<typeof ingest>> | undefined;
    const growth = await peakGrowth(async () => {
      summary = await ingest(units(), {
        store,
        taxonomy,
        skills: skillLookup(taxonomy),
        pathways: [],
        verify: { resolver: fixtureResolver() },
        now: () => new Date('2026-11-29T00:00:00Z'),
        chunkSize: 100,
        onReject: (r) => void rejects.push(r),
      });
    });
    expect(summary!.inputs).toBe(COUNT);
    expect(rejects.filter((r) => r.reasons.length === 0)).toEqual([]);
    // Whatever was stored as not verified carries its reasons.
    await store.refresh('credentials');
    const stored = await target.client.search<{ source: string; verification: { status: string; reasons: string[] } }>({
      index: store.alias('credentials'),
      size: COUNT,
      _source: ['source', 'verification'],
    });
    for (const hit of stored.hits.hits) {
      if (hit._source!.verification.status !== 'VERIFIED')
        expect(hit._source!.verification.reasons.length, hit._source!.source).toBeGreaterThan(0);
    }
    // Rejected or stored: several damaged inputs are copies of one credential id, which is one stored credential.
    expect(summary!.rejected).toBeGreaterThan(COUNT / 2);
    expect(stored.hits.hits.length).toBeGreaterThan(0);
    expect(growth).toBeLessThan(RSS_GROWTH_LIMIT);
    console.log(
      `fuzz seed ${SEED}: ${summary!.rejected} rejected, ${summary!.accepted} stored, peak RSS growth ${(growth / MIB).toFixed(0)} MiB`,
    );
  });
});
