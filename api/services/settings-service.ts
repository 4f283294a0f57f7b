/**
 * An earner's directory settings: the settings document is the system of
 * record; every change rebuilds the earner's search document and waits for
 * it to be searchable before answering.
 */
import { defaultDirectorySettings, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { Platform } from '../platform.ts';
import { ownProfile, type OwnProfile } from '../records/own-profile.ts';
import { rebuildEarnerDocument } from '../records/rebuild.ts';
import { applySettingsInput, checkHiddenBadges, type DirectorySettingsArgs } from '../settings/settings-input.ts';
import type { Viewer } from '../viewer.ts';
import { requireEarner } from './access.ts';

export interface SettingsServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
}

export function createSettingsService({ platform, viewer, now }: SettingsServiceDependencies) {
  const current = async (earnerId: string) => (await platform.records.settings(earnerId)) ?? defaultDirectorySettings(earnerId, now());

  return {
    async updateDirectorySettings(args: DirectorySettingsArgs): Promise<DirectorySettingsDocument> {
      const earnerId = requireEarner(viewer);
      const next = applySettingsInput(await current(earnerId), args, now());
      const credentials = await platform.records.credentialsOf(earnerId);
      if (args.hiddenBadges != null) checkHiddenBadges(next.hiddenBadges, new Set(credentials.map((c) => c.id)));
      await platform.records.putSettings(next);
      await rebuildEarnerDocument(platform.records, next, credentials, now());
      return next;
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
