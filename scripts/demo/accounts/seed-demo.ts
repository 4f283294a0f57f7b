/**
 * The demo's sign-in accounts, listed in the README. Called only by the demo
 * loader: nothing else ever creates them, so a real deployment has none.
 * Idempotent: an account that exists is left as it is.
 */
import type { Client } from '@elastic/elasticsearch';
import type { AccountDocument, AccountRole } from '../../../mappings/accounts.ts';
import { ensureIndex } from '../../../mappings/indices.ts';
import { createLogger } from '../../../api/log.ts';
import { createAccountStore } from '../../../api/stores/accounts.ts';
import { accountIdFor } from '../../../api/accounts/identity.ts';
import { hashPassword } from '../../../api/accounts/password.ts';

export const DEMO_PASSWORD = 'demo-password';

/** The demo accounts: one per role that signs in with a password (earners claim theirs by link). */
export const DEMO_ACCOUNTS: readonly { email: string; role: Exclude<AccountRole, 'earner'>; organisation?: string }[] = [
  { email: 'employer@demo.test', role: 'employer', organisation: 'Demo Manufacturing Co.' },
  { email: 'agency@demo.test', role: 'agency', organisation: 'Demo Workforce Agency' },
  { email: 'admin@demo.test', role: 'admin' },
];

export interface SeedTarget {
  client: Client;
  indexPrefix: string;
  /** Replicas if the accounts index has to be created (0 on a single node). */
  replicas?: number;
}

/** Creates the demo accounts that do not exist yet; returns the emails it created. */
export async function seedDemoAccounts({ client, indexPrefix, replicas = 0 }: SeedTarget, now: Date = new Date()): Promise<string[]> {
  await ensureIndex({ client, prefix: indexPrefix, replicas }, 'accounts');
  const store = createAccountStore(client, indexPrefix, createLogger('error'));
  const created: string[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const account: AccountDocument = {
      id: accountIdFor(demo.email),
      email: demo.email,
      role: demo.role,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      ...(demo.organisation ? { organisation: demo.organisation } : {}),
      sessionVersion: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    if (await store.create(account)) created.push(demo.email);
  }
  return created;
}
