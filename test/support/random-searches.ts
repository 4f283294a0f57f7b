/** Random search inputs over a fixture: mixed filters, modes and verification sets. */
import type { SearchFixture } from './search-fixtures.ts';
import { pickSome, seededRandom } from './generators/directory.ts';
import type { SearchInput } from './search-oracle.ts';

const STATUSES = ['VERIFIED', 'EXPIRED'];

export function randomSearches(
  fixture: SearchFixture,
  count: number,
  seed: number,
  options: { includeHidden?: boolean } = {},
): SearchInput[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const some = <T>(values: readonly T[], max: number): T[] => pickSome(random, values, max, 1);
  const listed = fixture.records.filter((r) => r.badges.some((b) => b.visible));
  const skillValues = [
    ...new Set(fixture.classes.flatMap((c) => c.skills).flatMap((id) => [id, ...(fixture.taxonomy.byId.get(id)?.ancestors ?? [])])),
  ];
  const { hiddenOnly } = fixture;
  const searches: SearchInput[] = [];
  for (let i = 0; i < count; i++) {
    const input: SearchInput = { first: 50, facetSize: chance(0.3) ? 1 + Math.floor(random() * 6) : 100 };
    // Half the searches start from a real shown badge, so most of them find someone.
    const seedBadge = chance(0.5)
      ? (() => {
          const r = listed[Math.floor(random() * listed.length)]!;
          const shown = r.badges.filter((b) => b.visible);
          return shown[Math.floor(random() * shown.length)];
        })()
      : undefined;
    if (chance(0.4))
      input.badges = [
        ...new Set([
          ...(seedBadge && chance(0.6) ? [seedBadge.classId] : []),
          ...some(
            fixture.classes.map((c) => c.id),
            3,
          ),
        ]),
      ];
    if (input.badges && chance(0.5)) input.badgesMode = 'ALL';
    if (chance(0.4))
      input.skills = [
        ...new Set([
          ...(seedBadge && chance(0.6) ? [seedBadge.skillsExpanded[Math.floor(random() * seedBadge.skillsExpanded.length)]!] : []),
          ...some(skillValues, 3),
        ]),
      ];
    if (input.skills && chance(0.5)) input.skillsMode = 'ALL';
    if (chance(0.25))
      input.issuers = some(
        fixture.issuers.map((x) => x.id),
        2,
      );
    if (chance(0.2)) input.frameworks = some(['esco', 'onet', 'local', 'nice'], 2);
    if (chance(0.25)) input.regions = some(Object.keys(fixture.regions), 2);
    if (chance(0.2)) input.credentialTypes = some(['badge', 'micro-credential', 'certificate'], 2);
    if (chance(0.2)) {
      const centre = fixture.regions[Object.keys(fixture.regions)[Math.floor(random() * 6)]!]!;
      input.near = { lat: centre.lat, lon: centre.lon, radiusKm: 20 + Math.floor(random() * 400) };
    }
    if (chance(0.3)) input.issuedWithinMonths = [3, 6, 12, 24, 30][Math.floor(random() * 5)]!;
    if (chance(0.5)) input.verification = some(STATUSES, 2);
    if (options.includeHidden && chance(0.5)) {
      const which = Math.floor(random() * 3);
      if (which === 0) input.badges = [...(input.badges ?? []), hiddenOnly.classId];
      if (which === 1) input.skills = [...(input.skills ?? []), hiddenOnly.skillId];
      if (which === 2) input.issuers = [...(input.issuers ?? []), hiddenOnly.issuerId];
    }
    searches.push(input);
  }
  return searches;
}
