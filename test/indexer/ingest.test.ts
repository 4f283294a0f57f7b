import { credentialKey } from '../../mappings/credentials.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { refreshEarners } from '../../indexer/earners/refresh.ts';
import { ingest, type IngestOptions } from '../../indexer/ingest/ingest.ts';
import type { InputUnit } from '../../indexer/ingest/inputs.ts';
import type { Reject } from '../../indexer/ingest/prepare.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { hashIdentity } from '../../indexer/verify/recipient.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { fixtureResolver, readFixture } from '../support/credential-fixtures.ts';
import { testIndices, useSharedTaxonomy } from '../support/engine.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';

const taxonomy = loadTaxonomy();
const target = testIndices('ingest');
const store = new IndexStore(target);
const rejects: Reject[] = [];

function options(overrides: Partial<IngestOptions> = {}): IngestOptions {
  return {
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: [
      {
        id: 'data-path',
        name: 'Data pathway',
        badgeClasses: ['https://issuer.example.net/achievements/python', 'https://issuer.example.net/achievements/sql'],
      },
    ],
    verify: { resolver: createResolver({ allowNetwork: false }) },
    now: () => new Date('2026-11-01T00:00:00Z'),
    onReject: (r) => void rejects.push(r),
    ...overrides,
  };
}

const unit = (source: string, text: string): InputUnit => ({ kind: 'credential', source, bytes: Buffer.from(text) });

async function jwtFor(
  key: IssuerKey,
  email: string,
  achievement: string,
  alignment: Record<string, string>,
  name = 'Ada Lovelace',
): Promise<string> {
  const base = ob3Credential(key.did, {}, email) as {
    credentialSubject: { achievement: Record<string, unknown>; name?: string };
    issuer: Record<string, unknown>;
  };
  base.issuer = { ...base.issuer, id: key.did };
  base.credentialSubject.name = name;
  base.credentialSubject.achievement = {
    ...base.credentialSubject.achievement,
    id: `https://issuer.example.net/achievements/${achievement}`,
    name: `${achievement} badge`,
    achievementType: 'Badge',
    alignment: [{ type: ['Alignment'], ...alignment }],
  };
  return signOb3Jwt(base, key);
}

/** The earner id the private index links this address to (ids are random, never computed from the address). */
async function idOf(email: string): Promise<string> {
  const link = (await store.earnersByIdentity([`email:${email}`])).get(`email:${email}`);
  if (!link) throw new Error(`no earner is linked to ${email}`);
  return link.earnerId;
}

async function earner(id: string): Promise<EarnerDocument | undefined> {
  const r = await target.client.get<EarnerDocument>({ index: store.alias('earners'), id }, { ignore: [404] });
  return r.found ? r._source : undefined;
}

let key: IssuerKey;
beforeAll(async () => {
  await useSharedTaxonomy(store.target);
  await store.ensureIndices();
  key = await generateIssuerKey(new Uint8Array(32).fill(7));
  // The test issuer is recognized (names, pathways and badge classes come only from recognized, owning issuers).
  await recognizeIssuer(store, registryEntry(key.did, 'Test Issuer', { origins: ['https://issuer.example.net'] }));
});
afterAll(() => target.cleanup());

