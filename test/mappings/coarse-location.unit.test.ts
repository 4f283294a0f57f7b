import { describe, expect, it } from 'vitest';
import { coarseLocation, coarsePoint, longitudeStep } from '../../mappings/coarse-location.ts';

describe('coarse points (the only point the earners index holds)', () => {
  it('snaps to the nearest node of a ~1.1 km grid', () => {
    // 0.01° of latitude; in the 39.96° row, 0.01° / cos(39.96°) = 0.0130464° of longitude (computed by hand).
    expect(longitudeStep(39.96)).toBeCloseTo(0.0130464, 6);
    expect(coarsePoint({ lat: 39.9648, lon: -82.995147 })).toEqual({ lat: 39.96, lon: -83.00141 });
    expect(coarsePoint({ lat: 39.9652, lon: -83 })).toEqual({ lat: 39.97, lon: -83.000503 });
    expect(coarsePoint({ lat: 0.004, lon: 0.006 })).toEqual({ lat: 0, lon: 0.01 });
  });

  it('moves no point more than half a cell diagonal (~0.8 km), and is the same for every point of a cell', () => {
    const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
      Math.hypot((a.lat - b.lat) * 111.195, (a.lon - b.lon) * 111.195 * Math.cos((a.lat * Math.PI) / 180));
    for (let i = 0; i < 1000; i++) {
      const point = { lat: -70 + ((i * 37) % 140) + (i % 7) / 13, lon: -179 + ((i * 53) % 358) + (i % 11) / 17 };
      const node = coarsePoint(point);
      expect(km(point, node)).toBeLessThan(0.8);
      expect(coarsePoint(node)).toEqual(node);
    }
  });

  it('stays on the globe at the poles and the antimeridian, and keeps a location without a point as it is', () => {
    expect(coarsePoint({ lat: 89.999, lon: 179.9 })).toMatchObject({ lat: 90 });
    const east = coarsePoint({ lat: 10, lon: 179.999 });
    expect(east.lon).toBeGreaterThanOrEqual(-180);
    expect(east.lon).toBeLessThanOrEqual(180);
    expect(coarseLocation({ city: 'Berlin', region: 'DE-BE', country: 'DE' })).toEqual({ city: 'Berlin', region: 'DE-BE', country: 'DE' });
  });
});
