/** The contact requests an employer sent, with the earner each one was sent to (as search shows them). */
import { request } from './api';
import { SentContactRequestsDocument, type SentContactRequestsQuery } from './graphql/generated';
import { ListLoader } from './list-loader.svelte';

export type SentRequest = SentContactRequestsQuery['myContactRequests'][number];

export class SentRequestsStore extends ListLoader<SentRequest> {
  constructor() {
    super(async () => (await request(SentContactRequestsDocument)).myContactRequests);
  }

  get requests(): SentRequest[] {
    return this.items;
  }
}
