/** A list read from the API with its loading, loaded and error state: the part the list stores share. */
import { messageOf } from './errors';

export class ListLoader<T> {
  items = $state<T[]>([]);
  loading = $state(false);
  /** True once a load succeeded (an empty list then means "none", not "not yet"). */
  loaded = $state(false);
  error = $state<string | null>(null);

  readonly #fetchItems: () => Promise<T[]>;

  constructor(fetchItems: () => Promise<T[]>) {
    this.#fetchItems = fetchItems;
  }

  /** (Re)loads the list; on failure keeps the previous items and sets `error` to a message for the page. */
  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.items = await this.#fetchItems();
      this.loaded = true;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }
}
