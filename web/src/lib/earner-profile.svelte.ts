/** One earner's page for employers, and the contact request sent from it. */
import { request } from './api';
import { ApiError, messageOf } from './errors';
import { ContactEarnerDocument, EarnerProfileDocument, type EarnerProfileQuery } from './graphql/generated';

export type EarnerProfile = NonNullable<EarnerProfileQuery['earner']>;
export type ProfileBadge = EarnerProfile['badges'][number];

export class EarnerProfileStore {
  earner = $state<EarnerProfile | null>(null);
  loading = $state(false);
  /** The earner is unknown or not listed (the API does not say which). */
  notFound = $state(false);
  error = $state<string | null>(null);
  #id = '';

  async load(id: string): Promise<void> {
    if (id === this.#id && (this.earner || this.loading)) return;
    this.#id = id;
    this.loading = true;
    this.error = null;
    this.notFound = false;
    this.earner = null;
    try {
      const { earner } = await request(EarnerProfileDocument, { id });
      if (this.#id !== id) return;
      this.earner = earner;
      this.notFound = earner === null;
    } catch (error) {
      this.error = messageOf(error);
      this.#id = '';
    } finally {
      this.loading = false;
    }
  }
}

export type ContactState = 'idle' | 'sending' | 'sent' | 'failed';

export class ContactRequestStore {
  state = $state<ContactState>('idle');
  error = $state<string | null>(null);
  /** Why sending cannot work at all (not contactable, rate limit): the form is replaced by this. */
  blocked = $state<string | null>(null);

  reset(): void {
    this.state = 'idle';
    this.error = null;
    this.blocked = null;
  }

  async send(earnerId: string, message: string, badges: string[] = []): Promise<void> {
    this.state = 'sending';
    this.error = null;
    try {
      await request(ContactEarnerDocument, { earnerId, message, badges });
      this.state = 'sent';
    } catch (error) {
      this.state = 'failed';
      if (error instanceof ApiError && error.kind === 'RATE_LIMITED')
        this.blocked = `You've sent as many contact requests as allowed for now.${error.retryAt ? ` You can send more after ${new Date(error.retryAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.` : ''}`;
      else if (error instanceof ApiError && error.kind === 'FORBIDDEN') this.blocked = error.message;
      else this.error = messageOf(error);
    }
  }
}
