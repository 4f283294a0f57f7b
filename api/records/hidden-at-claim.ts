/**
 * A profile starts hidden when its earner first claims it: the claim email and
 * page promise "you stay hidden until you choose to be listed", and before a
 * first claim there was no account through which the earner could have chosen
 * anything. So the first claim stores `listed: false` (other settings stay)
 * and rebuilds the search document before the earner lands on their settings.
 */
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import type { EarnerRecordStore } from '../stores/earner-records.ts';
import { rebuildFromStoredSettings } from './rebuild.ts';

const MAX_ATTEMPTS = 50;

export async function hideAtFirstClaim(records: EarnerRecordStore, earnerId: string, now: () => Date): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = await records.versionedSettings(earnerId);
    if (read?.doc.deleted) return;
    if (read && !read.doc.listed) return;
    const next = { ...(read?.doc ?? defaultDirectorySettings(earnerId, now())), listed: false, updatedAt: now().toISOString() };
    if (await records.putSettingsIfUnchanged(next, read)) {
      await rebuildFromStoredSettings(records, earnerId, await records.credentialsOf(earnerId), now);
      return;
    }
  }
  throw new Error(`earner ${earnerId}: settings kept changing while the claim hid the profile`);
}
