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

  it('filters by skill with the taxonomy tree and by the issuer’s region, with the API’s numbers', async () => {
    await page.goto(`${stack.url}/`);
    await expect.poll(shownTotal).toBe((await apiTotal({})).total);
    const TREE = `query($input: BadgeClassSearchInput!) { searchBadgeClasses(input: $input) {
      facets { skills(first: 100) { value label count broader } issuerRegions(first: 10) { value label count } } } }`;
    type Facets = {
      skills: { value: string; label: string; count: number; broader: string[] }[];
      issuerRegions: { value: string; label: string; count: number }[];
    };
    const facets = (await gql<{ searchBadgeClasses: { facets: Facets } }>(stack.url, null, TREE, { input: { first: 1 } }))
      .searchBadgeClasses.facets;
    // The tree: a broad skill with narrower ones under it opens to show them.
    const skills = page.getByRole('group', { name: 'Skill' });
    const more = skills.getByRole('button', { name: /^Show \d+ more$/ });
    if ((await more.count()) > 0) await more.click();
    const opener = skills.getByRole('button', { name: /^Show narrower skills of / }).first();
    const parentLabel = ((await opener.getAttribute('aria-label')) ?? '').replace('Show narrower skills of ', '');
    const parent = facets.skills.find((p) => p.label === parentLabel && facets.skills.some((c) => c.broader.includes(p.value)))!;
    expect(parent).toBeDefined();
    const child = facets.skills.find((c) => c.broader.includes(parent.value))!;
    await opener.click();
    await expect(
      skills.getByRole('button', { name: `Hide narrower skills of ${parentLabel}` }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    const childBox = skills.getByRole('checkbox', { name: new RegExp(`^${child.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
    await childBox.check();
    await expect.poll(shownTotal).toBe((await apiTotal({ skills: [child.value] })).total);
    expect(await shownTotal()).toBe(child.count);
    await childBox.uncheck();
    // A broad skill finds the badge classes of every narrower one.
    await skills
      .getByRole('checkbox', { name: new RegExp(`^${parent.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first()
      .check();
    await expect.poll(shownTotal).toBe(parent.count);
    expect(parent.count).toBe((await apiTotal({ skills: [parent.value] })).total);
    await page.goto(`${stack.url}/`);
    await expect.poll(shownTotal).toBe((await apiTotal({})).total);

    // The issuer's region, read from the registry's location of each issuer.
    const ohio = facets.issuerRegions.find((r) => r.value === 'US-OH')!;
    expect(ohio.label).toBe('Ohio');
    await page
      .getByRole('group', { name: 'Issuer’s region' })
      .getByRole('checkbox', { name: `Ohio (${ohio.count})` })
      .check();
    await expect.poll(shownTotal).toBe(ohio.count);
    const byRegion = await apiTotal({ issuerRegions: ['US-OH'] });
    expect(byRegion.total).toBe(ohio.count);
    for (const line of await page.locator('li.entry p.small.muted').first().allTextContents())
      expect(line).toMatch(/\((Columbus, OH|Cleveland, Ohio)\)/);
    expect(await seriousAxeViolations(page)).toEqual([]);
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

  it('requests an employer account from the sign-in page; nothing works until an admin approves it on the requests page', async () => {
    const email = 'hiring@welds-r-us.example';
    await page.goto(`${stack.url}/sign-in`);
    await page.getByRole('link', { name: 'Request an employer account' }).click();
    await page.waitForURL(/\/employer-access$/);
    // A blank organisation is refused by the API with the field named and marked.
    await page.getByLabel('Work email address').fill(email);
    await page.getByLabel('Organisation', { exact: false }).fill('   ');
    await page.getByLabel('Your name').fill('Robin Welder');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/organisation: write your organisation's name/);
    await expect(page.getByLabel('Organisation', { exact: false }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Organisation', { exact: false }).fill('Welds R Us');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByRole('status').filter({ hasText: 'An administrator reviews each request' }).waitFor();
    await expect.poll(() => stack.outbox().filter((m) => m.to === email).length).toBe(1);
    // Not an account: signing in fails.
    await page.goto(`${stack.url}/sign-in`);
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('guessed-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /do not match/ })
      .waitFor();

    // The admin approves it on the requests page.
    const other = await launchBrowser();
    try {
      const admin = await other.newPage();
      await admin.goto(`${stack.url}/sign-in`);
      await admin.getByLabel('Email address', { exact: true }).fill('admin@demo.test');
      await admin.getByLabel('Password', { exact: true }).fill('demo-password');
      await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
      await admin.waitForURL(/\/search/);
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Employer requests' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Welds R Us' }).waitFor();
      expect(await seriousAxeViolations(admin)).toEqual([]);
      await admin.getByRole('button', { name: 'Approve Welds R Us' }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: `${email} was sent a link` })
        .waitFor();
    } finally {
      await other.close();
    }

    // The set-up link from the email: choose a password, signed in as the employer, search works.
    const setup = stack
      .outbox()
      .filter((m) => m.to === email && /approved/.test(m.subject))
      .at(-1)!;
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(setup.text)![0];
    await page.goto(`${stack.url}${new URL(link).pathname}${new URL(link).search}`);
    await page.getByLabel('New password', { exact: false }).fill('welds-password-1');
    await page.getByLabel('Repeat the password').fill('welds-password-1');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.waitForURL(/\/search/);
    await page.locator('#results-title').waitFor();
  });

  it('resets a forgotten password through the emailed link, which works once', async () => {
    const email = 'hiring@welds-r-us.example';
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel("Your account's email address").fill(email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'If this address has an account' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expect.poll(() => stack.outbox().filter((m) => m.to === email && m.kind === 'password-reset').length).toBe(1);
    const message = stack
      .outbox()
      .filter((m) => m.to === email && m.kind === 'password-reset')
      .at(-1)!;
    const link = new URL(/https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(message.text)![0]);
    const resetPath = `${stack.url}${link.pathname}${link.search}`;
    await page.goto(resetPath);
    await page.getByLabel('New password', { exact: false }).fill('welds-password-2');
    await page.getByLabel('Repeat the password').fill('welds-password-2');
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.waitForURL(/\/search/);
    // The same link again: refused in words, with the way to a new one.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(resetPath);
    await page.getByLabel('New password', { exact: false }).fill('attacker-password');
    await page.getByLabel('Repeat the password').fill('attacker-password');
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link was already used; ask for a new one.' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
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
