/**
 * Shortlists: an employer's named lists of earners with a private note and a
 * status per person. Employer accounts only, each seeing only their own lists
 * (another employer's list is "not found"). Earners are added and read back
 * through the directory's privacy-checked loader: an earner who is not listed
 * cannot be added, and one who opts out or deletes their data later shows as
 * "no longer listed", with nothing about them.
 */
import { randomUUID } from 'node:crypto';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import type { ShortlistDocument, ShortlistEntryDocument, ShortlistStatus } from '../../mappings/shortlists.ts';
import { BadInputError } from '../errors.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { Loaders } from '../loaders.ts';
import type { Platform } from '../platform.ts';
import type { EarnerView } from '../search/earner-view.ts';
import { CONTACT_ROLES, requireContactSender } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import { checkEarnerId, checkNote, checkShortlistId, checkShortlistName, checkStatus } from './input.ts';
import { SHORTLIST_LIMITS } from './limits.ts';

/** An entry as the employer reads it: all fields empty once the earner is no longer listed. */
export interface ShortlistEntryView {
  earnerId: string;
  listed: boolean;
  earner: EarnerView | null;
  status: ShortlistStatus | null;
  note: string | null;
  addedAt: string | null;
  updatedAt: string | null;
}

export interface ShortlistView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  entries: ShortlistEntryView[];
}

/** A list an earner is on, for their card: the viewer's own lists only. */
export interface ShortlistRef {
  id: string;
  name: string;
  status: ShortlistStatus;
}

export interface ShortlistServiceDependencies {
  platform: Platform;
  loaders: Loaders;
  viewer: Viewer;
  now: () => Date;
}

const NOT_YOURS = 'No shortlist of yours has this id.';

