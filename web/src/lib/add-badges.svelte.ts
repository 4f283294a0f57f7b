/**
 * An earner adds badges: files and URLs, each sent as its own
 * `addMyCredentials` request (a few at a time), so the batch shows its
 * progress and every item its result as soon as it is known. Files over the
 * API's size limit are refused here, by name, before anything is sent.
 */
import { request } from './api';
import { messageOf } from './errors';
import { AddMyCredentialsDocument, type AddMyCredentialsMutation } from './graphql/generated';

export type ItemResult = AddMyCredentialsMutation['addMyCredentials']['results'][number];

/** The API's limits (`INTAKE_LIMITS`): one file's size, and items per batch. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ITEMS = 20;
const IN_FLIGHT = 3;

export interface BatchItem {
  id: number;
  /** The file name or URL. */
  label: string;
  state: 'waiting' | 'checking' | 'done' | 'failed';
  /** One per credential inside the item (a presentation or an export holds several). */
  results: ItemResult[];
  /** Why the item could not be sent or checked at all. */
  error: string | null;
}

type Source = { kind: 'file'; file: File } | { kind: 'url'; url: string };

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** URLs typed or pasted one per line (or separated by spaces). */
export function urlsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\s+/)
        .map((u) => u.trim())
        .filter(Boolean),
    ),
  ];
}

export class AddBadgesStore {
  items = $state<BatchItem[]>([]);
  running = $state(false);
  error = $state<string | null>(null);
  private nextId = 0;

  get finished(): number {
    return this.items.filter((i) => i.state === 'done' || i.state === 'failed').length;
  }
  count(outcome: ItemResult['outcome']): number {
    return this.items.reduce((n, i) => n + i.results.filter((r) => r.outcome === outcome).length, 0);
  }

  /** Sends every file and URL; resolves when all have an answer. `onAdded` runs once if anything was added. */
  async add(files: readonly File[], urls: readonly string[], onAdded?: () => void): Promise<void> {
    this.error = null;
    const sources: Source[] = [
      ...files.map((file) => ({ kind: 'file' as const, file })),
      ...urls.map((url) => ({ kind: 'url' as const, url })),
    ];
    if (sources.length === 0) {
      this.error = 'Choose at least one file or paste at least one link.';
      return;
    }
    if (sources.length > MAX_ITEMS) {
      this.error = `At most ${MAX_ITEMS} files and links at once (you chose ${sources.length}); add the rest in another batch.`;
      return;
    }
    this.running = true;
    this.items = sources.map((s) => ({
      id: this.nextId++,
      label: s.kind === 'file' ? s.file.name : s.url,
      state: 'waiting',
      results: [],
      error: null,
    }));
    const queue = sources.map((source, i) => ({ source, item: this.items[i]! }));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.send(next.source, next.item.id);
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, queue.length) }, worker));
    this.running = false;
    if (this.count('ADDED') > 0) onAdded?.();
  }

  private update(id: number, change: Partial<BatchItem>): void {
    this.items = this.items.map((i) => (i.id === id ? { ...i, ...change } : i));
  }

  private async send(source: Source, id: number): Promise<void> {
    if (source.kind === 'file' && source.file.size > MAX_FILE_BYTES) {
      this.update(id, { state: 'failed', error: `Not sent: ${source.file.name} is larger than 2 MB, the limit of one file.` });
      return;
    }
    this.update(id, { state: 'checking' });
    try {
      const input =
        source.kind === 'file'
          ? { files: [{ name: source.file.name, contentBase64: base64(await source.file.arrayBuffer()) }] }
          : { urls: [source.url] };
      const { addMyCredentials } = await request(AddMyCredentialsDocument, { input });
      this.update(id, { state: 'done', results: addMyCredentials.results });
    } catch (error) {
      this.update(id, { state: 'failed', error: messageOf(error) });
    }
  }
}
