/**
 * "Link a DID" (DID Auth): ask the API for a one-time challenge, let the
 * earner sign it in their wallet, send the signed presentation back, and
 * keep the list of linked DIDs. The API checks everything; this store only
 * holds what the page shows.
 */
import { request } from './api';
import { messageOf } from './errors';
import {
  MyIdentitiesDocument,
  ProveDidControlDocument,
  RemoveMyDidDocument,
  RequestDidChallengeDocument,
  type MyIdentitiesQuery,
  type ProveDidControlMutation,
  type RequestDidChallengeMutation,
} from './graphql/generated';

export type LinkedDid = MyIdentitiesQuery['myIdentities']['dids'][number];
export type DidChallenge = RequestDidChallengeMutation['requestDidChallenge'];
export type DidProof = ProveDidControlMutation['proveDidControl'];

export class LinkDidStore {
  dids = $state<LinkedDid[]>([]);
  challenge = $state<DidChallenge | null>(null);
  result = $state<DidProof | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.dids = (await request(MyIdentitiesDocument)).myIdentities.dids;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async newChallenge(): Promise<void> {
    this.error = null;
    this.result = null;
    try {
      this.challenge = (await request(RequestDidChallengeDocument)).requestDidChallenge;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Sends the signed presentation; a challenge works once, so the page asks for a new one after each answer. */
  async prove(presentation: string): Promise<void> {
    this.error = null;
    if (presentation.trim() === '') {
      this.error = 'Paste the signed presentation from your wallet first.';
      return;
    }
    this.busy = true;
    try {
      this.result = (await request(ProveDidControlDocument, { presentation: presentation.trim() })).proveDidControl;
      this.challenge = null;
      if (this.result.outcome !== 'REFUSED') await this.load();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  async remove(did: string): Promise<void> {
    this.error = null;
    try {
      await request(RemoveMyDidDocument, { did });
      this.result = null;
      await this.load();
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}
