/**
 * Earner flows that used to contradict themselves (issue 16, section 2), in a
 * real browser against the real API and engine, at desktop and phone widths:
 * hidden by default after claiming, the contact email's link, the preview as
 * the exact employer view, the contact and region fields, and pathway
 * progress that names what is earned and what is missing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EarnerRecord } from '../../scripts/demo/types.ts';
import { claimTokenFrom } from '../support/account-api.ts';
import { launchBrowser, requireChromium, screenshot, seriousAxeViolations, type Browser } from './support/browser.ts';
import { EMPLOYER, listedEarner, shownName, signInAsEmployer, waitForResults } from './support/flows.ts';
import { gql, tokenFor } from './support/report-flows.ts';
import { startWebStack, type WebStack } from './support/web-stack.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('earner flows say what they do and do what they say', () => {
  let stack: WebStack;
  let employerBrowser: Browser;
  let earnerBrowser: Browser;
  let employer: Page;
  let earnerPage: Page;
  let earner: EarnerRecord;
  /** The pathway the earner is part way through, with the names the page must show. */
  let pathway: { name: string; earned: string[]; missing: string[] };

  async function employerFinds(name: string): Promise<string[]> {
    await employer.goto(`${stack.url}/search?q=${encodeURIComponent(name)}`);
    await waitForResults(employer);
    return employer.locator('.hits h3').allTextContents();
  }

  /** Ground truth from the data set: credentials of a pathway earned by a shown, verified badge (and the rest, missing). */
  function pathwayInProgress(record: EarnerRecord) {
    const names = new Map(stack.dataset.records.flatMap((r) => r.badges.map((b) => [b.badgeClassId, b.badgeClassName] as const)));
    const held = new Set(record.badges.filter((b) => b.visible && b.status === 'VERIFIED').map((b) => b.badgeClassId));
    for (const p of stack.dataset.pathways) {
      const earned = p.badgeClasses.filter((id) => held.has(id));
      const required = Math.min(p.required ?? p.badgeClasses.length, p.badgeClasses.length);
      if (earned.length > 0 && earned.length < required)
        return {
          name: p.name,
          earned: earned.map((id) => names.get(id) ?? id),
          missing: p.badgeClasses.filter((id) => !held.has(id)).map((id) => names.get(id) ?? id),
        };
    }
    return null;
  }

  /** The visible elements whose own text is exactly `text`. */
  async function visibleCount(page: Page, text: string): Promise<number> {
    return page.getByText(text, { exact: true }).locator('visible=true').count();
  }

  beforeAll(async () => {
    requireChromium();
    stack = await startWebStack('web-earner-flows', { seed: 11 });
    earner = listedEarner(stack.dataset, (r) => r.contactable && r.badges.length >= 2 && pathwayInProgress(r) !== null);
    pathway = pathwayInProgress(earner)!;
    employerBrowser = await launchBrowser(DESKTOP);
    earnerBrowser = await launchBrowser(DESKTOP);
    employer = await employerBrowser.newPage();
    earnerPage = await earnerBrowser.newPage();
    await signInAsEmployer(employer, stack.url);
  }, 300_000);
  afterAll(async () => {
    await employerBrowser?.close();
    await earnerBrowser?.close();
    await stack?.close();
  });

  it('names the earned and the missing credentials of a pathway on the employer view', async () => {
    await employer.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await employer.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
    const item = employer.locator('.pathways li', { hasText: pathway.name });
    await expect(item.locator('li.earned').allTextContents()).resolves.toEqual(expect.arrayContaining(pathway.earned));
    await expect(item.locator('li.missing').allTextContents()).resolves.toEqual(expect.arrayContaining(pathway.missing));
    await expect(item.locator('li.earned').count()).resolves.toBe(pathway.earned.length);
    // "Still missing" when every missing one is needed, else "Still needed: any N of" (N = required - earned).
    await expect(item.getByText(/^\s*Still (missing|needed: any \d+ of)\s*$/).count()).resolves.toBe(1);
    expect(await seriousAxeViolations(employer)).toEqual([]);
  });

  it('is hidden after claiming, as the claim page and email say', async () => {
    // An employer writes before the earner ever signed in: the email's link must lead to the request.
    const token = await tokenFor(stack.url, EMPLOYER);
    // About one of the badges employers see on the profile: the earner's requests page names it.
    const about = earner.badges.find((b) => b.visible && b.status === 'VERIFIED')!;
    await gql(
      stack.url,
      token,
      'mutation($id: ID!, $m: String!, $b: [ID!]) { contactEarner(earnerId: $id, message: $m, badges: $b) { id } }',
      {
        id: earner.earnerId,
        m: 'We are hiring welders in Dayton. Would you talk to us?',
        b: [about.credentialId],
      },
    );
    expect(await employerFinds(shownName(earner))).toContain(shownName(earner));

    await earnerPage.goto(`${stack.url}/sign-in`);
    await earnerPage.getByLabel('Your email address').fill(earner.email);
    await earnerPage.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => claimTokenFrom(stack.outbox(), earner.email)).toBeTruthy();
    const claimEmail = stack.outbox().find((m) => m.kind === 'claim-link' && m.to === earner.email)!;
    expect(claimEmail.text).toContain('stays hidden from employers until you choose to list it');

    await earnerPage.goto(`${stack.url}/claim?token=${claimTokenFrom(stack.outbox(), earner.email)!}`);
    await earnerPage.getByText('You stay hidden from employers until you choose to be listed.').waitFor();
    await earnerPage.getByLabel('New password').fill('earner-password-1');
    await earnerPage.getByLabel('Repeat the password').fill('earner-password-1');
    await earnerPage.getByRole('button', { name: 'Claim my profile' }).click();
    await earnerPage.waitForURL(/\/me/);
    await earnerPage.getByRole('heading', { name: 'My directory settings' }).waitFor();

    const listedBox = earnerPage.getByLabel('List me in the employer directory');
    await expect(listedBox.isChecked()).resolves.toBe(false);
    await earnerPage.getByText("You're hidden from employers until you choose to be listed below.").waitFor();
    await earnerPage.getByText(/You are hidden: employers cannot find you/).waitFor();
    await expect(earnerPage.getByText(/You are listed/).count()).resolves.toBe(0);
    await screenshot(earnerPage, 'earner-after-claim');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
    expect(await employerFinds(shownName(earner))).not.toContain(shownName(earner));
  });

  it("follows the contact email's 'Answer here' link to the earner's own requests", async () => {
    const email = stack.outbox().find((m) => m.kind === 'contact-request' && m.to === earner.email)!;
    const link = /Answer here: (\S+)/.exec(email.text)?.[1];
    expect(link).toBeDefined();
    // The link names the API's public URL (not this test's port): follow its path here.
    const { pathname, search } = new URL(link!);
    expect(pathname).toBe('/me/requests');
    await earnerPage.goto(`${stack.url}${pathname}${search}`);
    await earnerPage.getByRole('heading', { level: 1, name: 'My contact requests' }).waitFor();
    await earnerPage.getByText('We are hiring welders in Dayton. Would you talk to us?').waitFor();
    const about = earner.badges.find((b) => b.visible && b.status === 'VERIFIED')!;
    await earnerPage.getByText(`About your badge ${about.badgeClassName} (`).waitFor();
    expect(email.text).toContain(`They are writing about your badge:\n- ${about.badgeClassName} (`);
    await earnerPage.getByRole('button', { name: 'Accept and share my contact channel' }).waitFor();
    await expect(earnerPage.getByText('Not available for your account').count()).resolves.toBe(0);
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
    // An older email's /contacts link lands on the same page.
    await earnerPage.goto(`${stack.url}/contacts`);
    await earnerPage.waitForURL(/\/me\/requests/);
  });

  it('previews the exact card and profile employers see, before and after listing', async () => {
    await earnerPage.goto(`${stack.url}/me/preview`);
    await earnerPage.getByText(/Employers can't find you now/).waitFor();
    await earnerPage
      .getByRole('heading', { level: 3, name: shownName(earner) })
      .first()
      .waitFor();

    await earnerPage.goto(`${stack.url}/me`);
    await earnerPage.getByLabel('List me in the employer directory').check();
    await earnerPage.getByRole('button', { name: 'Save settings' }).click();
    await earnerPage.getByText('Saved. Employers see these changes in search now.').waitFor();
    await earnerPage.getByText(/You are listed: employers can find you/).waitFor();

    // The employer's card (without the search's match highlights, nor their own notes and controls: shortlists, contacted on) and profile page.
    expect(await employerFinds(shownName(earner))).toContain(shownName(earner));
    const employerCard = await employer
      .locator('article.result', { has: employer.getByRole('heading', { name: shownName(earner), exact: true }) })
      .evaluate((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.highlight, .viewer-notes, .card-actions').forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
    await employer.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await employer.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
    const profileText = (page: Page) =>
      page.locator('.earner-profile').evaluate((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.contact').forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
    const employerProfile = await profileText(employer);

    await earnerPage.goto(`${stack.url}/me/preview`);
    await earnerPage.getByText(/This is exactly what employers see/).waitFor();
    await earnerPage.locator('.earner-profile').waitFor();
    const previewCard = await earnerPage.locator('article.result').evaluate((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(previewCard).toBe(employerCard);
    expect(previewCard).toContain(shownName(earner));
    expect(await profileText(earnerPage)).toBe(employerProfile);
    // The pathway names its credentials in the earner's preview too.
    const item = earnerPage.locator('.pathways li', { hasText: pathway.name });
    await expect(item.locator('li.missing').count()).resolves.toBe(pathway.missing.length);
    await screenshot(earnerPage, 'earner-preview-exact');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
  });

  it('clears a phone number when the channel switches to email, and chooses the region from a list of places', async () => {
    await earnerPage.goto(`${stack.url}/me`);
    const channel = earnerPage.getByLabel('Channel to share');
    await channel.selectOption('PHONE');
    await earnerPage.getByLabel('Phone number').fill('+1 614 555 0100');
    await channel.selectOption('EMAIL');
    // Never the phone number under "Email address": empty, or the email saved before.
    await expect(earnerPage.getByLabel('Email address').inputValue()).resolves.toMatch(/^$|@/);
    await expect(earnerPage.getByText('+1 614 555 0100').count()).resolves.toBe(0);

    const region = earnerPage.getByLabel('State or territory');
    await expect(region.locator('option', { hasText: 'Ohio' }).count()).resolves.toBe(1);
    await region.selectOption({ label: 'Ohio' });
    await earnerPage.getByLabel('City').fill('Dayton');
    await earnerPage.getByLabel('Email address').fill('me@example.org');
    await earnerPage.getByRole('button', { name: 'Save settings' }).click();
    await earnerPage.getByText(/^Saved\./).waitFor();
    await earnerPage.reload();
    await expect(earnerPage.getByLabel('State or territory').inputValue()).resolves.toBe('US-OH');
    await expect(earnerPage.getByLabel('Email address').inputValue()).resolves.toBe('me@example.org');
  });

  it('on a phone, shows a refused save once, next to the field, clear of the sticky save bar', async () => {
    const phone = await earnerBrowser.newPage(PHONE);
    await phone.goto(`${stack.url}/me`);
    await phone.getByLabel('Email address').fill('not an email address');
    await phone.getByRole('button', { name: 'Save settings' }).click();
    const field = phone.getByLabel('Email address');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const message = (await phone.locator('#contact-value-error').innerText()).trim();
    expect(message.length).toBeGreaterThan(0);
    // Once on screen (a screen reader hears it through the alert region).
    expect(await visibleCount(phone, message)).toBe(1);
    const box = (await field.boundingBox())!;
    const bar = (await phone.locator('.save-bar').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await screenshot(phone, 'earner-settings-phone-error', { fullPage: false });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.close();
  });
});
