/**
 * The taxonomy's public surface for the rest of the indexer: load the
 * shipped data set, normalize alignments and tags, read occupation profiles.
 */
export { loadTaxonomy, loadOccupationProfiles, indexTaxonomy, type Taxonomy } from './load.ts';
export { normalizeAlignment, normalizeTag, normalizeSkills, expandWithAncestors, matchLabel, matchCode } from './normalize.ts';
export { matchUrl } from './match-url.ts';
export { normalizeFrameworkName } from './frameworks.ts';
export { LOCAL_FRAMEWORK_NAME, LOCAL_FRAMEWORK_SHORT_NAME } from './local-framework.ts';
export type { AlignmentInput, NormalizedSkills, UnmappedSkill, OccupationProfile, RatedSkill, OccupationTechnology } from './types.ts';
