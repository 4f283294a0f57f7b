/**
 * The pathways an employer can ask progress on, with how many credentials
 * each stacks: from the public catalog's pathways facet, loaded once.
 */
import { request } from './api';
import { PathwayOptionsDocument } from './graphql/generated';

export interface PathwayOption {
  id: string;
  name: string;
  /** Credentials (badge classes) the catalog lists in it. */
  credentials: number;
}

class PathwayOptions {
  options = $state<PathwayOption[]>([]);
  #loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.#loading ??= request(PathwayOptionsDocument, {}).then(
      ({ searchBadgeClasses }) => {
        this.options = searchBadgeClasses.facets.pathways
          .map((p) => ({ id: p.value, name: p.label, credentials: p.count }))
          .sort((a, b) => a.name.localeCompare(b.name));
      },
      () => {
        this.#loading = null;
      },
    );
    return this.#loading;
  }
}

export const pathwayOptions = new PathwayOptions();
