/**
 * Resident population of the regions the directory uses, for per-capita
 * figures in the region comparison of the skill-gap reports. Shipped with
 * the code (`mappings/data/us-population-v2024.csv`), never fetched.
 *
 * Source: U.S. Census Bureau, Population Division, "Annual Estimates of the
 * Resident Population for the United States, Regions, States, District of
 * Columbia, and Puerto Rico: April 1, 2020 to July 1, 2024" (NST-EST2024-POP),
 * Vintage 2024, the July 1, 2024 estimates. The 50 states and the District
 * of Columbia add up to the published national total, 340,110,988. A work of
 * the U.S. federal government: public domain in the United States (17 U.S.C.
 * § 105). The island areas other than Puerto Rico are not in these estimates
 * and have no figure here.
 */
import { readFileSync } from 'node:fs';
import { US_REGIONS } from './regions.ts';

/** Where the figures come from, as the reports name it. */
export interface PopulationSource {
  name: string;
  url: string;
  /** The estimates' vintage and reference date. */
  vintage: string;
  license: string;
}

export const POPULATION_SOURCE: PopulationSource = {
  name: 'U.S. Census Bureau, Population Division: Annual Estimates of the Resident Population (NST-EST2024-POP)',
  url: 'https://www.census.gov/data/tables/time-series/demo/popest/2020s-state-total.html',
  vintage: 'Vintage 2024, estimates for July 1, 2024',
  license: 'Public domain (a work of the U.S. federal government, 17 U.S.C. § 105)',
};

const DATA_FILE = new URL('./data/us-population-v2024.csv', import.meta.url);

/** `region,name,population` lines -> region code -> residents. Refuses an unknown region or a bad number, naming the line. Pure. */
export function parsePopulationCsv(text: string, source = 'population data'): Map<string, number> {
  const lines = text.trim().split(/\r?\n/);
  if (lines[0] !== 'region,name,population') throw new Error(`${source}: the header must be "region,name,population"`);
  const figures = new Map<string, number>();
  lines.slice(1).forEach((line, i) => {
    const [region = '', , population = ''] = line.split(',');
    if (!(region in US_REGIONS)) throw new Error(`${source}, line ${i + 2}: "${region}" is not a known region code`);
    if (!/^\d+$/.test(population) || Number(population) === 0)
      throw new Error(`${source}, line ${i + 2}: population must be a whole number above 0`);
    figures.set(region, Number(population));
  });
  return figures;
}

let loaded: Map<string, number> | undefined;

/** Residents per region code (read once); regions without a figure are absent. */
export function regionPopulation(): ReadonlyMap<string, number> {
  loaded ??= parsePopulationCsv(readFileSync(DATA_FILE, 'utf8'), 'mappings/data/us-population-v2024.csv');
  return loaded;
}
