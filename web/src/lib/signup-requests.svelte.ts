/** The admin's list of employer account requests: one status at a time, approve or reject each. */
import { request } from './api';
import { messageOf } from './errors';
import {
  ApproveEmployerSignupDocument,
  EmployerSignupRequestsDocument,
  RejectEmployerSignupDocument,
  type SignupRequestFieldsFragment,
  type SignupStatus,
} from './graphql/generated';

export class SignupRequests {
  status = $state<SignupStatus>('PENDING');
  nodes = $state<SignupRequestFieldsFragment[]>([]);
  total = $state(0);
  loading = $state(false);
  error = $state<string | null>(null);
  /** What the last decision did, announced. */
  notice = $state<string | null>(null);

  async load(status: SignupStatus = this.status): Promise<void> {
    this.status = status;
    this.loading = true;
    this.error = null;
    try {
      const { employerSignupRequests } = await request(EmployerSignupRequestsDocument, { status, first: 100 });
      this.nodes = employerSignupRequests.nodes;
      this.total = employerSignupRequests.total;
    } catch (caught) {
      this.error = messageOf(caught);
    } finally {
      this.loading = false;
    }
  }

  async approve(id: string): Promise<void> {
    await this.#decide(id, async () => {
      const { approveEmployerSignup } = await request(ApproveEmployerSignupDocument, { id });
      return `Approved ${approveEmployerSignup.organisation}: ${approveEmployerSignup.email} was sent a link to choose a password.`;
    });
  }

  async reject(id: string, reason: string): Promise<void> {
    await this.#decide(id, async () => {
      const { rejectEmployerSignup } = await request(RejectEmployerSignupDocument, { id, reason: reason.trim() || null });
      return `Rejected ${rejectEmployerSignup.organisation}; ${rejectEmployerSignup.email} was told.`;
    });
  }

  async #decide(id: string, decide: () => Promise<string>): Promise<void> {
    this.error = null;
    this.notice = null;
    try {
      this.notice = await decide();
      this.nodes = this.nodes.filter((node) => node.id !== id);
      this.total = Math.max(0, this.total - 1);
    } catch (caught) {
      this.error = messageOf(caught);
    }
  }
}
