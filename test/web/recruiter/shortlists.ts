/**
 * Shortlists in a real browser against the real API, engine and demo data
 * (issue 15 item 3): create a list, add an earner from their profile, set a
 * status and a note, download the CSV; an earner who opts out afterwards
 * shows as "No longer listed". Axe checks on both pages.
 *
 * Cases run on the recruiter workflow's stack (`employer-workflow.test.ts`),
 * as a second employer of their own in a browser of their own, so the lists
 * of that file's employer never meet these.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aliasName } from '../../../mappings/indices.ts';
import { earnerPath } from '../../../web/src/lib/routes.ts';
import { createAccount } from '../../support/account-api.ts';
import { launchBrowser, screenshot, seriousAxeViolations, type Browser } from '../support/browser.ts';
import { listedEarner, shownName, signInAsEmployer } from '../support/flows.ts';
import type { WebStack } from '../support/web-stack.ts';

const SECOND_EMPLOYER = { email: 'shortlists@employer.test', password: 'shortlists-password-1' };

export function shortlistCases(shared: () => { stack: WebStack }): void {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = shared().stack;
    await createAccount(stack.indices.client, stack.indices.prefix, {
      ...SECOND_EMPLOYER,
      role: 'employer',
      organisation: 'Second Employer Ltd',
    });
    browser = await launchBrowser({ width: 1366, height: 900 });
    page = await browser.newPage();
    await signInAsEmployer(page, stack.url, SECOND_EMPLOYER);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a list, adds an earner from the profile, edits status and note, downloads the CSV; an opted-out earner shows as no longer listed', async () => {
    const [first, second] = [listedEarner(stack.dataset), listedEarner(stack.dataset, (r) => r !== listedEarner(stack.dataset))];
    await page.goto(`${stack.url}/shortlists`);
    await page.getByLabel('New shortlist').fill('Welders, spring');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Welders, spring' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    for (const earner of [first!, second!]) {
      await page.goto(`${stack.url}${earnerPath(earner.earnerId)}`);
      await page.getByLabel(/^Add .* to shortlist$/).selectOption({ label: 'Welders, spring' });
      await page.getByRole('button', { name: 'Add to shortlist' }).click();
      await page.getByText(/On your shortlists: Welders, spring \(New\)/).waitFor();
    }
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The result card says the earner is on the list.
    await page.goto(`${stack.url}/search?q=${encodeURIComponent(shownName(first!))}`);
    await page
      .locator('article.result', { has: page.getByRole('heading', { name: shownName(first!) }) })
      .getByText('On your shortlist: Welders, spring')
      .first()
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${stack.url}/shortlists`);
    const name = shownName(first!);
    await page.getByRole('link', { name }).waitFor();
    await page.getByLabel(`Status of ${name}`).selectOption('INTERVIEWING');
    await page.getByText('Status set to Interviewing.').waitFor();
    await page.getByLabel(`Private note on ${name}`).fill('=1+1 call Tuesday');
    await page.getByRole('button', { name: `Save note on ${name}` }).click();
    await page.getByText('Note saved.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'shortlists-page');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^shortlist_Welders--spring_.*\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('name,headline,location,status,note,added_at');
    expect(lines.find((line) => line.startsWith(name))).toContain(",INTERVIEWING,'=1+1 call Tuesday,");

    // The second earner opts out behind the page's back: the list shows them as no longer listed.
    await stack.indices.client.update({
      index: aliasName(stack.indices.prefix, 'earners'),
      id: second!.earnerId,
      doc: { directory: { listed: false } },
      refresh: true,
    });
    try {
      await page.reload();
      await page.getByText('No longer listed').waitFor();
      await expect(page.getByRole('link', { name: shownName(second!) }).count()).resolves.toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await stack.indices.client.update({
        index: aliasName(stack.indices.prefix, 'earners'),
        id: second!.earnerId,
        doc: { directory: { listed: true } },
        refresh: true,
      });
    }
  });
}
