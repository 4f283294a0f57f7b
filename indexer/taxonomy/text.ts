/**
 * Text keys used to match labels and to mint slugs. Pure functions.
 */

/**
 * The key two labels must share to match: case-, accent- and
 * punctuation-insensitive. `+` and `#` carry meaning in technology names
 * (C, C++, C#), so they become words instead of vanishing.
 */
export function labelKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL- and id-safe slug built on `labelKey`, e.g. `C++` -> `c-plus-plus`. */
export function slugify(label: string): string {
  return labelKey(label).replace(/ /g, '-');
}

/** Trims and drops empty strings and case-insensitive duplicates, keeping first spellings. */
export function uniqueLabels(labels: readonly string[], exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map((l) => l.trim().toLowerCase()));
  const out: string[] = [];
  for (const raw of labels) {
    const label = raw.trim().replace(/\s+/g, ' ');
    const key = label.toLowerCase();
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(label);
  }
  return out;
}
