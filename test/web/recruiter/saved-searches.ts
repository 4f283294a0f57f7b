/**
 * Saved searches in a real browser against the real API, engine and demo
 * data (issue 15 item 2): save the search on the page, see it with its
 * new-match count after an alert run, open it (the URL holds the whole
 * search again) and delete it. Axe checks on the new page and form.
 *
 * Cases run on the recruiter workflow's stack and page
 * (`employer-workflow.test.ts`, whose API runs no alert job of its own:
 * the case runs one when it wants it).
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { aliasName } from '../../../mappings/indices.ts';
import type { SavedSearchDocument } from '../../../mappings/saved-searches.ts';
import { seriousAxeViolations } from '../support/browser.ts';
import { waitForResults } from '../support/flows.ts';
import type { WebStack } from '../support/web-stack.ts';

export function savedSearchCases(shared: () => { stack: WebStack; page: Page }): void {
  let stack: WebStack;
  let page: Page;
  beforeAll(() => {
    ({ stack, page } = shared());
  });

  const index = () => aliasName(stack.indices.prefix, 'saved-searches');

  it('saves the current search with a name and an alert', async () => {
    await page.goto(`${stack.url}/search?sort=recent&issued=24`);
    await waitForResults(page);
    await page.getByRole('button', { name: 'Save search' }).click();
    await page.getByLabel('Name').fill('Recent badge holders');
    await page.getByLabel('Alert').selectOption('DAILY');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved "Recent badge holders".').waitFor();
    const stored = await stack.indices.client.search<SavedSearchDocument>({ index: index(), query: { match_all: {} } });
    expect(stored.hits.hits.map((h) => h._source)).toEqual([
      expect.objectContaining({
        name: 'Recent badge holders',
        alert: 'daily',
        criteria: expect.objectContaining({ sort: 'RECENT', issuedWithinMonths: 24 }),
      }),
    ]);
  });

  it('lists it with its new-match count after an alert run, opens it and deletes it', async () => {
    // As if the last run were two days ago and one of today's matches had not matched then.
    const saved = (await stack.indices.client.search<SavedSearchDocument>({ index: index(), query: { match_all: {} } })).hits.hits[0]!;
    const ids = saved._source!.lastMatchIds;
    expect(ids.length).toBeGreaterThan(1);
    await stack.indices.client.update({
      index: index(),
      id: saved._id!,
      doc: { lastRunAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), lastMatchIds: ids.slice(1) },
      refresh: true,
    });
    expect(await stack.api.savedSearchAlerts.runNow()).toMatchObject({ status: 'ok' });
    const digest = stack.outbox().filter((m) => m.kind === 'saved-search-digest');
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).toContain(`/earners/${encodeURIComponent(ids[0]!)}`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved searches' }).click();
    await page.getByRole('heading', { name: 'Recent badge holders' }).waitFor();
    await expect(page.locator('.card').first().textContent()).resolves.toMatch(/Daily alert\s*1 new match/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Exact names, and the same words in the text (Svelte drops a leading space inside the visually hidden span;
    // Chromium's accessible name would paper over it, textContent and label matching do not).
    const open = page.getByRole('link', { name: 'Open Recent badge holders', exact: true });
    const remove = page.getByRole('button', { name: 'Delete Recent badge holders', exact: true });
    expect(await open.textContent()).toBe('Open Recent badge holders');
    expect((await remove.textContent())?.trim()).toBe('Delete Recent badge holders');
    await open.click();
    await page.waitForURL(/\/search\?/);
    expect(new URL(page.url()).search).toBe('?issued=24&sort=recent');
    await waitForResults(page);

    await page.goBack();
    await remove.click();
    await page.getByText('Deleted "Recent badge holders".').waitFor();
    await page.getByText('No saved searches yet.').waitFor();
    expect((await stack.indices.client.count({ index: index() })).count).toBe(0);
  });
}
