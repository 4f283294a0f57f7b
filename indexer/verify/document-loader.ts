/**
 * JSON-LD document loader that serves pinned contexts and the documents the
 * verifier resolved itself (keys), and nothing else: an unknown URL is
 * recorded and rejected, never fetched.
 */
import type { DocumentLoader } from 'jsonld-signatures';
import { PINNED_CONTEXTS } from './contexts.ts';

/** A loader plus the URLs it had to refuse (to tell "unknown context" apart from other failures). */
export interface PinnedLoader {
  load: DocumentLoader;
  refused: string[];
}

export function createPinnedLoader(extraDocuments: ReadonlyMap<string, object> = new Map()): PinnedLoader {
  const refused: string[] = [];
  const load: DocumentLoader = async (url) => {
    const document = extraDocuments.get(url) ?? PINNED_CONTEXTS.get(url);
    if (document) return { documentUrl: url, document, contextUrl: null };
    refused.push(url);
    throw new Error(`"${url}" is not a pinned JSON-LD context; remote contexts are never loaded`);
  };
  return { load, refused };
}
