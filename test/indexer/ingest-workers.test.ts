/**
 * Verification in worker threads gives the same answers as in the main
 * thread: the same mixed batch ingested with one worker (in-process) and with
 * two leaves the same per-item results and the same indexed documents. The
 * SSRF allow-list reaches the workers, and a worker that dies loses no item.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexKind } from '../../mappings/indices.ts';
import { ingest, type IngestOptions } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import type { Reject } from '../../indexer/ingest/prepare.ts';
import type { RunSummary } from '../../indexer/ingest/summary.ts';
import { createVerifyPool, type VerifyPool } from '../../indexer/ingest/verify-pool.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { fixtureResolverOptions, readFixture } from '../support/credential-fixtures.ts';
import { testIndices, type TestIndices, useSharedTaxonomy } from '../support/engine.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';

const taxonomy = loadTaxonomy();
const NOW = new Date('2026-11-01T00:00:00Z');
const targets: TestIndices[] = [];

async function jwtFor(key: IssuerKey, email: string, achievement: string): Promise<string> {
  const base = ob3Credential(key.did, {}, email) as {
    credentialSubject: { achievement: Record<string, unknown> };
    issuer: Record<string, unknown>;
  };
  base.issuer = { ...base.issuer, id: key.did };
  base.credentialSubject.achievement = {
    ...base.credentialSubject.achievement,
    id: `https://issuer.example.net/achievements/${achievement}`,
    name: `${achievement} badge`,
    alignment: [{ type: ['Alignment'], targetName: 'Python (computer programming)', targetFramework: 'ESCO' }],
  };
  return signOb3Jwt(base, key);
}

/** A JWT whose payload was changed after signing (the signature no longer matches). */
function forge(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { vc?: { credentialSubject?: { id?: string } } };
  const text = JSON.stringify(claims).replace('ada@example.net', 'mallory@example.net');
  return [header, Buffer.from(text).toString('base64url'), signature].join('.');
}

const unit = (source: string, bytes: Uint8Array | string): InputUnit => ({
  kind: 'credential',
  source,
  bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
});

let recognized: IssuerKey;
let unrecognized: IssuerKey;
let batch: InputUnit[];
beforeAll(async () => {
  recognized = await generateIssuerKey(new Uint8Array(32).fill(11));
  unrecognized = await generateIssuerKey(new Uint8Array(32).fill(12));
  const good = await jwtFor(recognized, 'ada@example.net', 'python');
  batch = [
    unit('good.jwt', good),
    unit('ob20/basic-assertion.json', readFixture('ob20/basic-assertion.json')),
    unit('ob30/simple.json', readFixture('ob30/simple.json')),
    unit('ob20/simple-revoked.jwt', readFixture('ob20/simple-revoked.jwt')),
    unit('forged.jwt', forge(await jwtFor(recognized, 'ada@example.net', 'sql'))),
    unit('ob30/simple-err-proof-value.json', readFixture('ob30/simple-err-proof-value.json')),
    unit('unrecognized.jwt', await jwtFor(unrecognized, 'grace@example.net', 'cobol')),
    unit('ob20/basic-assertion-invalid-type.json', readFixture('ob20/basic-assertion-invalid-type.json')),
    unit('garbage.json', '{"@context": [ not json'),
    unit('empty.json', ''),
    unit('good-again.jwt', good),
  ];
});
afterAll(() => Promise.all(targets.map((t) => t.cleanup())));

interface Run {
  summary: Omit<RunSummary, 'ms'>;
  rejects: Reject[];
  documents: Record<string, unknown[]>;
}

/** Every document of the run's indices, earner ids (random per run) replaced by a stable name. */
async function documentsOf(target: TestIndices, store: IndexStore): Promise<Record<string, unknown[]>> {
  const raw: Record<string, { id: string; doc: unknown }[]> = {};
  for (const kind of ['credentials', 'earners', 'badge-classes', 'issuers'] as IndexKind[]) {
    raw[kind] = [];
    for await (const hit of store.scan(kind, { match_all: {} })) raw[kind].push(hit);
  }
  // An earner is named by its credentials' keys, which do not depend on the run.
  const names = new Map<string, string>();
  for (const { doc } of raw.credentials!) {
    const c = doc as { earnerId: string; key: string };
    names.set(c.earnerId, [names.get(c.earnerId), c.key].filter(Boolean).sort().join('+'));
  }
  const out: Record<string, unknown[]> = {};
  for (const [kind, hits] of Object.entries(raw)) {
    out[kind] = hits
      .map(({ id, doc }) => {
        let text = JSON.stringify({ id, doc });
        for (const [earnerId, name] of names) text = text.split(earnerId).join(`earner(${name})`);
        return text;
      })
      .sort()
      .map((t) => JSON.parse(t) as unknown);
  }
  expect(target.prefix).toBeTruthy();
  return out;
}

