/** Caps on what one search may ask for: page sizes, list lengths, text length. */
export const LIMITS = {
  defaultPageSize: 20,
  maxPageSize: 50,
  defaultFacetSize: 20,
  maxFacetSize: 100,
  /** Values per filter list (badges, skills, ...). */
  maxFilterValues: 50,
  maxTextLength: 200,
  maxIdLength: 500,
  maxIssuedWithinMonths: 600,
  /** The largest `pathwayProgress.minEarned` (no pathway stacks more credentials). */
  maxPathwayCredentials: 100,
  /** Pathway definitions a search counts in its pathways facet (the first ones by id). */
  maxPathways: 500,
  /**
   * The smallest `near` radius: together with the coarse points the index
   * holds (about 1.1 km grid), a search can never tell where within a few
   * kilometres an earner lives.
   */
  minRadiusKm: 5,
  /** Half the Earth's circumference: every point is within it. */
  maxRadiusKm: 20_038,
  defaultSuggestions: 8,
  maxSuggestions: 20,
  maxPrefixLength: 100,
} as const;
