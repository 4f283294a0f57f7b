import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { aliasTargets, versionedName } from '../../mappings/indices.ts';
import { ingest, type IngestOptions } from '../../indexer/ingest/ingest.ts';
import { reindexAll } from '../../indexer/rebuild/reindex.ts';
import { reverifyAll } from '../../indexer/rebuild/reverify.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { generateIssuerKey, signOb3Jwt } from '../../scripts/demo/signing/sign.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { testIndices } from '../support/engine.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';

const taxonomy = loadTaxonomy();
const target = testIndices('reindex');
const store = new IndexStore(target);
let clock = new Date('2026-01-15T00:00:00Z');
const options: IngestOptions = {
  store,
  taxonomy,
  skills: skillLookup(taxonomy),
  pathways: [],
  verify: { resolver: createResolver({ allowNetwork: false }) },
  now: () => clock,
};
/** Earner ids as the private index links them, filled after the first ingest. */
let ids: string[] = [];

async function earners(): Promise<Map<string, EarnerDocument>> {
  const r = await target.client.search<EarnerDocument>({ index: store.alias('earners'), size: 100 });
  return new Map(r.hits.hits.map((h) => [h._id!, h._source!]));
}

beforeAll(async () => {
  await store.ensureIndices();
  const key = await generateIssuerKey(new Uint8Array(32).fill(3));
  await recognizeIssuer(store, registryEntry(key.did, 'Test Issuer', { origins: ['https://issuer.example.net'] }));
  const units = await Promise.all(
    ['a@example.net', 'b@example.net', 'c@example.net'].map(async (email, i) => {
      const credential = ob3Credential(
        key.did,
        {
          issuer: { id: key.did, type: ['Profile'], name: 'Test Issuer' },
          validFrom: '2025-06-01T00:00:00Z',
          ...(i === 0 ? { validUntil: '2026-06-01T00:00:00Z' } : {}),
        },
        email,
      );
      return { kind: 'credential' as const, source: `c${i}.jwt`, bytes: Buffer.from(await signOb3Jwt(credential, key)) };
    }),
  );
  const summary = await ingest(units, options);
  expect(summary.verified).toBe(3);
  const links = await store.earnersByIdentity(['a@example.net', 'b@example.net', 'c@example.net'].map((e) => `email:${e}`));
  ids = [...links.values()].map((l) => l.earnerId);
  expect(ids).toHaveLength(3);
});
afterAll(() => target.cleanup());

describe('rebuilding derived indices', () => {
  it('rebuilds earners, badge classes and skills into new versions with the same content', async () => {
    const before = await earners();
    await reindexAll(options, taxonomy, () => {});
    expect(await aliasTargets(target, 'earners')).toEqual([versionedName(target.prefix, 'earners', 2)]);
    expect(await aliasTargets(target, 'badge-classes')).toEqual([versionedName(target.prefix, 'badge-classes', 2)]);
    expect(await aliasTargets(target, 'skills')).toEqual([versionedName(target.prefix, 'skills', 2)]);
    expect(await earners()).toEqual(before);
    expect(await store.count('skills')).toBe(taxonomy.entries.length);
    expect(await store.count('badge-classes')).toBe(1);
  });
});

describe('re-verification', () => {
  it('marks a credential that has since expired, and rewrites its earner', async () => {
    clock = new Date('2026-11-01T00:00:00Z');
    const summary = await reverifyAll(options, options.verify);
    expect(summary).toMatchObject({ checked: 3, changed: 1, earnersUpdated: 3 });
    const after = await earners();
    expect(after.get(ids[0]!)?.badges[0]?.verification).toMatchObject({
      status: 'FAILED',
      reasons: ['EXPIRED'],
      checkedAt: '2026-11-01T00:00:00.000Z',
    });
    expect(after.get(ids[1]!)?.badges[0]?.verification).toMatchObject({ status: 'VERIFIED', checkedAt: '2026-11-01T00:00:00.000Z' });
  });
});

describe('occupation profiles', () => {
  it('are loaded into the engine from the shipped O*NET data', async () => {
    const { loadOccupationProfiles } = await import('../../indexer/taxonomy/index.ts');
    expect(await store.count('occupations')).toBe(loadOccupationProfiles().size);
    const programmers = await target.client.get<{ title: string; skills: { skillId: string; importance: number }[] }>({
      index: store.alias('occupations'),
      id: '15-1251.00',
    });
    expect(programmers._source?.title).toBe('Computer Programmers');
    expect(programmers._source?.skills.find((s) => s.skillId === 'onet:2.B.3.e')?.importance).toBe(4.75); // Programming
  });
});
