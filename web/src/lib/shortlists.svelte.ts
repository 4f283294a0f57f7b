/** The employer's shortlists: load, create, delete, add and edit entries, and download one as CSV. */
import { fetchFile, request } from './api';
import { messageOf } from './errors';
import {
  AddToShortlistDocument,
  CreateShortlistDocument,
  DeleteShortlistDocument,
  MyShortlistsDocument,
  RemoveFromShortlistDocument,
  UpdateShortlistEntryDocument,
  type MyShortlistsQuery,
  type ShortlistStatus,
} from './graphql/generated';
import { saveFile } from './reports/csv-export.svelte';

export type Shortlist = MyShortlistsQuery['shortlists'][number];
export type ShortlistEntry = Shortlist['entries'][number];

export const STATUS_LABELS: Record<ShortlistStatus, string> = {
  NEW: 'New',
  CONTACTED: 'Contacted',
  INTERVIEWING: 'Interviewing',
  NOT_A_FIT: 'Not a fit',
};

export function shortlistCsvPath(id: string): string {
  return `/shortlists/${encodeURIComponent(id)}.csv`;
}

export class ShortlistsStore {
  lists = $state<Shortlist[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);
  /** What the last change did, for the polite live region. */
  done = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.lists = (await request(MyShortlistsDocument)).shortlists;
      this.loaded = true;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  private replace(list: Shortlist): void {
    this.lists = this.lists.some((l) => l.id === list.id) ? this.lists.map((l) => (l.id === list.id ? list : l)) : [...this.lists, list];
  }

  private async run(work: () => Promise<string>): Promise<boolean> {
    this.error = null;
    this.done = null;
    try {
      this.done = await work();
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    }
  }

  create(name: string): Promise<boolean> {
    return this.run(async () => {
      this.replace((await request(CreateShortlistDocument, { name })).createShortlist);
      return `Created the shortlist ${name.trim()}.`;
    });
  }

  remove(list: Shortlist): Promise<boolean> {
    return this.run(async () => {
      await request(DeleteShortlistDocument, { id: list.id });
      this.lists = this.lists.filter((l) => l.id !== list.id);
      return `Deleted the shortlist ${list.name}.`;
    });
  }

  add(id: string, earnerId: string): Promise<boolean> {
    return this.run(async () => {
      const list = (await request(AddToShortlistDocument, { id, earnerId })).addToShortlist;
      this.replace(list);
      return `Added to ${list.name}.`;
    });
  }

  update(id: string, earnerId: string, changes: { note?: string; status?: ShortlistStatus }): Promise<boolean> {
    return this.run(async () => {
      this.replace((await request(UpdateShortlistEntryDocument, { id, earnerId, ...changes })).updateShortlistEntry);
      return changes.status ? `Status set to ${STATUS_LABELS[changes.status]}.` : 'Note saved.';
    });
  }

  removeEntry(id: string, earnerId: string): Promise<boolean> {
    return this.run(async () => {
      this.replace((await request(RemoveFromShortlistDocument, { id, earnerId })).removeFromShortlist);
      return 'Removed from the shortlist.';
    });
  }

  download(list: Shortlist): Promise<boolean> {
    return this.run(async () => {
      const { blob, filename } = await fetchFile(shortlistCsvPath(list.id), new URLSearchParams());
      const name = filename ?? 'shortlist.csv';
      saveFile(blob, name);
      return `Downloaded ${name}.`;
    });
  }
}
