/**
 * Size limits of everything the indexer reads, in one place. A crafted input
 * (a PNG whose text chunk inflates to gigabytes, a 1 GB JSON file, a line with
 * no end) must be refused by size, never read into memory first.
 */

/** Largest remote document (hosted assertion, key, DID document, status list) and largest decompressed baked text. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Largest single credential input: a file, a URL's body, one line of a JSON Lines stream. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Largest CSV bulk export read at once (larger exports: split them, or use JSON Lines). */
export const MAX_EXPORT_BYTES = 32 * 1024 * 1024;

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}
