/**
 * Missing versus unreachable (pure). A document that answers 404 or 410, or a
 * URL whose `--resolve` file does not exist, does not exist: that is a
 * finding about the credential (an unknown key, a hosted assertion that is
 * gone). A timeout, a DNS failure, a refused connection or a 5xx says nothing
 * about the credential: the check could not run, and `reverify` tries again.
 */

/** HTTP statuses that mean "this document does not exist". */
export function isMissingStatus(status: number): boolean {
  return status === 404 || status === 410;
}

/** True when a failed fetch (its HTTP status, or a mapped file's error code) means the document does not exist. */
export function isMissing(failure: { status?: number; code?: string }): boolean {
  if (failure.status !== undefined) return isMissingStatus(failure.status);
  return failure.code === 'ENOENT' || failure.code === 'EISDIR' || failure.code === 'ENOTDIR';
}

/** The error code of a Node.js system error (`ENOENT`, `ECONNREFUSED`, ...), if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The HTTP status a fetch error names (`... HTTP 404`), for fetchers that report it only in their message. */
export function httpStatusIn(error: string): number | undefined {
  const match = /\bHTTP (\d{3})\b/.exec(error);
  return match ? Number(match[1]) : undefined;
}
