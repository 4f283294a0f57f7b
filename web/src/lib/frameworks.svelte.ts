/**
 * The taxonomy frameworks with the names the API serves for them (its one
 * table is `mappings/frameworks.ts`): fetched once, shared by the search
 * page's skill tree and the report filters. Until they arrive, or when the
 * request fails, a framework is shown by its id.
 */
import { request } from './api';
import { FrameworksDocument, type FrameworksQuery } from './graphql/generated';

export type FrameworkView = FrameworksQuery['frameworks'][number];

export class FrameworkNames {
  /** In the API's order. */
  list = $state<FrameworkView[]>([]);
  #loading: Promise<void> | null = null;

  /** Fetches the list once; a failed fetch (e.g. signed out) is tried again on the next call. */
  load(): Promise<void> {
    this.#loading ??= request(FrameworksDocument).then(
      ({ frameworks }) => {
        this.list = frameworks;
      },
      () => {
        this.#loading = null;
      },
    );
    return this.#loading;
  }

  /** "NICE Framework" for `nice`. */
  name(id: string): string {
    return this.list.find((f) => f.id === id)?.name ?? id;
  }

  /** "NICE" for `nice`: the qualifier beside a skill's label. */
  shortName(id: string): string {
    return this.list.find((f) => f.id === id)?.shortName ?? id;
  }
}

export const frameworkNames = new FrameworkNames();
