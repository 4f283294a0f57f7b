/**
 * Attack (issue 10, item 4): 57 `near` searches with shrinking radii around
 * three centres recovered an earner's home to 0.17 m. Now the index holds
 * only a point on a ~1.1 km grid and a radius under 5 km is refused: the same
 * attack, with as many queries as it likes, finds the grid node and no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import { aliasName } from '../../mappings/indices.ts';
import { claimEarner, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

type Point = { lat: number; lon: number };

/** The engine's arc distance (haversine on its mean Earth radius), in km. */
const EARTH_KM = 6371.0087714;
const rad = (deg: number) => (deg * Math.PI) / 180;
function distanceKm(a: Point, b: Point): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
function offset(from: Point, km: number, bearingDeg: number): Point {
  const b = rad(bearingDeg);
  return {
    lat: from.lat + ((km * Math.cos(b)) / EARTH_KM) * (180 / Math.PI),
    lon: from.lon + ((km * Math.sin(b)) / (EARTH_KM * Math.cos(rad(from.lat)))) * (180 / Math.PI),
  };
}

/** Least squares (Gauss-Newton) for the point at the measured distances from the centres. */
function trilaterate(centres: readonly Point[], distances: readonly number[]): Point {
  let p: Point = {
    lat: centres.reduce((s, c) => s + c.lat, 0) / centres.length,
    lon: centres.reduce((s, c) => s + c.lon, 0) / centres.length,
  };
  const h = 1e-7;
  for (let iteration = 0; iteration < 50; iteration++) {
    const residuals = centres.map((c, i) => distanceKm(p, c) - distances[i]!);
    const jacobian = centres.map((c) => [
      (distanceKm({ lat: p.lat + h, lon: p.lon }, c) - distanceKm(p, c)) / h,
      (distanceKm({ lat: p.lat, lon: p.lon + h }, c) - distanceKm(p, c)) / h,
    ]);
    // Normal equations, 2x2.
    let a = 0,
      b = 0,
      d = 0,
      e = 0,
      f = 0;
    jacobian.forEach(([x, y], i) => {
      a += x! * x!;
      b += x! * y!;
      d += y! * y!;
      e += x! * residuals[i]!;
      f += y! * residuals[i]!;
    });
    const det = a * d - b * b;
    p = { lat: p.lat - (d * e - b * f) / det, lon: p.lon - (a * f - b * e) / det };
  }
  return p;
}

// Columbus, OH. The home sits near the middle of its grid cell, so the cell's node is ~0.78 km away
// (grid: 0.01° of latitude; 0.01° / cos(39.96°) = 0.0130464° of longitude in that row; README "Location").
const NODE: Point = { lat: 39.96, lon: -6362 * 0.013046433445787856 };
const HOME: Point = { lat: 39.9648, lon: NODE.lon + 0.48 * 0.013046433445787856 };
const CITY: Point = { lat: 39.9612, lon: -82.9988 };

const SEARCH = `query($input: EarnerSearchInput!) { searchEarners(input: $input) { total nodes { earner { id name location { city region country } } score cursor } } }`;

describe('locating an earner with near searches', () => {
  let t: AccountApi;
  let employer: string;
  let queries = 0;

  beforeAll(async () => {
    t = await startAccountApi('sec-location');
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await seedEarners(t.client, t.prefix, [{ earnerId: 'earner-home', email: 'home@example.org', name: 'Hana Home', badges: 1 }]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    const earner = await claimEarner(t, 'home@example.org');
    // The earner gives their exact home, through the API.
    const update = await t.gql(
      'mutation($input: DirectorySettingsInput!) { updateDirectorySettings(input: $input) { listed } }',
      { input: { listed: true, location: { city: 'Columbus', region: 'US-OH', country: 'US', ...HOME } } },
      earner,
    );
    expect(update.body.errors).toBeUndefined();
  });
  afterAll(() => t?.cleanup());

  async function found(centre: Point, radiusKm: number): Promise<boolean> {
    queries++;
    const result = await t.gql<{ searchEarners: { total: number } }>(SEARCH, { input: { near: { ...centre, radiusKm } } }, employer);
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.searchEarners.total > 0;
  }

  /** The attacker's step: the smallest radius (bisection to ~1 mm) at which the earner is found. */
  async function measuredDistance(centre: Point): Promise<number> {
    let [low, high] = [5, 40];
    for (let step = 0; step < 26; step++) {
      const middle = (low + high) / 2;
      if (await found(centre, middle)) high = middle;
      else low = middle;
    }
    return high;
  }

  it('a radius under 5 km is refused as BAD_USER_INPUT naming near.radiusKm', async () => {
    for (const radiusKm of [1, 0.001, 4.999]) {
      const result = await t.gql(SEARCH, { input: { near: { ...HOME, radiusKm } } }, employer);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'near.radiusKm' });
    }
    expect((await t.gql(SEARCH, { input: { near: { ...HOME, radiusKm: 5 } } }, employer)).body.data).toBeTruthy();
  });

  it('the index holds only the grid node, never the point the earner gave', async () => {
    const doc = (await t.client.get<EarnerDocument>({ index: aliasName(t.prefix, 'earners'), id: 'earner-home' }))._source!;
    expect(doc.location!.geo!.lat).toBeCloseTo(NODE.lat, 6);
    expect(doc.location!.geo!.lon).toBeCloseTo(NODE.lon, 6);
    expect(distanceKm(doc.location!.geo!, HOME)).toBeGreaterThan(0.7);
  });

  it('trilateration with many near searches finds the grid node, ~0.78 km from the home, and no better', async () => {
    const centres = [0, 120, 240].map((bearing) => offset(CITY, 12, bearing));
    const distances: number[] = [];
    for (const centre of centres) distances.push(await measuredDistance(centre));
    const estimate = trilaterate(centres, distances);
    expect(queries).toBeGreaterThan(57);
    // The attack works as well as it can: it finds the stored node...
    expect(distanceKm(estimate, NODE)).toBeLessThan(0.05);
    // ...which says nothing finer than the ~1.1 km cell about where the earner lives.
    expect(distanceKm(estimate, HOME)).toBeGreaterThan(0.7);
  }, 180_000);

  it('no distance comes back: no distance sort, and responses carry neither point', async () => {
    const sorted = await t.gql(SEARCH, { input: { near: { ...CITY, radiusKm: 50 }, sort: 'DISTANCE' } }, employer);
    expect(sorted.body.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    for (const sort of ['RELEVANCE', 'RECENT']) {
      const result = await t.gql<{ searchEarners: { nodes: { score: number | null; cursor: string }[] } }>(
        SEARCH,
        { input: { near: { ...CITY, radiusKm: 50 }, sort } },
        employer,
      );
      const hit = result.body.data!.searchEarners.nodes[0]!;
      expect(hit.score).toBeNull();
      const revealed = `${result.raw} ${Buffer.from(hit.cursor, 'base64url').toString('utf8')}`;
      for (const value of [HOME.lat, HOME.lon, NODE.lat, NODE.lon]) expect(revealed).not.toContain(String(value).slice(0, 6));
    }
    const lookup = await t.gql('{ earner(id: "earner-home") { location { city region country } } }', {}, employer);
    expect(lookup.body.data).toEqual({ earner: { location: { city: 'Columbus', region: 'US-OH', country: 'US' } } });
  });
});
