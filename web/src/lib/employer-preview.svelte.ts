/** "Preview as an employer": the earner's card and profile as the API's employer privacy rules produce them. */
import { request } from './api';
import { messageOf } from './errors';
import { MyEmployerPreviewDocument, type MyEmployerPreviewQuery } from './graphql/generated';

export type EmployerPreview = MyEmployerPreviewQuery['myEmployerPreview'];

export class EmployerPreviewStore {
  preview = $state<EmployerPreview | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.preview = (await request(MyEmployerPreviewDocument, {})).myEmployerPreview;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }
}
