/**
 * The people of the load benchmark: employer accounts and claimed earner
 * accounts, written straight into the accounts index (as the demo seeder
 * does), then signed in over GraphQL so every request carries a real
 * session token and pays for the real session check.
 */
import type { Client } from '@elastic/elasticsearch';
import { accountIdFor } from '../../../api/accounts/identity.ts';
import { hashPassword } from '../../../api/accounts/password.ts';
import type { AccountDocument } from '../../../mappings/accounts.ts';
import type { DirectorySettingsDocument } from '../../../mappings/directory-settings.ts';
import { aliasName } from '../../../mappings/indices.ts';

const PASSWORD = 'bench-load-password-1';

export interface BenchUsers {
  employers: string[];
  earners: { token: string; earnerId: string }[];
  /** Listed, contactable earners: whom employers contact. */
  contactable: string[];
}

async function login(apiUrl: string, email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: PASSWORD },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } }; errors?: { message: string }[] };
  if (!body.data) throw new Error(`bench login of ${email} failed: ${body.errors?.[0]?.message}`);
  return body.data.login.token;
}

export async function createBenchUsers(
  client: Client,
  prefix: string,
  apiUrl: string,
  counts: { employers: number; earners: number },
): Promise<BenchUsers> {
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(PASSWORD);
  const settings = await client.search<DirectorySettingsDocument>({
    index: aliasName(prefix, 'directory-settings'),
    size: 1000,
    query: { term: { listed: true } },
  });
  const listed = settings.hits.hits.map((h) => h._source!);
  const contactable = listed.filter((s) => s.contactable).map((s) => s.earnerId);
  const earnerIds = listed.slice(0, counts.earners).map((s) => s.earnerId);
  if (earnerIds.length === 0 || contactable.length === 0)
    throw new Error('the data set has no listed (or no contactable) earners to act as');
  const accounts: AccountDocument[] = [
    ...Array.from({ length: counts.employers }, (_, i) => ({
      email: `bench-employer-${i}@bench.test`,
      role: 'employer' as const,
      organisation: `Bench Employer ${i}`,
    })),
    ...earnerIds.map((earnerId, i) => ({ email: `bench-earner-${i}@bench.test`, role: 'earner' as const, earnerId })),
  ].map((a) => ({ id: accountIdFor(a.email), ...a, passwordHash, sessionVersion: 0, createdAt: now, updatedAt: now }));
  const operations = accounts.flatMap((a) => [{ index: { _index: aliasName(prefix, 'accounts'), _id: a.id } }, a]);
  const response = await client.bulk({ operations, refresh: true });
  if (response.errors) throw new Error('could not write the bench accounts');
  const employers = await Promise.all(accounts.filter((a) => a.role === 'employer').map((a) => login(apiUrl, a.email)));
  const earners = await Promise.all(
    accounts.filter((a) => a.role === 'earner').map(async (a) => ({ token: await login(apiUrl, a.email), earnerId: a.earnerId! })),
  );
  return { employers, earners, contactable };
}
