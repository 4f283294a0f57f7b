/**
 * An earner's own data: export all of it, or delete all of it. Deletion
 * leaves a tombstone in the settings index (deleted, with every identity
 * key), which the indexer honours: a later re-ingest never brings them back.
 */
import { MAX_DIDS_PER_EARNER } from '../../mappings/did-auth.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import { BadInputError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { dataExport, identitiesOf, type DataExport } from '../records/data-export.ts';
import type { Viewer } from '../viewer.ts';
import { requireEarner } from './access.ts';

/** What `deleteMyData` must be sent, so it is never called by accident. */
export const DELETE_CONFIRMATION = 'DELETE MY DATA';

export interface DeletionReport {
  credentialsDeleted: number;
  contactRequestsDeleted: number;
}

export interface MyDataServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
}

export function createMyDataService({ platform, viewer, now }: MyDataServiceDependencies) {
  return {
    async exportMyData(): Promise<DataExport> {
      const earnerId = requireEarner(viewer);
      const { records } = platform;
      const [account, settings, earnerDocument, credentials, contactRequests, linkedDids] = await Promise.all([
        platform.accounts.get(viewer.accountId!),
        records.settings(earnerId),
        records.earnerDocument(earnerId),
        records.credentialsOf(earnerId),
        platform.contacts.list({ earnerId }),
        platform.didLinks.didsOf(earnerId, MAX_DIDS_PER_EARNER),
      ]);
      return dataExport({
        earnerId,
        ...(account ? { account: account.doc } : {}),
        settings: settings ?? defaultDirectorySettings(earnerId, now()),
        ...(earnerDocument ? { earnerDocument } : {}),
        credentials,
        contactRequests,
        linkedDids,
        now: now(),
      });
    },

    async deleteMyData(confirm: string): Promise<DeletionReport> {
      const earnerId = requireEarner(viewer);
      if (confirm !== DELETE_CONFIRMATION) throw new BadInputError('confirm', `type exactly "${DELETE_CONFIRMATION}" to delete your data`);
      const { records } = platform;
      const credentials = await records.credentialsOf(earnerId);
      // The tombstone first: from here on the indexer drops this earner's credentials.
      await records.putSettings(
        { ...defaultDirectorySettings(earnerId, now()), deleted: true, deletedIdentities: identitiesOf(credentials, viewer.email) },
        { visible: true },
      );
      // Then everything else at once: each deletion is independent of the others (and waits for its own refresh).
      const [, credentialsDeleted, , contactRequestsDeleted] = await Promise.all([
        records.deleteEarnerDocument(earnerId),
        records.deleteCredentialsOf(earnerId),
        // The private identity links go too: nothing maps the address to this earner any more.
        records.deleteIdentityLinks(earnerId),
        platform.contacts.deleteForEarner(earnerId),
        platform.claimTokens.deleteForEarner(earnerId),
        // The DIDs they proved control of are freed (another earner may prove them later).
        platform.didLinks.deleteEarner(earnerId),
        // Employers' shortlists keep no trace of them (reads already hid them: they are no longer listed).
        platform.shortlists.dropEarner(earnerId),
      ]);
      // Last: with the account gone, every session of it ends.
      await platform.accounts.delete(viewer.accountId!);
      return { credentialsDeleted, contactRequestsDeleted };
    },
  };
}

export type MyDataService = ReturnType<typeof createMyDataService>;
