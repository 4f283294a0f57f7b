/** How much one employer may keep: lists, entries per list, and text lengths. */
export const SHORTLIST_LIMITS = {
  maxListsPerEmployer: 50,
  maxEntriesPerList: 200,
  maxNameLength: 100,
  maxNoteLength: 2000,
} as const;
