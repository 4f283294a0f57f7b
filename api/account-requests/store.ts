/**
 * The password-resets and employer-signups indices: read by id (realtime),
 * written with optimistic concurrency, so a link is used once and a request
 * is decided once however many answers race.
 */
import type { Client } from '@elastic/elasticsearch';
import type { EmployerSignupDocument, SignupStatus } from '../../mappings/employer-signups.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { PasswordResetDocument } from '../../mappings/password-resets.ts';
import type { Logger } from '../log.ts';
import { deleteMatching, engineGuard, isConflict } from '../stores/guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from '../stores/versioned.ts';

export interface PasswordResetStore {
  create(reset: PasswordResetDocument): Promise<void>;
  get(tokenHash: string): Promise<Versioned<PasswordResetDocument> | undefined>;
  /** Marks the link used; false when someone used it first (it changed since it was read). */
  markUsed(reset: Versioned<PasswordResetDocument>, usedAt: Date): Promise<boolean>;
  /** Deletes every link of the account but `keepHash`: a new link or a reset ends all older links. */
  deleteOthersForAccount(accountId: string, keepHash?: string): Promise<number>;
}

export interface EmployerSignupStore {
  get(id: string): Promise<Versioned<EmployerSignupDocument> | undefined>;
  /** False when a request for this address exists already. */
  create(signup: EmployerSignupDocument): Promise<boolean>;
  /** False when the request changed since it was read. */
  replace(signup: Versioned<EmployerSignupDocument>, next: EmployerSignupDocument): Promise<boolean>;
  /** Requests in one status, oldest first, and how many there are. */
  list(status: SignupStatus, first: number, offset: number): Promise<{ total: number; nodes: EmployerSignupDocument[] }>;
}

export interface AccountRequestStores {
  passwordResets: PasswordResetStore;
  employerSignups: EmployerSignupStore;
}

export function createAccountRequestStores(client: Client, indexPrefix: string, log: Logger): AccountRequestStores {
  const resets = aliasName(indexPrefix, 'password-resets');
  const signups = aliasName(indexPrefix, 'employer-signups');
  const guard = engineGuard(log);
  return {
    passwordResets: {
      create: (reset) =>
        guard(async () => {
          await client.create({ index: resets, id: reset.tokenHash, document: reset });
        }),
      get: (tokenHash) => guard(() => getVersioned<PasswordResetDocument>(client, resets, tokenHash)),
      markUsed: (read, usedAt) =>
        guard(() => replaceIfUnchanged(client, resets, read.doc.tokenHash, read, { ...read.doc, usedAt: usedAt.toISOString() })),
      deleteOthersForAccount: (accountId, keepHash) =>
        guard(() =>
          deleteMatching(client, resets, {
            bool: { filter: [{ term: { accountId } }], ...(keepHash ? { must_not: [{ term: { tokenHash: keepHash } }] } : {}) },
          }),
        ),
    },
    employerSignups: {
      get: (id) => guard(() => getVersioned<EmployerSignupDocument>(client, signups, id)),
      create: (signup) =>
        guard(async () => {
          try {
            // wait_for: the admin's list shows it at once.
            await client.create({ index: signups, id: signup.id, document: signup, refresh: 'wait_for' });
            return true;
          } catch (error) {
            if (isConflict(error)) return false;
            throw error;
          }
        }),
      replace: (read, next) => guard(() => replaceIfUnchanged(client, signups, read.doc.id, read, next, { waitForRefresh: true })),
      list: (status, first, offset) =>
        guard(async () => {
          const response = await client.search<EmployerSignupDocument>({
            index: signups,
            query: { term: { status } },
            sort: [{ createdAt: 'asc' }, { id: 'asc' }],
            size: first,
            from: offset,
            track_total_hits: true,
          });
          const total = response.hits.total;
          return {
            total: typeof total === 'number' ? total : (total?.value ?? 0),
            nodes: response.hits.hits.map((hit) => hit._source!),
          };
        }),
    },
  };
}
