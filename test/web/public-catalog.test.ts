/**
 * The home page for anonymous visitors (issue 16, section 4): it answers 200,
 * explains the directory, keeps sign-in one click away, and offers the public
 * catalog of micro-credentials with the API's own numbers; no earner appears.
 * Desktop (1366) and phone (390) widths, axe checks on both.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, requireChromium, screenshot, seriousAxeViolations, type Browser } from './support/browser.ts';
import { signInAsEmployer } from './support/flows.ts';
import { gql } from './support/report-flows.ts';
import { startWebStack, type WebStack } from './support/web-stack.ts';

const QUERY = `query($input: BadgeClassSearchInput!) { searchBadgeClasses(input: $input) { total nodes { id name } } }`;

describe('the public catalog on the home page', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;

  async function apiTotal(input: Record<string, unknown>): Promise<{ total: number; names: string[] }> {
    const data = await gql<{ searchBadgeClasses: { total: number; nodes: { name: string }[] } }>(stack.url, null, QUERY, {
      input: { first: 10, ...input },
    });
    return { total: data.searchBadgeClasses.total, names: data.searchBadgeClasses.nodes.map((n) => n.name) };
  }

  async function shownTotal(): Promise<number> {
    await page.locator('#catalog-total').waitFor();
    return Number(((await page.locator('#catalog-total').textContent()) ?? '').replace(/[^\d]/g, ''));
  }

  beforeAll(async () => {
    requireChromium();
    stack = await startWebStack('web-catalog', { seed: 13 });
    browser = await launchBrowser({ width: 1366, height: 900 });
    page = await browser.newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('answers 200 at / for an anonymous visitor, explains the directory and lists the catalog with the API’s total', async () => {
    const response = await page.goto(`${stack.url}/`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /Verified skills/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Catalog of micro-credentials' }).waitFor();
    expect(page.url()).toBe(`${stack.url}/`);
    const all = await apiTotal({});
    expect(all.total).toBeGreaterThan(0);
    await expect.poll(shownTotal).toBe(all.total);
    await expect(page.locator('li.entry h3').allTextContents()).resolves.toEqual(all.names);
    // Earner counts are words, never a number below the threshold.
    for (const text of await page.locator('li.entry .earners').allTextContents())
      expect(text).toMatch(/^(Held by fewer than \d+ listed earners|No listed earners hold it yet|Held by [\d,]+\+ listed earners)$/);
    await screenshot(page, 'catalog-home');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('never shows an earner', async () => {
    const text = (await page.locator('main').textContent()) ?? '';
    for (const record of stack.dataset.records) {
      expect(text).not.toContain(record.email);
      expect(text).not.toContain(record.name);
    }
  });

  it('searches by words and narrows by a facet, with the API’s numbers', async () => {
    const word = stack.dataset.records
      .flatMap((r) => r.badges.map((b) => b.badgeClassName))
      .find((n) => /\w{5,}/.test(n))!
      .split(' ')[0]!;
    await page.getByLabel('Search the catalog').fill(word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const byWord = await apiTotal({ text: word });
    await expect.poll(shownTotal).toBe(byWord.total);
    await expect(page.locator('li.entry h3').allTextContents()).resolves.toEqual(byWord.names);

    await page.getByLabel('Search the catalog').fill('');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(shownTotal).toBe((await apiTotal({})).total);
    const issuerBox = page.getByRole('group', { name: 'Issuer' }).getByRole('checkbox').first();
    const issuerLabel = ((await page.getByRole('group', { name: 'Issuer' }).locator('label').first().textContent()) ?? '').trim();
    const facetCount = Number(/\((\d+)\)$/.exec(issuerLabel)?.[1]);
    await issuerBox.check();
    await expect.poll(shownTotal).toBe(facetCount);
  });

  it('keeps sign-in one click away', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Password', { exact: true }).waitFor();
  });

  it('works at phone width: no sideways scrolling, axe passes', async () => {
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(`${stack.url}/`);
    await phone.locator('li.entry').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'catalog-home-phone', { fullPage: false });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('still sends a signed-in employer from / to their search', async () => {
    const other = await launchBrowser();
    try {
      const employer = await other.newPage();
      await signInAsEmployer(employer, stack.url);
      await employer.goto(`${stack.url}/`);
      await employer.waitForURL(/\/search/);
    } finally {
      await other.close();
    }
  });
});