async function ingestWith(workers: number): Promise<Run> {
  const target = testIndices(`ingest-workers-${workers}`);
  targets.push(target);
  const store = new IndexStore(target);
  await useSharedTaxonomy(target);
  await store.ensureIndices();
  await recognizeIssuer(store, registryEntry(recognized.did, 'Recognized Issuer', { origins: ['https://issuer.example.net'] }));
  const rejects: Reject[] = [];
  const verifyPool = workers > 1 ? createVerifyPool(workers, { resolver: fixtureResolverOptions() }) : undefined;
  const options: IngestOptions = {
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: [],
    verify: { resolver: createResolver(fixtureResolverOptions()) },
    now: () => NOW,
    onReject: (r) => void rejects.push(r),
    // small chunks: with workers, the next chunk verifies while this one is written
    chunkSize: 3,
    ...(verifyPool ? { verifyPool } : {}),
  };
  try {
    const { ms: _ms, ...summary } = await ingest(batch, options);
    return { summary, rejects, documents: await documentsOf(target, store) };
  } finally {
    await verifyPool?.close();
  }
}

describe('verification in worker threads', () => {
  it('gives the same per-item results and the same indexed documents with INDEXER_WORKERS=1 and =2', async () => {
    const one = await ingestWith(1);
    const two = await ingestWith(2);
    // the batch covers what it claims: good, revoked, forged, unrecognized, malformed
    // good-again.jwt, in a later chunk than good.jwt, is written (and counted) again as the same credential
    expect(one.summary).toMatchObject({ inputs: 11, verified: 5, failed: 2 });
    expect(one.rejects.map((r) => [r.source, r.reasons[0]])).toEqual([
      ['ob30/simple-err-proof-value.json', 'CONFLICTS_WITH_AUTHENTIC_COPY'],
      ['ob20/basic-assertion-invalid-type.json', 'MALFORMED'],
      ['garbage.json', 'MALFORMED'],
      ['empty.json', 'MALFORMED'],
    ]);
    const statuses = Object.fromEntries(
      one.documents.credentials!.map((h) => {
        const doc = (h as { doc: { source: string; verification: { status: string }; issuerRecognition: { status: string } } }).doc;
        return [doc.source, `${doc.verification.status} ${doc.issuerRecognition.status}`];
      }),
    );
    // good-again.jwt is the same credential as good.jwt: one stored copy
    expect(statuses).toMatchObject({
      'good-again.jwt': 'VERIFIED RECOGNIZED',
      'forged.jwt': expect.stringMatching(/^FAILED /),
      'unrecognized.jwt': expect.stringMatching(/^VERIFIED (UNKNOWN|PENDING)/),
      'ob20/simple-revoked.jwt': expect.stringMatching(/^FAILED /),
    });

    expect(two.summary).toEqual(one.summary);
    expect(two.rejects).toEqual(one.rejects);
    expect(two.documents).toEqual(one.documents);
  }, 120_000);
});

describe('the verification pool', () => {
  let server: Server;
  let port: number;
  let pool: VerifyPool | undefined;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(404).end('no such assertion'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await pool?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('applies the SSRF allow-list in the workers: a loopback URL is refused unless allowed', async () => {
    const url = unit('hosted.txt', `http://127.0.0.1:${port}/assertions/1`);
    const refused = createVerifyPool(1, { resolver: { allowHosts: [] } });
    const allowed = createVerifyPool(1, { resolver: { allowHosts: [`127.0.0.1:${port}`] } });
    try {
      const [r] = await refused.read({ source: url.source, bytes: (url as { bytes: Uint8Array }).bytes }, NOW);
      const [a] = await allowed.read({ source: url.source, bytes: (url as { bytes: Uint8Array }).bytes }, NOW);
      expect(r!.verification.reasons).not.toContain('NOT_FOUND');
      expect(r!.verification.details?.join(' ')).toMatch(/127\.0\.0\.1/);
      // allowed: the request reached the server, which said 404
      expect(a!.verification.reasons).toContain('NOT_FOUND');
    } finally {
      await Promise.all([refused.close(), allowed.close()]);
    }
  }, 60_000);

  it('a worker that dies loses no item: each it held comes back as a reject naming it, and the run goes on', async () => {
    // A heap too small to even load the verifier: the worker dies with ERR_WORKER_OUT_OF_MEMORY.
    pool = createVerifyPool(1, { resolver: fixtureResolverOptions() }, { resourceLimits: { maxOldGenerationSizeMb: 4 } });
    const target = testIndices('ingest-workers-crash');
    targets.push(target);
    const store = new IndexStore(target);
    await store.ensureIndices();
    const rejects: Reject[] = [];
    const summary = await ingest(batch.slice(0, 3), {
      store,
      taxonomy,
      skills: skillLookup(taxonomy),
      pathways: [],
      verify: { resolver: createResolver(fixtureResolverOptions()) },
      now: () => NOW,
      onReject: (r) => void rejects.push(r),
      verifyPool: pool,
    });
    expect(summary).toMatchObject({ inputs: 3, accepted: 0, rejected: 3 });
    expect(rejects.map((r) => r.source)).toEqual(batch.slice(0, 3).map((u) => u.source));
    for (const r of rejects) {
      expect(r.reasons).toEqual(['VERIFY_WORKER_CRASHED']);
      expect(r.details[0]).toContain(`${r.source}: the verification worker stopped`);
    }
  }, 60_000);
});
