/**
 * Employer account requests. Anyone may ask; the answer is the same for
 * every address (whether it has an account or a request already is decided
 * after answering, and told only to the address itself), limited per address
 * and per client IP. A request grants nothing: an admin approves it, which
 * creates the employer account with a password nobody knows and sends a
 * one-time link to the address, so only its owner can sign in.
 */
import { createHash } from 'node:crypto';
import type { AccountDocument } from '../../mappings/accounts.ts';
import type { EmployerSignupDocument, SignupStatus } from '../../mappings/employer-signups.ts';
import { accountIdFor } from '../accounts/identity.ts';
import { BadInputError, RateLimitedError } from '../errors.ts';
import {
  employerAccountApprovedMessage,
  employerSignupExistingAccountMessage,
  employerSignupReceivedMessage,
  employerSignupRejectedMessage,
} from '../outbox/messages.ts';
import type { Platform } from '../platform.ts';
import { requireAdmin } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import { checkDecideArgs, checkListArgs, checkSignupInput, type SignupInput } from './input.ts';
import { issuePasswordLink, resetLink, unusablePasswordHash } from './password-reset-service.ts';

export const EMPLOYER_SIGNUP_ANSWER =
  'Thank you. An administrator reviews each request; we will write to this address. Nothing is created until the request is approved.';

/** One request per address: the id is derived from it, so repeating a request replaces nothing and piles up nothing. */
export function signupIdFor(email: string): string {
  return `signup_${createHash('sha256').update(email).digest('hex').slice(0, 24)}`;
}

export interface EmployerSignupServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
  /** The caller's address, for the per-IP limit. */
  clientIp?: string;
}

export function createEmployerSignupService({ platform, viewer, now, clientIp = 'unknown' }: EmployerSignupServiceDependencies) {
  // Read when used: a server without accounts (the search-only harness) never reaches it.
  const signups = () => platform.accountRequests.employerSignups;

  async function record(input: SignupInput): Promise<void> {
    const account = await platform.accounts.get(accountIdFor(input.email));
    if (account) {
      await platform.outbox.send(employerSignupExistingAccountMessage(input.email, `${platform.auth.publicUrl}/sign-in#forgot`));
      return;
    }
    const id = signupIdFor(input.email);
    const request: EmployerSignupDocument = {
      id,
      email: input.email,
      organisation: input.organisation,
      contactName: input.contactName,
      ...(input.message ? { message: input.message } : {}),
      status: 'pending',
      createdAt: now().toISOString(),
    };
    const existing = await signups().get(id);
    // A pending request stays as it was (the admin may be reading it); a decided one may be asked for again.
    if (existing?.doc.status === 'pending') return;
    const stored = existing ? await signups().replace(existing, request) : await signups().create(request);
    if (stored) await platform.outbox.send(employerSignupReceivedMessage(input.email, input.organisation));
  }

  /** Moves a pending request to its decision; exactly one of two racing decisions wins. */
  async function decide(id: string, status: Exclude<SignupStatus, 'pending'>, reason: string): Promise<EmployerSignupDocument> {
    requireAdmin(viewer);
    const read = await signups().get(id);
    if (!read) throw new BadInputError('id', 'No employer account request has this id.');
    if (read.doc.status !== 'pending') throw new BadInputError('id', `This request was already ${read.doc.status}.`);
    const decided: EmployerSignupDocument = {
      ...read.doc,
      status,
      decidedAt: now().toISOString(),
      ...(viewer.accountId ? { decidedBy: viewer.accountId } : {}),
      ...(reason ? { reason } : {}),
    };
    if (!(await signups().replace(read, decided))) throw new BadInputError('id', 'This request was decided meanwhile; reload the list.');
    return decided;
  }

  return {
    async requestEmployerAccount(input: unknown): Promise<string> {
      const checked = checkSignupInput(input);
      const { employerSignups: limit, limits } = platform.abuse;
      const verdict = limit.take(
        [
          { key: `address:${checked.email}`, limit: limits.employerSignupsPerAddressPerHour },
          { key: `ip:${clientIp}`, limit: limits.employerSignupsPerIpPerHour },
        ],
        now(),
      );
      if (!verdict.allowed) throw new RateLimitedError(verdict.retryAt, 'employer account requests');
      platform.background.run('employer account request', () => record(checked));
      return EMPLOYER_SIGNUP_ANSWER;
    },

    async requests(args: unknown): Promise<{ total: number; nodes: EmployerSignupDocument[] }> {
      requireAdmin(viewer);
      const { status, first, offset } = checkListArgs(args);
      return signups().list(status.toLowerCase() as SignupStatus, first, offset);
    },

    async approve(args: unknown): Promise<EmployerSignupDocument> {
      const { id } = checkDecideArgs(args);
      const decided = await decide(id, 'approved', '');
      const at = now().toISOString();
      const account: AccountDocument = {
        id: accountIdFor(decided.email),
        email: decided.email,
        role: 'employer',
        passwordHash: await unusablePasswordHash(),
        organisation: decided.organisation,
        sessionVersion: 0,
        createdAt: at,
        updatedAt: at,
      };
      if (!(await platform.accounts.create(account)))
        throw new BadInputError(
          'id',
          'The request is marked approved, but this address has an account already; that account was left as it is.',
        );
      const ttlMinutes = platform.auth.claimTokenTtlMinutes;
      const token = await issuePasswordLink(platform, account, 'setup', ttlMinutes, now());
      await platform.outbox.send(
        employerAccountApprovedMessage(
          account.email,
          decided.organisation,
          resetLink(platform.auth.publicUrl, token),
          Math.round(ttlMinutes / 60),
        ),
      );
      return decided;
    },

    async reject(args: unknown): Promise<EmployerSignupDocument> {
      const { id, reason } = checkDecideArgs(args);
      const decided = await decide(id, 'rejected', reason);
      await platform.outbox.send(employerSignupRejectedMessage(decided.email, decided.organisation, reason));
      return decided;
    },
  };
}

export type EmployerSignupService = ReturnType<typeof createEmployerSignupService>;
