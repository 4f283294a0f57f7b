import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { randomSearches } from '../support/random-searches.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';
import { bruteForce } from '../support/search-oracle.ts';

const SEARCH = /* GraphQL */ `
  query Search($input: EarnerSearchInput!) {
    searchEarners(input: $input) {
      total
      nodes {
        earner {
          id
          name
          badges {
            credentialId
            name
            badgeClass {
              id
            }
            issuer {
              id
            }
            skills {
              id
            }
          }
        }
        highlights {
          fragments
        }
      }
      facets {
        badges {
          value
          label
          count
        }
        skills {
          value
          count
        }
        issuers {
          value
          label
          count
        }
        frameworks {
          value
          count
        }
        regions {
          value
          count
        }
        credentialTypes {
          value
          count
        }
        issued {
          value
          count
        }
      }
    }
  }
`;

type Json = Record<string, unknown>;

describe('privacy: hidden earners and hidden badges never show', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;
  let hiddenEarners: Set<string>;
  let hiddenCredentials: Set<string>;
  let secrets: string[];

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-privacy', 11, 200);
    api = await graphqlHarness(fixture.prefix, fixture.now);
    hiddenEarners = new Set(fixture.records.filter((r) => !r.listed).map((r) => r.earnerId));
    hiddenCredentials = new Set(fixture.records.flatMap((r) => r.badges.filter((b) => !b.visible).map((b) => b.credentialId)));
    const { hiddenOnly } = fixture;
    secrets = [hiddenOnly.classId, hiddenOnly.className, hiddenOnly.issuerId, hiddenOnly.issuerName, hiddenOnly.skillId];
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  function assertNothingPrivate(body: unknown): void {
    const text = JSON.stringify(body);
    for (const secret of secrets) expect(text).not.toContain(secret);
    // Identities and contact details are never in a response.
    expect(text).not.toMatch(/email:|@example\.org/);
    for (const id of hiddenEarners) expect(text).not.toContain(`"${id}"`);
    for (const id of hiddenCredentials) expect(text).not.toContain(`"${id}"`);
  }

  it('in hits, totals and every facet count, whatever the filters (including hidden ids)', async () => {
    const searches = randomSearches(fixture, 60, 99, { includeHidden: true });
    searches.push(
      { badges: [fixture.hiddenOnly.classId] },
      { skills: [fixture.hiddenOnly.skillId] },
      { issuers: [fixture.hiddenOnly.issuerId] },
    );
    searches.push({ verification: ['VERIFIED', 'EXPIRED'], first: 50, facetSize: 100 });
    for (const input of searches) {
      const result = await api.run<{ searchEarners: { total: number } }>(SEARCH, { input });
      expect(result.errors).toBeUndefined();
      assertNothingPrivate(result.data);
      expect(result.data!.searchEarners.total).toBe(bruteForce(fixture.records, input, fixture.now).ids.length);
    }
  }, 120_000);

  it('filtering on only-hidden values finds no one', async () => {
    for (const input of [
      { badges: [fixture.hiddenOnly.classId] },
      { skills: [fixture.hiddenOnly.skillId] },
      { issuers: [fixture.hiddenOnly.issuerId] },
    ]) {
      const result = await api.run<{ searchEarners: { total: number } }>(SEARCH, { input });
      expect(result.data!.searchEarners.total).toBe(0);
    }
  });

  it('in full-text matches: a hidden badge name finds no one', async () => {
    const result = await api.run<{ searchEarners: { total: number } }>(SEARCH, {
      input: { text: 'Zyzzyva', verification: ['VERIFIED', 'EXPIRED'] },
    });
    expect(result.data!.searchEarners.total).toBe(0);
  });

  it('in suggestions', async () => {
    const query = `query($prefix: String!) { suggest(prefix: $prefix, first: 20) { type id label detail earnerCount } }`;
    for (const prefix of ['Zyzz', 'Zyzzyva Secret', 'Quokka', 'Quokka Hidden']) {
      const result = await api.run<{ suggest: unknown[] }>(query, { prefix });
      expect(result.errors).toBeUndefined();
      assertNothingPrivate(result.data);
    }
    // A shown badge is suggested, with the count of listed earners showing it.
    const shownClass = fixture.classes.find((c) => fixture.records.some((r) => r.badges.some((b) => b.visible && b.classId === c.id)))!;
    const result = await api.run<{ suggest: { type: string; id: string; earnerCount: number }[] }>(query, { prefix: shownClass.name });
    const holders = fixture.records.filter((r) => r.badges.some((b) => b.visible && b.classId === shownClass.id)).length;
    expect(result.data!.suggest).toContainEqual(expect.objectContaining({ type: 'BADGE', id: shownClass.id, earnerCount: holders }));
  });

  it('in lookups by id', async () => {
    const query = `query($earner: ID!, $badge: ID!, $issuer: ID!) { earner(id: $earner) { id } badgeClass(id: $badge) { id } issuer(id: $issuer) { id } }`;
    const hiddenEarner = [...hiddenEarners][0]!;
    const result = await api.run<Json>(query, {
      earner: hiddenEarner,
      badge: fixture.hiddenOnly.classId,
      issuer: fixture.hiddenOnly.issuerId,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ earner: null, badgeClass: null, issuer: null });
  });

  it('a listed earner shows only their shown badges', async () => {
    const record = fixture.records.find((r) => r.listed && r.badges.some((b) => !b.visible) && r.badges.some((b) => b.visible))!;
    const query = `query($id: ID!) { earner(id: $id) { id name badges { credentialId verification { status } } } }`;
    const result = await api.run<{ earner: { badges: { credentialId: string }[] } }>(query, { id: record.earnerId });
    assertNothingPrivate(result.data);
    expect(result.data!.earner.badges.map((b) => b.credentialId).sort()).toEqual(
      record.badges
        .filter((b) => b.visible)
        .map((b) => b.credentialId)
        .sort(),
    );
  });
});
