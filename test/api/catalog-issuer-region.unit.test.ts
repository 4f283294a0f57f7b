import { describe, expect, it } from 'vitest';
import { regionOfLocation } from '../../api/catalog/issuer-region.ts';

describe("an issuer's region from the registry's location", () => {
  it('reads a state by code or name from the last part that names one', () => {
    expect(regionOfLocation('Columbus, OH')).toBe('US-OH');
    expect(regionOfLocation('Cleveland, Ohio')).toBe('US-OH');
    expect(regionOfLocation('Portland, Oregon, USA')).toBe('US-OR');
    expect(regionOfLocation('US-WA')).toBe('US-WA');
    expect(regionOfLocation('Washington, DC, United States')).toBe('US-DC');
    expect(regionOfLocation('Indianapolis, IN')).toBe('US-IN');
  });

  it('is null when nothing names a known region', () => {
    expect(regionOfLocation(undefined)).toBeNull();
    expect(regionOfLocation('')).toBeNull();
    expect(regionOfLocation('Toronto, Ontario, Canada')).toBeNull();
    expect(regionOfLocation('Online')).toBeNull();
  });
});
