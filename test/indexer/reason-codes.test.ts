import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import type { Reject } from '../../indexer/ingest/prepare.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import type { Resolver } from '../../indexer/verify/resolver.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { bindIssuerKey, generateIssuerKey, signOb3Jwt } from '../../scripts/demo/signing/sign.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { fixtureResolver, readFixture, repoRoot } from '../support/credential-fixtures.ts';
import { testIndices } from '../support/engine.ts';

/**
 * Every reason code, end to end: the credential goes through `ingest` into
 * the real engine, and the stored credential (or the reject, for input that
 * cannot be stored) carries the code.
 */
const taxonomy = loadTaxonomy();

/**
 * One index set for the file, emptied after each case: the fixtures share
 * credential ids, and a verified copy would be kept over a failing one.
 * (Emptying is two requests; a fresh index set per case cost a second or more.)
 */
const target = testIndices('reasons');
const store = new IndexStore(target);
beforeAll(() => store.ensureIndices());
afterAll(() => target.cleanup());

async function ingestOne(
  unit: InputUnit,
  resolver: Resolver,
  recipient?: string,
): Promise<{ stored?: { status: string; reasons: string[] }; reject?: Reject }> {
  try {
    return await ingestInto(store, unit, resolver, recipient);
  } finally {
    await emptyIndices();
  }
}

/** Deletes every document of the file's indices (this engine has no delete-by-query). */
async function emptyIndices(): Promise<void> {
  const pattern = `${target.prefix}-*`;
  await target.client.indices.refresh({ index: pattern });
  const { hits } = await target.client.search({ index: pattern, size: 10_000, _source: false, query: { match_all: {} } });
  if (hits.hits.length === 0) return;
  await target.client.bulk({ refresh: true, operations: hits.hits.map((h) => ({ delete: { _index: h._index, _id: h._id! } })) });
}

async function ingestInto(
  store: IndexStore,
  unit: InputUnit,
  resolver: Resolver,
  recipient?: string,
): Promise<{ stored?: { status: string; reasons: string[] }; reject?: Reject }> {
  const rejects: Reject[] = [];
  await ingest([unit], {
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: [],
    verify: { resolver, ...(recipient ? { recipient } : {}) },
    now: () => new Date('2026-11-01T00:00:00Z'),
    onReject: (r) => void rejects.push(r),
  });
  if (rejects[0]) return { reject: rejects[0] };
  const stored = await store.client.search<{ source: string; verification: { status: string; reasons: string[] } }>({
    index: store.alias('credentials'),
    query: { term: { source: unit.source } },
  });
  const v = stored.hits.hits[0]?._source?.verification;
  return v ? { stored: { status: v.status, reasons: v.reasons } } : {};
}

const fixture = (file: string): InputUnit => ({ kind: 'credential', source: file, bytes: readFixture(file) });

describe('every reason code reaches the index', () => {
  it.each([
    ['BAD_SIGNATURE', 'ob30/simple-err-proof-value.json'],
    ['UNKNOWN_KEY', 'ob30/simple-err-proof-method.json'],
    ['REVOKED', 'ob20/simple-revoked.jwt'],
    ['EXPIRED', 'ob30/simple-err-expired.json'],
    ['NOT_YET_VALID', 'ob20/basic-assertion-in-future.json'],
    ['OUT_OF_SCOPE', 'ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json'],
    ['REVOKED', 'ob30/bit-string-list/credential-status-revoked.json'],
  ])('%s (%s) is stored as FAILED with its reason', async (reason, file) => {
    const result = await ingestOne(fixture(file), fixtureResolver(file));
    expect(result.stored?.status).toBe('FAILED');
    expect(result.stored?.reasons).toContain(reason);
  });

  it('RECIPIENT_MISMATCH when the hashed recipient is not the expected address', async () => {
    const result = await ingestOne(fixture('ob20/simple.jwt'), fixtureResolver(), 'someone-else@example.org');
    expect(result.stored).toEqual({ status: 'FAILED', reasons: ['RECIPIENT_MISMATCH'] });
  });

  it('ISSUER_UNREACHABLE keeps a self-contained credential as UNVERIFIED', async () => {
    const did = 'did:web:unreachable.example';
    const key = await bindIssuerKey(await generateIssuerKey(new Uint8Array(32).fill(4)), did, `${did}#key-1`);
    const jwt = await signOb3Jwt(ob3Credential(did, { issuer: { id: did, type: ['Profile'], name: 'Offline College' } }), key);
    const result = await ingestOne(
      { kind: 'credential', source: 'offline.jwt', bytes: Buffer.from(jwt) },
      createResolver({ allowNetwork: false }),
    );
    expect(result.stored).toEqual({ status: 'UNVERIFIED', reasons: ['ISSUER_UNREACHABLE'] });
  });

  it('ISSUER_UNREACHABLE rejects a hosted assertion whose badge cannot be fetched, saying why', async () => {
    const result = await ingestOne(fixture('ob20/basic-assertion-expired.json'), createResolver({ allowNetwork: false }));
    expect(result.reject?.reasons[0]).toBe('ISSUER_UNREACHABLE');
    expect(result.reject?.details.join(' ')).toContain('https://example.org/');
  });

  it('KEY_NOT_OWNED_BY_ISSUER when a key signs for another issuer', async () => {
    const key = await generateIssuerKey(new Uint8Array(32).fill(1));
    const stranger = await generateIssuerKey(new Uint8Array(32).fill(2));
    const jwt = await signOb3Jwt(ob3Credential(stranger.did, { issuer: { id: stranger.did, type: ['Profile'], name: 'Stranger' } }), key);
    const result = await ingestOne(
      { kind: 'credential', source: 'stranger.jwt', bytes: Buffer.from(jwt) },
      createResolver({ allowNetwork: false }),
    );
    expect(result.stored?.reasons).toContain('KEY_NOT_OWNED_BY_ISSUER');
  });

  it('NOT_A_BADGE: a verified credential that is not a badge is rejected with that reason alone, not stored', async () => {
    // Digital Credentials Consortium's "nonOBWithOBContext" test credential (MIT, see test/fixtures/dcc/README.md)
    const bytes = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'dcc', 'v2-not-a-badge.json'));
    const result = await ingestOne({ kind: 'credential', source: 'endorsement.json', bytes }, createResolver({ allowNetwork: false }));
    expect(result.stored).toBeUndefined();
    expect(result.reject?.reasons).toEqual(['NOT_A_BADGE']);
  });

  it('MALFORMED and UNSUPPORTED_FORMAT input is rejected with its reason, not stored', async () => {
    const malformed = await ingestOne(fixture('ob20/basic-assertion-invalid-context.json'), fixtureResolver());
    expect(malformed.reject?.reasons).toContain('MALFORMED');
    const unsupported = await ingestOne(
      { kind: 'credential', source: 'notes.txt', bytes: Buffer.from('just some notes') },
      createResolver({ allowNetwork: false }),
    );
    expect(unsupported.reject?.reasons).toContain('UNSUPPORTED_FORMAT');
    expect(unsupported.reject?.details.join(' ')).toContain('notes.txt');
  });
});
