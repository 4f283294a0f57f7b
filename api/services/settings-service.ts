/**
 * An earner's directory settings: the settings document is the system of
 * record; every change rebuilds the earner's search document and waits for
 * it to be searchable before answering.
 *
 * Changes race (two tabs, a double click): each one reads the settings with
 * their version, applies itself and writes only if nobody wrote meanwhile,
 * else reads again. So changes are applied one after another, none is lost,
 * and the search document is rebuilt from what was stored, never from a
 * stale read.
 */
import { defaultDirectorySettings, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { Platform } from '../platform.ts';
import { ownProfile, type OwnProfile } from '../records/own-profile.ts';
import { BadInputError } from '../errors.ts';
import { rebuildFromStoredSettings } from '../records/rebuild.ts';
import { applySettingsInput, checkHiddenBadges, type DirectorySettingsArgs } from '../settings/settings-input.ts';
import type { Viewer } from '../viewer.ts';
import { requireEarner } from './access.ts';

export interface SettingsServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
}

/** Conflicts one change tolerates; each means another change of the same earner was stored first. */
const MAX_ATTEMPTS = 200;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSettingsService({ platform, viewer, now }: SettingsServiceDependencies) {
  const current = async (earnerId: string) => (await platform.records.settings(earnerId)) ?? defaultDirectorySettings(earnerId, now());

  return {
    async updateDirectorySettings(args: DirectorySettingsArgs): Promise<DirectorySettingsDocument> {
      const earnerId = requireEarner(viewer);
      const credentials = await platform.records.credentialsOf(earnerId);
      const held = new Set(credentials.map((c) => c.id));
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const read = await platform.records.versionedSettings(earnerId);
        // A deletion wins over any change still in flight: nothing brings the earner back.
        if (read?.doc.deleted) throw new BadInputError('input', 'This profile was deleted.');
        const next = applySettingsInput(read?.doc ?? defaultDirectorySettings(earnerId, now()), args, now());
        if (args.hiddenBadges != null) checkHiddenBadges(next.hiddenBadges, held);
        if (await platform.records.putSettingsIfUnchanged(next, read)) {
          await rebuildFromStoredSettings(platform.records, earnerId, credentials, now);
          return next;
        }
        await pause(Math.random() * Math.min(50, 2 + attempt));
      }
      throw new Error(`earner ${earnerId}: settings kept changing; the change was not stored`);
    },

    async mySettings(): Promise<DirectorySettingsDocument> {
      return current(requireEarner(viewer));
    },

    async myProfile(): Promise<OwnProfile | null> {
      const earnerId = requireEarner(viewer);
      const [document, settings] = await Promise.all([platform.records.earnerDocument(earnerId), current(earnerId)]);
      return document ? ownProfile(document, settings) : null;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
