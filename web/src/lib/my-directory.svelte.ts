/**
 * The signed-in earner's directory settings, profile, data export and
 * deletion. Settings are saved as one change; search reflects it at once.
 */
import { request } from './api';
import { messageOf } from './errors';
import {
  DeleteMyDataDocument,
  ExportMyDataDocument,
  MyDirectoryDocument,
  UpdateDirectorySettingsDocument,
  type DirectorySettingsInput,
  type MyDirectoryQuery,
} from './graphql/generated';

export type MySettings = MyDirectoryQuery['mySettings'];
export type MyProfile = NonNullable<MyDirectoryQuery['myProfile']>;

export const DELETE_CONFIRMATION = 'DELETE MY DATA';

export class MyDirectoryStore {
  settings = $state<MySettings | null>(null);
  profile = $state<MyProfile | null>(null);
  loading = $state(false);
  saving = $state(false);
  exporting = $state(false);
  deleting = $state(false);
  error = $state<string | null>(null);
  /** Field the API named in its last refusal, so the form can point at it. */
  errorField = $state<string | null>(null);
  notice = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      const data = await request(MyDirectoryDocument);
      this.settings = data.mySettings;
      this.profile = data.myProfile;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  async save(input: DirectorySettingsInput): Promise<boolean> {
    this.saving = true;
    this.error = null;
    this.errorField = null;
    this.notice = null;
    try {
      const { updateDirectorySettings } = await request(UpdateDirectorySettingsDocument, { input });
      this.settings = updateDirectorySettings;
      // The profile's "shown" flags follow the new settings.
      const data = await request(MyDirectoryDocument);
      this.profile = data.myProfile;
      this.notice = updateDirectorySettings.listed
        ? 'Saved. Employers see these changes in search now.'
        : 'Saved. You are not listed: employers cannot find you.';
      return true;
    } catch (error) {
      this.error = messageOf(error);
      this.errorField = (error as { field?: string }).field ?? null;
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Everything stored about the earner, as pretty-printed JSON text. */
  async exportData(): Promise<string | null> {
    this.exporting = true;
    this.error = null;
    try {
      const { exportMyData } = await request(ExportMyDataDocument);
      return JSON.stringify(JSON.parse(exportMyData), null, 2);
    } catch (error) {
      this.error = messageOf(error);
      return null;
    } finally {
      this.exporting = false;
    }
  }

  async deleteData(confirm: string): Promise<boolean> {
    this.deleting = true;
    this.error = null;
    try {
      await request(DeleteMyDataDocument, { confirm });
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    } finally {
      this.deleting = false;
    }
  }
}