export function createShortlistService({ platform, loaders, viewer, now }: ShortlistServiceDependencies) {
  /** One read of the employer's lists and contact requests per request: cards of a whole result page share it. */
  let ownLists: Promise<ShortlistDocument[]> | undefined;
  let ownContacts: Promise<ContactRequestDocument[]> | undefined;
  const isEmployer = () => CONTACT_ROLES.includes(viewer.role) && Boolean(viewer.accountId);

  function listsOf(accountId: string): Promise<ShortlistDocument[]> {
    return (ownLists ??= platform.shortlists.listFor(accountId, SHORTLIST_LIMITS.maxListsPerEmployer));
  }

  /** The list, if it is the viewer's; otherwise exactly like an unknown id. */
  async function ownList(accountId: string, id: string) {
    const stored = await platform.shortlists.get(checkShortlistId(id));
    if (!stored || stored.doc.employerAccountId !== accountId) throw new BadInputError('id', NOT_YOURS);
    return stored;
  }

  /** Reads, changes and writes a list; a concurrent change makes the caller retry. */
  async function change(id: string, edit: (list: ShortlistDocument, at: string) => ShortlistDocument): Promise<ShortlistView> {
    const accountId = requireContactSender(viewer);
    const stored = await ownList(accountId, id);
    const at = now().toISOString();
    const changed = { ...edit(stored.doc, at), updatedAt: at };
    if (!(await platform.shortlists.replace({ ...stored, doc: changed })))
      throw new BadInputError('id', 'This shortlist changed meanwhile; reload it and try again.');
    ownLists = undefined;
    return view(changed);
  }

  async function entryView(entry: ShortlistEntryDocument): Promise<ShortlistEntryView> {
    // Through the privacy rules at every read: an earner who opted out or deleted their data resolves to null.
    const earner = await loaders.earner.load(entry.earnerId);
    if (!earner) return { earnerId: entry.earnerId, listed: false, earner: null, status: null, note: null, addedAt: null, updatedAt: null };
    return { ...entry, listed: true, earner };
  }

  async function view(list: ShortlistDocument): Promise<ShortlistView> {
    const { id, name, createdAt, updatedAt } = list;
    return { id, name, createdAt, updatedAt, entries: await Promise.all(list.entries.map(entryView)) };
  }

  return {
    /** One page of the employer's lists: only the lists on it read their earners. */
    async shortlists(page: PageArgs): Promise<ShortlistView[]> {
      const accountId = requireContactSender(viewer);
      return Promise.all(pageOf(await listsOf(accountId), page).map(view));
    },

    async shortlist(id: string): Promise<ShortlistView> {
      const accountId = requireContactSender(viewer);
      return view((await ownList(accountId, id)).doc);
    },

    async createShortlist(name: string): Promise<ShortlistView> {
      const accountId = requireContactSender(viewer);
      const checked = checkShortlistName(name);
      const existing = await platform.shortlists.listFor(accountId, SHORTLIST_LIMITS.maxListsPerEmployer);
      if (existing.length >= SHORTLIST_LIMITS.maxListsPerEmployer)
        throw new BadInputError('name', `You have ${SHORTLIST_LIMITS.maxListsPerEmployer} shortlists, the most allowed; delete one first.`);
      const at = now().toISOString();
      const list: ShortlistDocument = {
        id: randomUUID(),
        employerAccountId: accountId,
        name: checked,
        createdAt: at,
        updatedAt: at,
        entries: [],
      };
      await platform.shortlists.create(list);
      ownLists = undefined;
      return view(list);
    },

    renameShortlist(id: string, name: string): Promise<ShortlistView> {
      const checked = checkShortlistName(name);
      return change(id, (list) => ({ ...list, name: checked }));
    },

    async deleteShortlist(id: string): Promise<boolean> {
      const accountId = requireContactSender(viewer);
      await ownList(accountId, id);
      await platform.shortlists.delete(id);
      ownLists = undefined;
      return true;
    },

    async addToShortlist(id: string, earnerId: string, note?: string | null, status?: string | null): Promise<ShortlistView> {
      requireContactSender(viewer);
      const earner = checkEarnerId(earnerId);
      const text = checkNote(note) ?? '';
      const checkedStatus = checkStatus(status) ?? 'NEW';
      // The privacy-checked loader: an unlisted earner is indistinguishable from an unknown id.
      if (!(await loaders.earner.load(earner))) throw new BadInputError('earnerId', 'No listed earner has this id.');
      return change(id, (list, at) => {
        if (list.entries.some((entry) => entry.earnerId === earner))
          throw new BadInputError('earnerId', 'This earner is already on this shortlist.');
        if (list.entries.length >= SHORTLIST_LIMITS.maxEntriesPerList)
          throw new BadInputError('id', `This shortlist holds ${SHORTLIST_LIMITS.maxEntriesPerList} earners, the most allowed.`);
        const entry: ShortlistEntryDocument = { earnerId: earner, status: checkedStatus, note: text, addedAt: at, updatedAt: at };
        return { ...list, entries: [...list.entries, entry] };
      });
    },

    updateShortlistEntry(id: string, earnerId: string, changes: { note?: string | null; status?: string | null }): Promise<ShortlistView> {
      const note = checkNote(changes.note);
      const status = checkStatus(changes.status);
      return change(id, (list, at) => {
        const index = list.entries.findIndex((entry) => entry.earnerId === earnerId);
        if (index < 0) throw new BadInputError('earnerId', 'This earner is not on this shortlist.');
        const entry = list.entries[index]!;
        const updated = { ...entry, ...(note !== undefined ? { note } : {}), ...(status ? { status } : {}), updatedAt: at };
        return { ...list, entries: list.entries.map((e, i) => (i === index ? updated : e)) };
      });
    },

    removeFromShortlist(id: string, earnerId: string): Promise<ShortlistView> {
      return change(id, (list) => {
        if (!list.entries.some((entry) => entry.earnerId === earnerId))
          throw new BadInputError('earnerId', 'This earner is not on this shortlist.');
        return { ...list, entries: list.entries.filter((entry) => entry.earnerId !== earnerId) };
      });
    },

    /** The viewer's lists that hold this earner: empty for anyone but an employer. */
    async shortlistedIn(earnerId: string): Promise<ShortlistRef[]> {
      if (!isEmployer()) return [];
      return (await listsOf(viewer.accountId!)).flatMap((list) => {
        const entry = list.entries.find((e) => e.earnerId === earnerId);
        return entry ? [{ id: list.id, name: list.name, status: entry.status }] : [];
      });
    },

    /** When the viewer (an employer) last sent this earner a contact request; null if never. */
    async lastContactedAt(earnerId: string): Promise<string | null> {
      if (!isEmployer()) return null;
      ownContacts ??= platform.contacts.list({ employerAccountId: viewer.accountId! });
      // Newest first.
      return (await ownContacts).find((request) => request.earnerId === earnerId)?.createdAt ?? null;
    },
  };
}

export type ShortlistService = ReturnType<typeof createShortlistService>;
