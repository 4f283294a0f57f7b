import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import type { DemoDataset } from '../../scripts/demo/types.ts';
import type { RunSummary } from '../../indexer/ingest/summary.ts';
import type { IndexStore } from '../../indexer/store/index-store.ts';
import { loadDemoDirectory, type DemoDirectory } from '../support/demo-directory.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { UNKNOWN_DEMO_ISSUER } from '../../scripts/demo/issuers/unknown-issuer.ts';
import { demoEvidence, demoResult, RESULT_NAME } from '../../scripts/demo/issuers/evidence.ts';

/**
 * The demo data set through the real pipeline: credentials verified over HTTP
 * against the demo issuer server, merged into earners, settings joined. Every
 * expectation comes from the generator's own records.
 */
const taxonomy = loadTaxonomy();
const now = new Date('2026-11-01T00:00:00Z');
let demo: DemoDirectory;
let dataset: DemoDataset;
let summary: RunSummary;
let store: IndexStore;
let target: DemoDirectory['target'];

beforeAll(async () => {
  demo = await loadDemoDirectory('demo', taxonomy, { earners: 40, seed: 7, now });
  ({ dataset, summary, store, target } = demo);
}, 240_000);
afterAll(() => demo?.close());

async function allEarners(): Promise<Map<string, EarnerDocument>> {
  const r = await target.client.search<EarnerDocument>({ index: store.alias('earners'), size: 1000 });
  return new Map(r.hits.hits.map((h) => [h._id!, h._source!]));
}

