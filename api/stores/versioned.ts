/**
 * Realtime reads by id with the version they were read at, and writes that
 * succeed only if nobody changed the document since (optimistic concurrency).
 * The account, contact and claim-token stores share them.
 */
import type { Client } from '@elastic/elasticsearch';
import { isConflict } from './guard.ts';

/** A stored document with the version it was read at, for a conditional write. */
export interface Versioned<T> {
  doc: T;
  seqNo: number;
  primaryTerm: number;
}

export async function getVersioned<T>(client: Client, index: string, id: string): Promise<Versioned<T> | undefined> {
  const response = await client.get<T>({ index, id }, { ignore: [404] });
  if (!response.found || !response._source) return undefined;
  return { doc: response._source, seqNo: response._seq_no!, primaryTerm: response._primary_term! };
}

/** Writes `document` over the version `read` was read at; false when it changed since. */
export async function replaceIfUnchanged<T>(
  client: Client,
  index: string,
  id: string,
  read: Versioned<T>,
  document: T,
  options: { waitForRefresh?: boolean } = {},
): Promise<boolean> {
  try {
    await client.index({
      index,
      id,
      document,
      if_seq_no: read.seqNo,
      if_primary_term: read.primaryTerm,
      ...(options.waitForRefresh ? { refresh: 'wait_for' as const } : {}),
    });
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}
