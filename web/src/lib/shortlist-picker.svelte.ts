/**
 * The employer's list names for "Add to shortlist" on result cards and
 * profiles: loaded once per page and shared by every card on it (one per
 * page, never kept across sign-ins), and adding (creating the list first
 * when asked) without leaving the page.
 */
import { request } from './api';
import { messageOf } from './errors';
import { AddEarnerToShortlistDocument, CreateNamedShortlistDocument, MyShortlistNamesDocument } from './graphql/generated';

export interface ShortlistName {
  id: string;
  name: string;
}

export class ShortlistNames {
  lists = $state<ShortlistName[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  /** Loads the names once; every card asks, one request answers. */
  load(): Promise<void> {
    return (this.#loading ??= (async () => {
      try {
        this.lists = (await request(MyShortlistNamesDocument)).shortlists;
        this.loaded = true;
      } catch (error) {
        this.error = messageOf(error);
        this.#loading = null;
      }
    })());
  }

  /** Adds the earner to the list `target` (an id), or to a new list of that name first; returns the list. */
  async add(target: { id: string } | { newName: string }, earnerId: string): Promise<ShortlistName> {
    let id: string;
    if ('newName' in target) {
      const created = (await request(CreateNamedShortlistDocument, { name: target.newName })).createShortlist;
      this.lists = [...this.lists, created];
      id = created.id;
    } else id = target.id;
    return (await request(AddEarnerToShortlistDocument, { id, earnerId })).addToShortlist;
  }
}