describe('ingesting credentials into earners', () => {
  it('verifies the 1EdTech fixtures, keeps failures as FAILED and rejects what is unreadable', async () => {
    rejects.length = 0;
    const files = [
      'ob20/basic-assertion.json',
      'ob20/simple.jwt',
      'ob20/simple-revoked.jwt',
      'ob30/simple.json',
      'ob30/simple-err-proof-value.json',
      'ob20/basic-assertion-invalid-type.json',
    ];
    const units = files.map((f) => ({ kind: 'credential' as const, source: f, bytes: readFixture(f) }));
    const summary = await ingest(units, options({ verify: { resolver: fixtureResolver() } }));
    // basic-assertion.json and simple.jwt are one assertion (same id), hosted and signed: one badge.
    // simple-err-proof-value.json is a tampered copy of ob30/simple.json: the authentic copy stays.
    expect(summary).toMatchObject({ inputs: 6, accepted: 3, verified: 2, failed: 1, failedByReason: { REVOKED: 1 }, rejected: 2 });
    const bySource = Object.fromEntries(rejects.map((r) => [r.source, r]));
    expect(bySource['ob20/basic-assertion-invalid-type.json']?.reasons).toContain('MALFORMED');
    expect(bySource['ob20/basic-assertion-invalid-type.json']?.details.join(' ')).toMatch(/assertion\.type/);
    expect(bySource['ob30/simple-err-proof-value.json']?.reasons).toEqual(['CONFLICTS_WITH_AUTHENTIC_COPY', 'BAD_SIGNATURE']);
    const kept = await store.credentialsByKey([credentialKey('https://example.com/issuers/876543', 'http://example.com/credentials/3527')]);
    expect(kept.map((c) => [c.source, c.verification.status])).toEqual([['ob30/simple.json', 'VERIFIED']]);
    // The OB 2.0 assertions go to the same hashed recipient (nobody@example.org, salt deadsea): one earner.
    const hashedKey = `sha256:${hashIdentity('nobody@example.org', 'deadsea').slice(7)}`;
    const owner = (await store.earnersByIdentity([hashedKey])).get(hashedKey)!;
    const doc = await earner(owner.earnerId);
    expect(doc?.badges.map((b) => b.verification.status).sort()).toEqual(['FAILED', 'VERIFIED']);
  });

  it('merges credentials of one person, dedupes a badge ingested twice, and is idempotent', async () => {
    const email = 'ada@example.net';
    const py = await jwtFor(key, email, 'python', {
      targetFramework: 'ESCO',
      targetName: 'Python (computer programming)',
      targetUrl: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
    });
    const sql = await jwtFor(key, email, 'sql', { targetFramework: 'O*NET', targetCode: '2.B.3.e', targetName: 'Programming' });
    const run = [unit('a.jwt', py), unit('b.jwt', sql), unit('a.jwt', py)];
    await ingest(run, options());
    const id = await idOf(email);
    expect(id).toMatch(/^e-[a-z2-7]{26}$/);
    const first = (await earner(id))!;
    expect(first.badges.map((b) => b.name).sort()).toEqual(['python badge', 'sql badge']);
    expect(first.name).toBe('Ada Lovelace');
    expect(first.directory.listed).toBe(false);
    expect(first.badges.every((b) => b.visible === false)).toBe(true);
    expect(first.microCredentials).toEqual([]);

    await ingest(run, options());
    const again = (await earner(id))!;
    expect(again).toEqual(first);
    const stored = await store.credentialsOf([id]);
    expect(stored).toHaveLength(2);
  });

  it('joins directory settings: an opt-in shows badges and pathway progress; re-ingest keeps the settings', async () => {
    const email = 'ada@example.net';
    const id = await idOf(email);
    const settings = {
      ...defaultDirectorySettings(id),
      listed: true,
      contactable: true,
      headline: 'Data analyst',
      location: { city: 'Columbus', region: 'US-OH', country: 'US', geo: { lat: 39.96, lon: -83.0 } },
    };
    await target.client.index({ index: store.alias('directory-settings'), id, document: settings, refresh: true });
    await refreshEarners(options(), [id], { refresh: true });
    const shown = (await earner(id))!;
    expect(shown.directory.listed).toBe(true);
    expect(shown.headline).toBe('Data analyst');
    expect(shown.badges.every((b) => b.visible)).toBe(true);
    expect(shown.microCredentials).toEqual([{ pathwayId: 'data-path', name: 'Data pathway', earned: 2, required: 2, completed: true }]);

    const py = await jwtFor(key, email, 'python', { targetName: 'Python (computer programming)', targetFramework: 'ESCO' });
    await ingest([unit('a.jwt', py)], options());
    const stillListed = await target.client.get({ index: store.alias('directory-settings'), id });
    expect(stillListed._source).toEqual(settings);
    expect((await earner(id))?.directory.listed).toBe(true);
  });

  it('never stores credentials of an earner who deleted their data', async () => {
    const email = 'gone@example.net';
    const id = 'e-deletedearner0000000000000';
    await target.client.index({
      index: store.alias('directory-settings'),
      id,
      document: { ...defaultDirectorySettings(id), deleted: true, deletedIdentities: [`email:${email}`] },
      refresh: true,
    });
    const summary = await ingest([unit('gone.jwt', await jwtFor(key, email, 'python', { targetName: 'Python' }))], options());
    expect(summary.skippedDeleted).toBe(1);
    expect(await store.earnersByIdentity([`email:${email}`])).toEqual(new Map());
    expect(
      await target.client.count({ index: store.alias('credentials'), query: { term: { identityKeys: `email:${email}` } } }),
    ).toMatchObject({ count: 0 });
  });

  it('links a hashed recipient to the earner whose address arrives later in the run', async () => {
    const email = 'grace@example.net';
    const hashedSubject = ob3Credential(key.did, {}, email) as {
      credentialSubject: { identifier: Record<string, unknown>[] };
      issuer: Record<string, unknown>;
    };
    hashedSubject.issuer = { ...hashedSubject.issuer, id: key.did };
    hashedSubject.credentialSubject.identifier = [
      { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'pepper', identityHash: hashIdentity(email, 'pepper') },
    ];
    const hashedJwt = await signOb3Jwt(hashedSubject, key);
    const plainJwt = await jwtFor(key, email, 'sql', { targetName: 'SQL' }, 'Grace Hopper');
    const summary = await ingest([unit('hashed.jwt', hashedJwt), unit('plain.jwt', plainJwt)], options({ chunkSize: 1 }));
    expect(summary.earnersMerged).toBe(1);
    const doc = (await earner(await idOf(email)))!;
    expect(doc.badges).toHaveLength(2);
    const hashedKey = `sha256:${hashIdentity(email, 'pepper').slice(7)}`;
    // The hashed identity now links to the address's earner, and no credential of it is left elsewhere.
    expect((await store.earnersByIdentity([hashedKey])).get(hashedKey)?.earnerId).toBe(await idOf(email));
    const owners = await target.client.search<{ earnerId: string }>({
      index: store.alias('credentials'),
      query: { term: { identityKeys: hashedKey } },
      _source: ['earnerId'],
    });
    expect(new Set(owners.hits.hits.map((h) => h._source!.earnerId))).toEqual(new Set([await idOf(email)]));
  });

  it('imports bulk-export rows as UNVERIFIED and rejects bad rows by row and column', async () => {
    rejects.length = 0;
    const rows: InputUnit[] = [
      {
        kind: 'row',
        source: 'export.csv:row 2',
        row: {
          earner_email: 'lin@example.net',
          earner_name: 'Lin Chen',
          badge_name: 'Forklift Safety',
          issuer: 'Acme Training',
          issued_on: '2025-05-01',
          skills: 'Troubleshooting; underwater basket weaving',
        },
        raw: '{}',
      },
      {
        kind: 'row',
        source: 'export.csv:row 3',
        row: { earner_email: 'lin@example.net', badge_name: '', issuer: 'Acme Training', issued_on: 'yesterday' },
        raw: '{}',
      },
    ];
    const summary = await ingest(rows, options());
    expect(summary).toMatchObject({ accepted: 1, unverified: 1, rejected: 1 });
    expect(summary.unmappedSkills).toMatchObject({ 'underwater basket weaving': 1 });
    expect(rejects[0]?.details).toEqual([
      'export.csv:row 3: column badge_name is empty',
      'export.csv:row 3: issued_on "yesterday" is not a date (use YYYY-MM-DD)',
    ]);
    const stored = (await store.credentialsOf([await idOf('lin@example.net')])) as CredentialDocument[];
    expect(stored.map((c) => [c.verification.status, c.verification.method, c.skills])).toEqual([
      ['UNVERIFIED', 'import', ['onet:2.B.3.k', 'local:troubleshooting']],
    ]);
  });
});
