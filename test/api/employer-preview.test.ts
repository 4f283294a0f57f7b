/**
 * The earner's "Preview as an employer" reads a document that is not listed
 * through `directoryHitOf`, the in-memory twin of the employers' directory
 * request. For every listed earner of a seeded directory, the twin must give
 * exactly what the engine gives an employer (same allow-lists, same shown
 * badges in the same order), and for a document that is not listed it must
 * still leave out identities, hidden and failed badges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasName } from '../../mappings/indices.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { createSearchEngine } from '../../api/engine.ts';
import { createLogger } from '../../api/log.ts';
import { earnerView } from '../../api/search/earner-view.ts';
import { earnersByIdRequest } from '../../api/search/lookups.ts';
import { directoryHitOf } from '../../api/search/privacy.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';

describe('directoryHitOf matches the engine for listed earners', () => {
  let fixture: SearchFixture;
  let documents: EarnerDocument[];

  beforeAll(async () => {
    fixture = await seedSearchFixture('employer-preview', 7, 120);
    const response = await fixture.client.search<EarnerDocument>({ index: aliasName(fixture.prefix, 'earners'), size: 500 });
    documents = response.hits.hits.map((hit) => hit._source!);
  }, 120_000);
  afterAll(async () => fixture?.cleanup());

  it('gives every listed earner exactly the view the employers loader gives', async () => {
    const engine = createSearchEngine(fixture.client, fixture.prefix, createLogger('error'));
    const listed = documents.filter((d) => d.directory.listed);
    expect(listed.length).toBeGreaterThan(20);
    const response = await engine.searchEarners(earnersByIdRequest(listed.map((d) => d.earnerId)));
    const fromEngine = new Map(response.hits.hits.map((hit) => [hit._id, earnerView(hit)]));
    let compared = 0;
    for (const document of listed) {
      const expected = fromEngine.get(document.earnerId)!;
      const twin = earnerView(directoryHitOf(document));
      // Badges issued the same day may come back in either order from the engine: compare those as sets.
      const key = (b: { issuedOn: string; credentialId: string }) => `${b.issuedOn}|${b.credentialId}`;
      expect({ ...twin, badges: [...twin.badges].sort((a, b) => key(a).localeCompare(key(b))) }).toEqual({
        ...expected,
        badges: [...expected.badges].sort((a, b) => key(a).localeCompare(key(b))),
      });
      expect(twin.badges.map((b) => b.issuedOn)).toEqual(expected.badges.map((b) => b.issuedOn));
      compared++;
    }
    expect(compared).toBe(listed.length);
  });

  it('never carries identities, hidden or failed badges, whatever the document holds', () => {
    const document = documents.find((d) => d.badges.some((b) => !b.visible) && d.badges.some((b) => b.visible))!;
    const hit = directoryHitOf(document);
    const text = JSON.stringify(hit);
    expect(text).not.toContain('"identities"');
    expect(text).not.toContain('"source"');
    expect(text).not.toContain('"visible"');
    const shown = (hit.inner_hits!.shown_badges!.hits.hits ?? []).map((h) => (h._source as { credentialId: string }).credentialId);
    for (const badge of document.badges.filter((b) => !b.visible)) expect(shown).not.toContain(badge.credentialId);
  });
});
