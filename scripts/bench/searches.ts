/**
 * The representative searches, chosen from the generator's own records so
 * each one finds a realistic number of earners at any data size: text only,
 * two facets (a skill and a region), two broad skills with ALL (held only
 * through narrower skills), near a city, and text with two facets selected
 * (the broad skills with ALL, and a region).
 */
import type { Taxonomy } from '../../indexer/taxonomy/index.ts';
import type { EarnerSearchArgs } from '../../api/search/input.ts';
import { REGIONS, type EarnerRecord, type GeneratedDirectory } from '../../test/support/generators/directory.ts';

export interface BenchSearch {
  /** Short key used in tables and JSON. */
  id: 'text' | 'skill+region' | 'skills-all-hierarchy' | 'geo' | 'text+skills-all+region';
  description: string;
  input: EarnerSearchArgs;
}

/** One results page as the web app shows it: hits with highlights and shown badges, every facet with labels. */
export const SEARCH_DOCUMENT = /* GraphQL */ `
  query BenchSearch($input: EarnerSearchInput!) {
    searchEarners(input: $input) {
      total
      totalIsExact
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        score
        cursor
        highlights {
          field
          fragments
        }
        earner {
          id
          name
          headline
          latestIssuedOn
          location {
            city
            region
            country
          }
          badges {
            credentialId
            name
            credentialType
            issuedOn
            frameworks
            verification {
              status
            }
          }
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
          label
          count
        }
        issuers {
          value
          label
          count
        }
        frameworks {
          value
          label
          count
        }
        regions {
          value
          label
          count
        }
        credentialTypes {
          value
          label
          count
        }
        issued {
          value
          label
          count
        }
      }
    }
  }
`;

const TEXT = 'advanced welding';
const GEO_REGION = 'US-OH';
/** Broad enough to leave earners after two facets narrow it. */
const TEXT_WITH_FACETS = 'advanced';
const GEO_RADIUS_KM = 100;

/** Skills held by default-visible search semantics: shown, verified badges of listed earners. */
function countedBadges(record: EarnerRecord) {
  return record.badges.filter((b) => b.visible && b.status === 'VERIFIED');
}

function mostHeldSkill(records: readonly EarnerRecord[]): string {
  const holders = new Map<string, number>();
  for (const record of records)
    for (const skill of new Set(countedBadges(record).flatMap((b) => b.skills))) holders.set(skill, (holders.get(skill) ?? 0) + 1);
  return [...holders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/**
 * Two broad skills no badge aligns to directly (so only the hierarchy can
 * match them), neither above the other, held together by the most earners.
 */
function broadSkillPair(directory: GeneratedDirectory, taxonomy: Taxonomy): [string, string] {
  const direct = new Set(directory.classes.flatMap((c) => c.skills));
  const broad = new Set([...direct].flatMap((id) => taxonomy.byId.get(id)?.broader ?? []).filter((id) => !direct.has(id)));
  const together = new Map<string, number>();
  for (const record of directory.records) {
    const held = [...new Set(countedBadges(record).flatMap((b) => b.skillsExpanded))].filter((id) => broad.has(id)).sort();
    for (let i = 0; i < held.length; i++)
      for (let j = i + 1; j < held.length; j++) {
        const key = `${held[i]}\n${held[j]}`;
        together.set(key, (together.get(key) ?? 0) + 1);
      }
  }
  const related = (a: string, b: string) => taxonomy.byId.get(a)?.ancestors.includes(b) || taxonomy.byId.get(b)?.ancestors.includes(a);
  const best = [...together]
    .map(([key, count]) => ({ pair: key.split('\n') as [string, string], count }))
    .filter(({ pair }) => !related(pair[0], pair[1]))
    .sort((a, b) => b.count - a.count)[0];
  if (!best) throw new Error('the generated data has no two broad skills held together; try another --seed');
  return best.pair;
}

export function chooseSearches(directory: GeneratedDirectory, taxonomy: Taxonomy): BenchSearch[] {
  const label = (id: string) => `"${taxonomy.byId.get(id)?.label ?? id}"`;
  const skill = mostHeldSkill(directory.records);
  const [broadA, broadB] = broadSkillPair(directory, taxonomy);
  const centre = REGIONS[GEO_REGION]!;
  return [
    { id: 'text', description: `text "${TEXT}"`, input: { text: TEXT } },
    { id: 'skill+region', description: `skill ${label(skill)} + region ${GEO_REGION}`, input: { skills: [skill], regions: [GEO_REGION] } },
    {
      id: 'skills-all-hierarchy',
      description: `skills ALL ${label(broadA)}, ${label(broadB)} (broad; narrower held)`,
      input: { skills: [broadA, broadB], skillsMode: 'ALL' },
    },
    {
      id: 'geo',
      description: `within ${GEO_RADIUS_KM} km of Columbus, OH`,
      input: { near: { lat: centre.lat, lon: centre.lon, radiusKm: GEO_RADIUS_KM } },
    },
    {
      id: 'text+skills-all+region',
      description: `text "${TEXT_WITH_FACETS}" + skills ALL ${label(broadA)}, ${label(broadB)} + region ${GEO_REGION}`,
      input: { text: TEXT_WITH_FACETS, skills: [broadA, broadB], skillsMode: 'ALL', regions: [GEO_REGION] },
    },
  ];
}
