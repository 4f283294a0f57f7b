import { describe, expect, it } from 'vitest';
import { parsePopulationCsv, POPULATION_SOURCE, regionPopulation } from '../../mappings/region-population.ts';
import { US_REGIONS } from '../../mappings/regions.ts';

describe('shipped population figures', () => {
  it('has every state, DC and Puerto Rico, and the states and DC add up to the national total the Census Bureau publishes', () => {
    const figures = regionPopulation();
    const states = Object.keys(US_REGIONS).filter((code) => !['US-PR', 'US-GU', 'US-VI', 'US-AS', 'US-MP'].includes(code));
    expect(states).toHaveLength(51);
    for (const code of [...states, 'US-PR']) expect(figures.get(code), code).toBeGreaterThan(100_000);
    expect(states.reduce((sum, code) => sum + figures.get(code)!, 0)).toBe(340_110_988);
    expect(figures.get('US-OH')).toBe(11_883_304);
    expect(POPULATION_SOURCE.url).toMatch(/^https:\/\/www\.census\.gov\//);
  });

  it('refuses a bad file naming the line', () => {
    expect(() => parsePopulationCsv('region,name,population\nUS-XX,Nowhere,5', 'f.csv')).toThrow(
      'f.csv, line 2: "US-XX" is not a known region code',
    );
    expect(() => parsePopulationCsv('region,name,population\nUS-OH,Ohio,many', 'f.csv')).toThrow(
      'line 2: population must be a whole number',
    );
    expect(() => parsePopulationCsv('code,population\n', 'f.csv')).toThrow('the header must be');
  });
});
