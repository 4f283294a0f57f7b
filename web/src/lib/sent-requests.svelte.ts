/** The contact requests an employer sent, with the earner each one was sent to (as search shows them). */
import { request } from './api';
import { messageOf } from './errors';
import { SentContactRequestsDocument, type SentContactRequestsQuery } from './graphql/generated';

export type SentRequest = SentContactRequestsQuery['myContactRequests'][number];

export class SentRequestsStore {
  requests = $state<SentRequest[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.requests = (await request(SentContactRequestsDocument)).myContactRequests;
      this.loaded = true;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }
}
