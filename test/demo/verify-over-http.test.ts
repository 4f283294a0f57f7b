/**
 * Every generated credential, read by the indexer's own verifier against the
 * demo issuer server over real HTTP (and again offline through `--resolve`
 * onto the written `hosted/` folder), comes out exactly as the records say:
 * status, reason codes, ids, dates, recipient and skills.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityKey } from '../../indexer/earners/identity.ts';
import { generateDemo } from '../../scripts/demo/generate.ts';
import { startDemoIssuerServer, type DemoIssuerServer } from '../../scripts/demo/issuers/issuer-server.ts';
import type { BadgeRecord, DemoDataset, EarnerRecord } from '../../scripts/demo/types.ts';
import { writeDemo } from '../../scripts/demo/write.ts';
import { readCredentials } from '../../indexer/sources/read-credentials.ts';
import { loadTaxonomy, normalizeSkills } from '../../indexer/taxonomy/index.ts';
import { matchesHashedIdentity } from '../../indexer/verify/recipient.ts';
import { createResolver, type Resolver } from '../../indexer/verify/resolver.ts';
import type { NormalizedCredential } from '../../indexer/verify/types.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const taxonomy = loadTaxonomy();
let server: DemoIssuerServer;
let dataset: DemoDataset;
let folder: string;

beforeAll(async () => {
  server = await startDemoIssuerServer();
  dataset = await generateDemo({ earners: 60, seed: 11, issuerBaseUrl: server.origin, now: NOW, workers: 0 });
  server.serve(dataset.hosted);
  folder = mkdtempSync(path.join(tmpdir(), 'demo-verify-'));
  await writeDemo(dataset, folder);
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const pairs = (): { earner: EarnerRecord; badge: BadgeRecord }[] =>
  dataset.records.flatMap((earner) => earner.badges.map((badge) => ({ earner, badge })));

async function readAll(resolver: Resolver): Promise<NormalizedCredential[]> {
  const read: NormalizedCredential[] = [];
  for (const { badge } of pairs()) {
    const credentials = await readCredentials(dataset.credentials[badge.line]!, { resolver, now: NOW });
    expect(credentials).toHaveLength(1);
    read.push(credentials[0]!);
  }
  return read;
}

/** Everything about one read credential that the records predict. */
function observed(credential: NormalizedCredential, earner: EarnerRecord) {
  const { recipient } = credential;
  // a hashed address joins the earner whose address hashes to it with the issuer's salt
  const joined =
    recipient.type === 'hashed-email' && matchesHashedIdentity(recipient.identity, earner.email, recipient.salt) === true
      ? `email:${earner.email}`
      : identityKey(recipient);
  const skills = normalizeSkills(taxonomy, { alignments: credential.achievement.alignments, tags: credential.achievement.tags });
  return {
    credentialId: credential.id,
    status: credential.verification.status,
    reasons: credential.verification.reasons,
    issuedOn: credential.issuedOn,
    expiresOn: credential.expiresOn,
    issuerId: credential.issuer.id,
    badgeClassId: credential.achievement.id,
    // who it belongs to: the identity that joins the earner (ids are assigned at ingest, not computed)
    identity: joined,
    skills: skills.skillIds,
    unmappedSkills: [...new Set(skills.unmapped.map((u) => u.targetName ?? ''))],
  };
}

function expected(badge: BadgeRecord, earner: EarnerRecord) {
  return {
    credentialId: badge.credentialId,
    status: badge.status,
    reasons: badge.reasons,
    issuedOn: badge.issuedOn,
    expiresOn: badge.expiresOn,
    issuerId: badge.issuerId,
    badgeClassId: badge.badgeClassId,
    identity: `email:${earner.email}`,
    skills: badge.skills,
    unmappedSkills: badge.unmappedSkills,
  };
}

describe('demo credentials through readCredentials', { timeout: 180_000 }, () => {
  it('verify over HTTP from the demo issuer server exactly as recorded', async () => {
    const before = server.requestCount();
    const read = await readAll(createResolver({ timeoutMs: 5_000, allowHosts: [new URL(server.origin).host] }));
    const all = pairs();
    expect(all.length).toBeGreaterThan(150);
    all.forEach(({ earner, badge }, i) => {
      expect({ line: badge.line, ...observed(read[i]!, earner) }).toEqual({ line: badge.line, ...expected(badge, earner) });
    });
    // hosted assertions, profiles, keys and lists really came over the wire
    expect(server.requestCount() - before).toBeGreaterThan(20);
    // OB 3.0 credentials carry the earner's name
    all.forEach(({ earner, badge }, i) => {
      if (badge.method.startsWith('ob3-')) expect(read[i]!.recipient.name).toBe(earner.name);
    });
    // the methods the verifier reports are the ones the issuers used
    all.forEach(({ badge }, i) => expect(read[i]!.verification.method).toBe(badge.method));
  });

  it('verify the same offline through --resolve onto the written hosted/ folder', async () => {
    const resolver = createResolver({
      mappings: [{ prefix: `${server.origin}/`, target: path.join(folder, 'hosted') }],
      allowNetwork: false,
    });
    const before = server.requestCount();
    const read = await readAll(resolver);
    pairs().forEach(({ earner, badge }, i) => {
      expect({ line: badge.line, ...observed(read[i]!, earner) }).toEqual({ line: badge.line, ...expected(badge, earner) });
    });
    expect(server.requestCount()).toBe(before);
  });

  it('serves JSON with a JSON content type and answers 404 for unknown paths', async () => {
    const ob2Path = [...dataset.hosted.keys()].find((p) => p.startsWith('/ob2/') && p.endsWith('/issuer.json'))!;
    const ob3Path = [...dataset.hosted.keys()].find((p) => p.endsWith('/status-list.json'))!;
    const ob2 = await fetch(`${server.origin}${ob2Path}`);
    expect(ob2.headers.get('content-type')).toBe('application/json');
    expect(await ob2.text()).toBe(dataset.hosted.get(ob2Path));
    const ob3 = await fetch(`${server.origin}${ob3Path}`);
    expect(ob3.headers.get('content-type')).toBe('application/ld+json');
    expect(JSON.parse(await ob3.text())).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
    expect((await fetch(`${server.origin}/ob2/nobody/issuer.json`)).status).toBe(404);
    expect((await fetch(`${server.origin}${ob2Path}`, { method: 'POST' })).status).toBe(405);
  });
});
