/**
 * The region comparison and the demand behind a skill, published through
 * the reports' one disclosure control (`suppression.ts`). A region's
 * postings of a skill are the report's demand cell of that skill and region,
 * its earners the supply cell: the same populations get the same keys, so
 * the same noise, whichever page asks. Totals over every skill use the
 * pseudo-skill `*`. Per-capita figures divide a published count by a public
 * population figure, so they reveal nothing the count does not. Pure.
 */
import type { PopulationSource } from '../../mappings/region-population.ts';
import { US_REGIONS } from '../../mappings/regions.ts';
import type { DemandBreakdownQuery, RegionComparisonQuery } from './region-input.ts';
import { cellKeys } from './publish.ts';
import type { ReportSkill } from './report.ts';
import { publishCount, type Cell, type DisclosureControl } from './suppression.ts';

/** The skill id of cells that count every skill. */
export const ALL_SKILLS = '*';
const PER = 10_000;

export interface RegionComparisonRow {
  region: string;
  name: string;
  /** Residents (the shipped estimate); null where there is no figure. */
  population: number | null;
  postings: Cell;
  verifiedEarners: Cell;
  /** Per 10,000 residents, from the published counts. */
  postingsPer10k: Cell;
  verifiedEarnersPer10k: Cell;
}

export interface RegionComparison {
  query: RegionComparisonQuery;
  skill: ReportSkill | null;
  rows: RegionComparisonRow[];
  threshold: number;
  populationSource: PopulationSource;
  generatedAt: string;
}

/** A published count per 10,000 residents: suppressed with it, null without a population. */
export function perCapita(count: Cell, population: number | null): Cell {
  if (count.suppressed) return { value: null, suppressed: true };
  if (!population || count.value === null) return { value: null, suppressed: false };
  return { value: (count.value * PER) / population, suppressed: false };
}

export function compareRegions(
  query: RegionComparisonQuery,
  regions: readonly string[],
  counts: { postings: ReadonlyMap<string, number>; earners: ReadonlyMap<string, number> },
  population: ReadonlyMap<string, number>,
  control: DisclosureControl,
): RegionComparisonRow[] {
  const skill = query.skill ?? ALL_SKILLS;
  const shownAsZero = (cell: Cell) => !cell.suppressed && cell.value === 0;
  return regions.flatMap((region): RegionComparisonRow[] => {
    const keys = cellKeys(skill, { region, occupation: query.occupation, windowMonths: query.postedWithinMonths });
    const postings = publishCount(counts.postings.get(region) ?? 0, keys.demand, control);
    const verifiedEarners = publishCount(counts.earners.get(region) ?? 0, keys.supply, control);
    // As in the report: a region appears only when one of its counts is not published as 0 (its mere presence says nothing then).
    if (shownAsZero(postings) && shownAsZero(verifiedEarners)) return [];
    const residents = population.get(region) ?? null;
    return [
      {
        region,
        name: US_REGIONS[region] ?? region,
        population: residents,
        postings,
        verifiedEarners,
        postingsPer10k: perCapita(postings, residents),
        verifiedEarnersPer10k: perCapita(verifiedEarners, residents),
      },
    ];
  });
}

/** One employer or job title behind a skill's demand, with its published count of postings. */
export interface DemandShare {
  name: string;
  postings: Cell;
}

export interface DemandBreakdown {
  query: DemandBreakdownQuery;
  skill: ReportSkill;
  /** The skill's postings in the scope: the report's demand cell. */
  postings: Cell;
  employers: DemandShare[];
  titles: DemandShare[];
  threshold: number;
}

/**
 * Published counts of each employer (or title), ordered by the published
 * value then by name (never by the hidden count), the first `first` of them;
 * a name whose count publishes as 0 is left out. Each is its own cell: the
 * skill's demand cell narrowed to `employer:<name>` (or `title:<name>`).
 */
export function publishShares(
  kind: 'employer' | 'title',
  counts: ReadonlyMap<string, number>,
  query: DemandBreakdownQuery,
  control: DisclosureControl,
): DemandShare[] {
  const key = cellKeys(query.skill, { region: query.region, occupation: query.occupation, windowMonths: query.postedWithinMonths }).demand;
  const rank = (cell: Cell) => (cell.suppressed ? 0.5 : (cell.value ?? 0));
  return [...counts]
    .map(([name, count]) => ({ name, postings: publishCount(count, { ...key, segment: `${kind}:${name}` }, control) }))
    .filter((share) => share.postings.suppressed || (share.postings.value ?? 0) > 0)
    .sort((a, b) => rank(b.postings) - rank(a.postings) || a.name.localeCompare(b.name))
    .slice(0, query.first);
}
