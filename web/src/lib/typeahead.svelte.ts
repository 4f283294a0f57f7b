/** Suggestions for the search box: skills, badges and issuers as the user types (debounced, latest answer wins). */
import { request } from './api';
import { messageOf } from './errors';
import { SuggestDocument, type EarnerSearchInput, type SuggestQuery } from './graphql/generated';

export type Suggestion = SuggestQuery['suggest'][number];

const DEBOUNCE_MS = 180;

export class Typeahead {
  suggestions = $state<Suggestion[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | null = null;

  /** Asks for suggestions for `text` after a short pause in typing, counted under the current search `within`. */
  update(text: string, within?: EarnerSearchInput): void {
    clearTimeout(this.#timer);
    const prefix = text.trim();
    if (prefix.length < 2) {
      this.clear();
      return;
    }
    this.#timer = setTimeout(() => void this.#fetch(prefix, within), DEBOUNCE_MS);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    this.suggestions = [];
    this.loading = false;
    this.error = null;
  }

  async #fetch(prefix: string, within?: EarnerSearchInput): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.loading = true;
    try {
      const { suggest } = await request(
        SuggestDocument,
        { prefix, first: 5, ...(within ? { within } : {}) },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      this.suggestions = suggest;
      this.error = null;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.suggestions = [];
      this.error = messageOf(error);
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }
}
