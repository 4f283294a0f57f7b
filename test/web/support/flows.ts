/** Steps the browser tests share: signing in through the page, reading the search state the page shows. */
import type { Page } from 'playwright-core';
import type { DemoDataset, EarnerRecord } from '../../../scripts/demo/types.ts';

export const EMPLOYER = { email: 'employer@demo.test', password: 'demo-password' };

/** Signs in through the page as the demo employer, or as `account` (another employer the test created). */
export async function signInAsEmployer(page: Page, origin: string, account: { email: string; password: string } = EMPLOYER): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/search/);
  await waitForResults(page);
}

/** Waits until the search finished, and returns the total the results heading shows. */
export async function waitForResults(page: Page): Promise<number> {
  await page.waitForFunction(
    () => {
      const heading = document.querySelector('#results-title')?.textContent ?? '';
      const busy = document.querySelector('[role="status"] .spinner') !== null || document.querySelector('.hits.stale') !== null;
      return /\d+ earners?$/.test(heading) && !busy;
    },
    null,
    { timeout: 15_000 },
  );
  const text = (await page.locator('#results-title').textContent()) ?? '';
  return Number(/([\d,]+) earners?$/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** The name employers see. */
export function shownName(record: EarnerRecord): string {
  return record.displayName ?? record.name;
}

/** A listed earner with at least `minBadges` badges employers see, whose name is unique in the data set. */
export function listedEarner(dataset: DemoDataset, predicate: (r: EarnerRecord) => boolean = () => true, minBadges = 1): EarnerRecord {
  const names = new Map<string, number>();
  for (const r of dataset.records) names.set(shownName(r), (names.get(shownName(r)) ?? 0) + 1);
  const found = dataset.records.find(
    (r) =>
      r.listed &&
      r.badges.filter((b) => b.visible && b.status === 'VERIFIED').length >= minBadges &&
      names.get(shownName(r)) === 1 &&
      predicate(r),
  );
  if (!found) throw new Error('the demo data set has no such earner');
  return found;
}

/** The same search straight through the API with the page's session token: total and names in order. */
export async function searchDirectly(
  page: Page,
  origin: string,
  input: Record<string, unknown>,
): Promise<{ total: number; names: string[] }> {
  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('talent-directory.session') ?? '{}') as { token?: string }).token,
  );
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'query($input: EarnerSearchInput!) { searchEarners(input: $input) { total nodes { earner { name } } } }',
      variables: { input },
    }),
  });
  const body = (await response.json()) as { data: { searchEarners: { total: number; nodes: { earner: { name: string } }[] } } };
  return { total: body.data.searchEarners.total, names: body.data.searchEarners.nodes.map((n) => n.earner.name) };
}

/** Any GraphQL operation with the page's session token; throws on errors. */
export async function graphql<T>(page: Page, origin: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('talent-directory.session') ?? '{}') as { token?: string }).token,
  );
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
