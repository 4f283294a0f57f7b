/** Contact requests: the ones an employer sent, or the ones an earner received (and answers). */
import { request } from './api';
import { messageOf } from './errors';
import { MyContactRequestsDocument, RespondToContactDocument, type MyContactRequestsQuery } from './graphql/generated';

export type ContactRequest = MyContactRequestsQuery['myContactRequests'][number];

export class ContactRequestsStore {
  requests = $state<ContactRequest[]>([]);
  loading = $state(false);
  loaded = $state(false);
  answering = $state<string | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.requests = (await request(MyContactRequestsDocument)).myContactRequests;
      this.loaded = true;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  async respond(id: string, accept: boolean): Promise<void> {
    this.answering = id;
    this.error = null;
    try {
      await request(RespondToContactDocument, { id, accept });
      await this.load();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.answering = null;
    }
  }
}
