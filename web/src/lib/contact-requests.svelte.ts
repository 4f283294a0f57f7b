/** Contact requests: the ones an employer sent, or the ones an earner received (and answers). */
import { request } from './api';
import { messageOf } from './errors';
import { MyContactRequestsDocument, RespondToContactDocument, type MyContactRequestsQuery } from './graphql/generated';
import { ListLoader } from './list-loader.svelte';

export type ContactRequest = MyContactRequestsQuery['myContactRequests'][number];

export class ContactRequestsStore extends ListLoader<ContactRequest> {
  answering = $state<string | null>(null);

  constructor() {
    super(async () => (await request(MyContactRequestsDocument)).myContactRequests);
  }

  get requests(): ContactRequest[] {
    return this.items;
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
