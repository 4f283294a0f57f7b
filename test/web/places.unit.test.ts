/** The web app's places are the demo's cities, with the same coordinates (the demo places earners there). */
import { describe, expect, it } from 'vitest';
import { US_CITIES } from '../../scripts/demo/data/cities.ts';
import { PLACES, placeById } from '../../web/src/lib/places.ts';

describe('the places an employer can search near', () => {
  it("are exactly the demo's cities, with their coordinates and unique ids", () => {
    const fromDemo = US_CITIES.map((c) => ({ name: `${c.name}, ${c.state}`, lat: c.lat, lon: c.lon })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    expect(PLACES.map(({ name, lat, lon }) => ({ name, lat, lon })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(fromDemo);
    expect(new Set(PLACES.map((p) => p.id)).size).toBe(PLACES.length);
    expect(placeById('columbus-oh')?.name).toBe('Columbus, OH');
    expect(placeById('javascript:alert(1)')).toBeUndefined();
  });
});