describe('the demo data set through the real pipeline', () => {
  it('accepts every credential and rejects none', () => {
    const badges = dataset.records.flatMap((r) => r.badges);
    expect(summary.rejected).toBe(0);
    expect(summary.accepted).toBe(badges.length);
    expect(summary.verified).toBe(badges.filter((b) => b.status === 'VERIFIED').length);
    expect(summary.failed).toBe(badges.filter((b) => b.status === 'FAILED').length);
    expect(demo.issuers.requestCount()).toBeGreaterThan(0);
  });

  it('stores each credential under its earner with the status and reasons the generator planted', async () => {
    const stored = await store.credentialsOf(dataset.records.map((r) => r.earnerId));
    const byId = new Map<string, CredentialDocument>(stored.map((c) => [c.id, c]));
    for (const record of dataset.records) {
      for (const badge of record.badges) {
        const c = byId.get(badge.credentialId);
        expect(c, badge.credentialId).toBeDefined();
        expect([c!.earnerId, c!.verification.status, [...c!.verification.reasons].sort(), c!.skills]).toEqual([
          record.earnerId,
          badge.status,
          [...badge.reasons].sort(),
          badge.skills,
        ]);
      }
    }
  });

  it('recognizes the eight demo issuers through the registry shipped with the demo; only their authentic credentials count', async () => {
    const stored = await store.credentialsOf(dataset.records.map((r) => r.earnerId));
    const issuerIds = new Set(dataset.issuers.map((i) => i.id));
    expect(issuerIds.size).toBe(8);
    const unknown = stored.filter((c) => c.issuer.name === UNKNOWN_DEMO_ISSUER.name);
    // The demo's self-signed issuer: verified, never recognized, its class never shared.
    expect(unknown.length).toBe(Math.min(5, dataset.records.filter((r) => r.listed).length));
    expect(unknown.every((c) => c.verification.status === 'VERIFIED' && c.issuerRecognition.status === 'UNKNOWN')).toBe(true);
    expect(await store.documentsById('badge-classes', [unknown[0]!.achievement.id])).toEqual([]);
    for (const c of stored.filter((x) => !unknown.includes(x))) {
      const tampered = c.verification.reasons.includes('BAD_SIGNATURE');
      expect([c.id, c.issuerRecognition.status], c.verification.reasons.join()).toEqual([c.id, tampered ? 'UNKNOWN' : 'RECOGNIZED']);
      if (!tampered) expect(issuerIds.has(c.issuerRecognition.entryId!)).toBe(true);
    }
    // Each badge class shared by holders was written by its own issuer's verified credentials.
    const verifiedClasses = [
      ...new Set(stored.filter((c) => c.verification.status === 'VERIFIED' && !unknown.includes(c)).map((c) => c.achievement.id)),
    ].sort();
    const classes = await store.documentsById<{ id: string; issuerName: string }>('badge-classes', verifiedClasses);
    expect(classes.map((c) => c.id).sort()).toEqual(verifiedClasses);
    const names = new Set(dataset.issuers.map((i) => i.name));
    expect(classes.every((c) => names.has(c.issuerName))).toBe(true);
  });

  it('builds one earner per person with the consent they chose', async () => {
    const earners = await allEarners();
    expect(earners.size).toBe(dataset.records.length);
    for (const record of dataset.records) {
      const doc = earners.get(record.earnerId)!;
      expect(doc.name).toBe(record.displayName ?? record.name);
      expect(doc.directory.listed).toBe(record.listed);
      expect(doc.directory.contactable).toBe(record.listed && record.contactable);
      const visible = new Map(doc.badges.map((b) => [b.credentialId, b.visible]));
      for (const badge of record.badges) expect(visible.get(badge.credentialId)).toBe(badge.visible);
    }
  });

  it('stores the evidence a third of the badges carry (OB 2.0 and 3.0), with the OB 3.0 assessment results, and every badge image', async () => {
    const stored = await store.credentialsOf(dataset.records.map((r) => r.earnerId));
    const byId = new Map<string, CredentialDocument>(stored.map((c) => [c.id, c]));
    const badges = dataset.records.flatMap((r) => r.badges);
    const withEvidence = badges.filter((b) => demoEvidence(b.credentialId));
    expect(withEvidence.length).toBeGreaterThan(badges.length / 5);
    expect(new Set(withEvidence.map((b) => b.method.startsWith('ob3-')))).toEqual(new Set([true, false]));
    for (const badge of badges) {
      const c = byId.get(badge.credentialId)!;
      const evidence = demoEvidence(badge.credentialId);
      const expected = !evidence
        ? []
        : [
            { id: evidence.id, url: evidence.id, name: evidence.name, narrative: evidence.narrative },
            ...(badge.method.startsWith('ob3-') ? [{ kind: 'result', name: RESULT_NAME, narrative: demoResult(badge.credentialId) }] : []),
          ];
      expect(c.evidence, badge.credentialId).toEqual(expected);
      expect(c.achievement.image, badge.credentialId).toMatch(/^data:image\/svg\+xml;base64,/);
    }
  });

  it('records pathway progress as the records imply', async () => {
    const earners = await allEarners();
    for (const record of dataset.records) {
      const shownVerified = new Set(
        record.badges.filter((b) => record.listed && !b.hidden && b.status === 'VERIFIED').map((b) => b.badgeClassId),
      );
      const expected = dataset.pathways
        .map((p) => {
          const required = Math.min(p.required ?? p.badgeClasses.length, p.badgeClasses.length);
          const earned = p.badgeClasses.filter((id) => shownVerified.has(id)).length;
          return { pathwayId: p.id, name: p.name, earned: Math.min(earned, required), required, completed: earned >= required };
        })
        .filter((p) => p.earned > 0);
      expect(earners.get(record.earnerId)?.microCredentials).toEqual(expected);
    }
  });
});

describe('the demo job postings', () => {
  it('are all stored, in the regions where demo earners live, with gaps and unknown skills in them', async () => {
    expect(await store.count('postings')).toBe(dataset.postings.length);
    const regions = new Set(dataset.records.map((r) => r.location.region));
    expect(dataset.postings.every((p) => regions.has(p.region))).toBe(true);
    const taught = new Set(dataset.records.flatMap((r) => r.badges.flatMap((b) => b.skills)));
    const stored = await target.client.search<{ skills: string[]; unmappedSkills: string[] }>({
      index: store.alias('postings'),
      size: 1000,
    });
    const postings = stored.hits.hits.map((h) => h._source!);
    expect(postings.some((p) => p.skills.some((s) => !taught.has(s)))).toBe(true);
    expect(postings.some((p) => p.skills.some((s) => taught.has(s)))).toBe(true);
    // The generator names taught and gap skills by id or concept URI, unknown ones in plain words: exactly those stay unmapped.
    const plainWords = dataset.postings.flatMap((p) => p.skills.filter((skill) => !skill.includes(':'))).sort();
    expect(postings.flatMap((p) => p.unmappedSkills).sort()).toEqual(plainWords);
  });
});
