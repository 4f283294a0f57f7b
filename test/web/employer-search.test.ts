/**
 * An employer in a real browser against the real API, engine and demo data:
 * search, refine with two facets (URL, chips, back button), open a profile,
 * send a contact request; zero results, accessibility and phone width.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, requireChromium, screenshot, seriousAxeViolations, type Browser } from './support/browser.ts';
import { listedEarner, searchDirectly, shownName, signInAsEmployer, waitForResults } from './support/flows.ts';
import { gql, pageToken } from './support/report-flows.ts';
import { startWebStack, type WebStack } from './support/web-stack.ts';
import { UNKNOWN_DEMO_ISSUER } from '../../scripts/demo/issuers/unknown-issuer.ts';
import { KM_PER_MILE, PLACES } from '../../web/src/lib/places.ts';
import { demoEvidence, demoResult, RESULT_NAME } from '../../scripts/demo/issuers/evidence.ts';
import { HOSTILE_EVIDENCE, plantHostileBadges } from '../support/hostile-badges.ts';

describe('employer search in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    // One contact request per employer per window, so the second one meets the limit.
    stack = await startWebStack('web-employer', { env: { CONTACT_RATE_LIMIT: '1' } });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('sends a visitor of the search to sign in, and the sign-in page passes the axe checks', async () => {
    // `/` itself shows visitors the public catalog (test/web/public-catalog.test.ts); directory pages need an account.
    await page.goto(`${stack.url}/search`);
    await page.waitForURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
    await screenshot(page, 'sign-in');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('signs in and lists every listed earner with facets', async () => {
    await signInAsEmployer(page, stack.url);
    const total = await waitForResults(page);
    const listed = stack.dataset.records.filter((r) => r.listed && r.badges.some((b) => b.visible && b.status === 'VERIFIED')).length;
    expect(total).toBe(listed);
    await page.getByRole('group', { name: 'Skills' }).waitFor();
    // Each skill is qualified by its framework's short name as the API serves it (no table of the web app's own).
    const { frameworks } = await gql<{ frameworks: { shortName: string }[] }>(
      stack.url,
      await pageToken(page),
      '{ frameworks { shortName } }',
    );
    const details = () => page.getByRole('group', { name: 'Skills' }).locator('.detail').allTextContents();
    await expect.poll(async () => (await details()).length).toBeGreaterThan(0);
    await expect.poll(async () => (await details()).filter((d) => !frameworks.some((f) => d === `(${f.shortName})`))).toEqual([]);
    await screenshot(page, 'search');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refines with two facets, shows them as chips in the URL, and the back button undoes one', async () => {
    const before = await waitForResults(page);
    const skills = page.getByRole('group', { name: 'Skills' });
    await skills.getByRole('checkbox').first().check();
    await page.waitForURL(/skill=/);
    const afterSkill = await waitForResults(page);
    expect(afterSkill).toBeLessThanOrEqual(before);
    const regions = page.getByRole('group', { name: 'Region' });
    await regions.getByRole('checkbox').first().check();
    await page.waitForURL(/region=/);
    const afterRegion = await waitForResults(page);
    expect(afterRegion).toBeLessThanOrEqual(afterSkill);
    expect(afterRegion).toBeGreaterThan(0);
    const chips = page.getByRole('region', { name: 'Active filters' }).getByRole('button', { name: /^Remove filter/ });
    await expect(chips.count()).resolves.toBe(2);
    // The count and the cards match the API for the same search.
    const url = new URL(page.url());
    expect(url.searchParams.getAll('skill')).toHaveLength(1);
    expect(url.searchParams.getAll('region')).toHaveLength(1);
    const direct = await searchDirectly(page, stack.url, {
      skills: url.searchParams.getAll('skill'),
      regions: url.searchParams.getAll('region'),
      first: 20,
    });
    expect(direct.total).toBe(afterRegion);
    expect(await page.locator('.hits h3').allTextContents()).toEqual(direct.names);
    await screenshot(page, 'search-two-facets');

    // The URL is the whole state: a fresh page on it shows the same search.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await expect(waitForResults(shared)).resolves.toBe(afterRegion);
    await expect(
      shared
        .getByRole('region', { name: 'Active filters' })
        .getByRole('button', { name: /^Remove filter/ })
        .count(),
    ).resolves.toBe(2);
    await shared.close();

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('region'));
    await expect(waitForResults(page)).resolves.toBe(afterSkill);
    await expect(chips.count()).resolves.toBe(1);
    await chips.first().click();
    await page.waitForURL((u) => !u.searchParams.has('skill'));
    await expect(waitForResults(page)).resolves.toBe(before);
  });

  it('matches ANY or ALL of two selected skills, from the keyboard', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const skills = page.getByRole('group', { name: 'Skills' });
    const search = skills.getByRole('searchbox', { name: 'Search skills' });
    // Narrow skills (not the taxonomies' roots) so ALL is a real restriction.
    const boxes = skills.getByRole('checkbox');
    await search.fill('a');
    await boxes.nth(2).focus();
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.searchParams.getAll('skill').length === 1);
    await waitForResults(page);
    await search.fill('a');
    await boxes.nth(3).focus();
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.searchParams.getAll('skill').length === 2);
    const any = await waitForResults(page);
    await skills.getByRole('radio', { name: 'All' }).check();
    await page.waitForURL(/skills_mode=all/);
    const all = await waitForResults(page);
    expect(all).toBeLessThanOrEqual(any);
    const url = new URL(page.url());
    const direct = await searchDirectly(page, stack.url, { skills: url.searchParams.getAll('skill'), skillsMode: 'ALL' });
    expect(all).toBe(direct.total);
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
  });

  it('suggests skills, badges and issuers as the employer types, and a pick becomes a filter', async () => {
    const issuer = stack.dataset.issuers[0]!;
    const box = page.getByRole('combobox', { name: 'Search earners' });
    await box.fill(issuer.name.slice(0, 5));
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    await listbox.waitFor();
    await expect(listbox.getByRole('option').count()).resolves.toBeGreaterThan(0);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/(skill|badge|issuer)=/);
    await waitForResults(page);
    await expect(
      page
        .getByRole('region', { name: 'Active filters' })
        .getByRole('button', { name: /^Remove filter/ })
        .count(),
    ).resolves.toBe(1);
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
  });

  it('loads more results with the cursor', async () => {
    const cards = page.locator('.hits > li');
    await expect(cards.count()).resolves.toBe(20);
    await page.getByRole('button', { name: 'Load more earners' }).click();
    await expect.poll(() => cards.count()).toBe(40);
    const names = await page.locator('.hits h3').allTextContents();
    expect(new Set(names.map((n, i) => `${n}#${i}`)).size).toBe(40);
  });

  it('opens an earner profile with badges, criteria and verification details', async () => {
    const earner = listedEarner(stack.dataset, () => true, 2);
    await page.getByRole('combobox', { name: 'Search earners' }).fill(shownName(earner));
    await page.getByRole('combobox', { name: 'Search earners' }).press('Enter');
    await page.waitForURL(/q=/);
    await waitForResults(page);
    await page.getByRole('link', { name: shownName(earner), exact: true }).click();
    await page.waitForURL(/\/earners\//);
    await page.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
    const visible = earner.badges.filter((b) => b.visible);
    await expect(page.getByRole('heading', { level: 2, name: /^Badges/ }).textContent()).resolves.toBe(`Badges (${visible.length})`);
    await page.getByRole('button', { name: 'Verified' }).first().waitFor();
    await page.getByText('Verification details').first().click();
    await page.locator('details[open] dt', { hasText: 'Last checked' }).first().waitFor();
    await screenshot(page, 'earner-profile');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Back returns to the same results.
    await page.goBack();
    await page.waitForURL(/\/search\?q=/);
    await waitForResults(page);
  });

  it('sends a contact request and says what happens next', async () => {
    const earner = listedEarner(stack.dataset, (r) => r.contactable);
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByRole('button', { name: `Contact ${shownName(earner)}` }).click();
    const dialog = page.getByRole('dialog', { name: `Contact ${shownName(earner)}` });
    await dialog.getByLabel('Message').fill('Hello! We are hiring CNC machinists in your area. Would you like to talk?');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('Request sent.').waitFor();
    await dialog.getByText(/If they accept/).waitFor();
    await screenshot(page, 'contact-sent');
    const notified = stack.outbox().filter((m) => m.kind === 'contact-request' && m.to === earner.email);
    expect(notified).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Contact requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact requests' }).waitFor();
    await page.getByText('Waiting for an answer').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('says plainly when the contact limit is reached', async () => {
    const first = listedEarner(stack.dataset, (r) => r.contactable);
    const earner = listedEarner(stack.dataset, (r) => r.contactable && r.earnerId !== first.earnerId);
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByRole('button', { name: `Contact ${shownName(earner)}` }).click();
    const dialog = page.getByRole('dialog', { name: `Contact ${shownName(earner)}` });
    await dialog.getByLabel('Message').fill('Hello again, would you like to talk about a role?');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: "You've sent as many contact requests as allowed for now. You can send more after" })
      .waitFor();
    await screenshot(page, 'contact-rate-limited');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(stack.outbox().filter((m) => m.kind === 'contact-request' && m.to === earner.email)).toHaveLength(0);
  });

  it('says plainly when an earner does not accept contact requests', async () => {
    const earner = listedEarner(stack.dataset, (r) => !r.contactable);
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByText(/doesn't accept contact requests/).waitFor();
    await expect(page.getByRole('button', { name: /^Contact / }).count()).resolves.toBe(0);
  });

  it('suggests which filter to relax when nothing matches', async () => {
    await page.goto(`${stack.url}/search?q=zzzyqxw&region=US-ZZ`);
    await page.getByRole('heading', { name: 'No earners match this search' }).waitFor();
    await page.getByRole('button', { name: /Remove the region filter/ }).waitFor();
    await page.getByRole('button', { name: /Search without the words/ }).waitFor();
    await screenshot(page, 'search-zero-results');
    await page.getByRole('button', { name: /Remove the region filter/ }).click();
    await page.waitForURL((u) => !u.searchParams.has('region'));
  });

  it('searches near a place within a radius: kept in the URL, a removable chip, and facets still narrow it', async () => {
    // The demo city where most listed earners live.
    const byCity = new Map<string, number>();
    for (const r of stack.dataset.records.filter((x) => x.listed))
      byCity.set(
        `${r.location.city}, ${r.location.region.slice(3)}`,
        (byCity.get(`${r.location.city}, ${r.location.region.slice(3)}`) ?? 0) + 1,
      );
    const cityName = [...byCity.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const place = PLACES.find((p) => p.name === cityName)!;
    expect(place).toBeDefined();
    await page.goto(`${stack.url}/search`);
    const everyone = await waitForResults(page);
    await page.getByRole('combobox', { name: 'Near' }).selectOption({ label: place.name });
    await page.waitForURL((u) => u.searchParams.get('near') === place.id);
    await waitForResults(page);
    await page.getByRole('combobox', { name: 'Within' }).selectOption({ label: '50 miles' });
    await page.waitForURL((u) => u.searchParams.get('radius') === '50');
    const near = await waitForResults(page);
    const input = { near: { lat: place.lat, lon: place.lon, radiusKm: 50 * KM_PER_MILE } };
    expect(near).toBe((await searchDirectly(page, stack.url, input)).total);
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(everyone);
    const chip = page.getByRole('button', { name: `Remove filter near: ${place.name} (within 50 mi)` });
    await chip.waitFor();
    // A facet narrows the place's results further, and its counts are those under the place.
    const regions = page.getByRole('group', { name: 'Region' });
    const first = regions.getByRole('checkbox').first();
    const region = (await first.getAttribute('value'))!;
    await first.check();
    await page.waitForURL((u) => u.searchParams.get('region') === region);
    const both = await waitForResults(page);
    expect(both).toBe((await searchDirectly(page, stack.url, { ...input, regions: [region] })).total);
    await screenshot(page, 'search-near-place');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The URL is the whole search: a fresh page shows the same.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await expect(waitForResults(shared)).resolves.toBe(both);
    await expect(shared.getByRole('combobox', { name: 'Near' }).inputValue()).resolves.toBe(place.id);
    await shared.close();
    await chip.click();
    await page.waitForURL((u) => !u.searchParams.has('near') && !u.searchParams.has('radius'));
    await expect(waitForResults(page)).resolves.toBe((await searchDirectly(page, stack.url, { regions: [region] })).total);
  });

  it('filters on completed pathways (a facet) and on progress on a pathway, each a removable chip', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const pathways = page.getByRole('group', { name: 'Pathways completed' });
    const box = pathways.getByRole('checkbox').first();
    await box.waitFor();
    const pathway = (await box.getAttribute('value'))!;
    const shownCount = Number(await pathways.locator('.count').first().textContent());
    await box.check();
    await page.waitForURL((u) => u.searchParams.get('pathway') === pathway);
    const completed = await waitForResults(page);
    expect(completed).toBe(shownCount);
    expect(completed).toBe((await searchDirectly(page, stack.url, { pathways: [pathway] })).total);
    const chips = page.getByRole('region', { name: 'Active filters' }).getByRole('button', { name: /^Remove filter pathway:/ });
    await expect(chips.count()).resolves.toBe(1);
    await chips.first().click();
    await page.waitForURL((u) => !u.searchParams.has('pathway'));
    await waitForResults(page);

    await page.getByRole('combobox', { name: 'Pathway', exact: true }).selectOption(pathway);
    await page.getByRole('combobox', { name: 'At least' }).selectOption('1');
    await page.getByRole('button', { name: 'Add progress filter' }).click();
    await page.waitForURL((u) => u.searchParams.get('progress') === `1:${pathway}`);
    const started = await waitForResults(page);
    expect(started).toBe((await searchDirectly(page, stack.url, { pathwayProgress: [{ pathway, minEarned: 1 }] })).total);
    expect(started).toBeGreaterThanOrEqual(completed);
    const progressChip = page.getByRole('button', { name: /^Remove filter pathway progress: at least 1 of / });
    await progressChip.waitFor();
    await screenshot(page, 'search-pathway-progress');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await progressChip.click();
    await page.waitForURL((u) => !u.searchParams.has('progress'));
    await waitForResults(page);
  });

  it('shows badge images on cards and profiles, links the credential itself, and shows evidence and results', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const images = page.locator('.hits img.badge-image');
    await expect.poll(() => images.count()).toBeGreaterThan(0);
    const attributes = await images.evaluateAll((imgs) =>
      imgs.map((img) => ({
        src: img.getAttribute('src')!.slice(0, 26),
        alt: img.getAttribute('alt'),
        referrer: img.getAttribute('referrerpolicy'),
        loading: img.getAttribute('loading'),
        width: img.getAttribute('width'),
      })),
    );
    for (const a of attributes) {
      expect(a).toMatchObject({ src: 'data:image/svg+xml;base64,', referrer: 'no-referrer', loading: 'lazy', width: '32' });
      expect(a.alt).toMatch(/ badge image$/);
    }
    await expect.poll(() => images.first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    // An OB 3.0 badge with evidence and a result, of an earner who also shows a hosted OB 2.0 assertion (its id is its public URL).
    const earner = listedEarner(
      stack.dataset,
      (r) =>
        r.badges.some((b) => b.visible && b.status === 'VERIFIED' && b.method.startsWith('ob3-') && demoEvidence(b.credentialId)) &&
        r.badges.some((b) => b.visible && b.status === 'VERIFIED' && /^https?:/.test(b.credentialId)),
    );
    const badge = earner.badges.find(
      (b) => b.visible && b.status === 'VERIFIED' && b.method.startsWith('ob3-') && demoEvidence(b.credentialId),
    )!;
    const evidence = demoEvidence(badge.credentialId)!;
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
    const article = page.getByRole('article', { name: badge.badgeClassName }).filter({ hasText: evidence.name }).first();
    await article.getByRole('img', { name: `${badge.badgeClassName} badge image` }).waitFor();
    const link = article.getByRole('link', { name: new RegExp(`^${evidence.name}`) });
    await expect(link.getAttribute('href')).resolves.toBe(evidence.id);
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await article.getByText(evidence.narrative).waitFor();
    await article.getByRole('heading', { name: 'Results' }).waitFor();
    await expect(article.locator('.results dt').first().textContent()).resolves.toBe(RESULT_NAME);
    await expect(article.locator('.results dd').first().textContent()).resolves.toBe(demoResult(badge.credentialId));
    const hosted = earner.badges.find((b) => b.visible && b.status === 'VERIFIED' && /^https?:/.test(b.credentialId))!;
    await expect(page.locator(`a[href="${hosted.credentialId}"]`, { hasText: 'View the credential' }).count()).resolves.toBe(1);
    await screenshot(page, 'earner-profile-evidence');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ width: 375, height: 800 });
    await phone.goto(page.url());
    await phone.getByRole('heading', { level: 4, name: 'Results' }).first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'earner-profile-evidence-phone', { fullPage: false });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('never renders a hostile image, link or evidence as anything but inert text', async () => {
    const earner = listedEarner(stack.dataset, (r) => r.contactable === false || r.contactable === true, 1);
    const planted = await plantHostileBadges(stack.indices.client, stack.indices.prefix, earner.earnerId);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
      await page.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
      await page.getByText('Click me', { exact: true }).waitFor();
      // The script-like narrative shows as the text it is.
      await page.getByText(HOSTILE_EVIDENCE[0]!.narrative!, { exact: true }).waitFor();
      const unsafe = () =>
        page.evaluate(() => ({
          images: [...document.querySelectorAll('img')]
            .map((img) => img.getAttribute('src') ?? '')
            .filter((src) => !(src.startsWith('https://') || /^data:image\/(png|gif|jpeg|webp|svg\+xml)[;,]/.test(src))),
          links: [...document.querySelectorAll('a[href]')]
            .map((a) => a.getAttribute('href') ?? '')
            .filter((href) => !(href.startsWith('/') || href.startsWith('#') || /^https?:\/\//.test(href))),
          scripts: document.querySelectorAll('main script, main [onerror], main [onload]').length,
        }));
      expect(await unsafe()).toEqual({ images: [], links: [], scripts: 0 });
      // The safe ones show: the https image (sent without a referrer) and the PNG data: URI.
      await expect(page.locator('img[src="https://images.example/badge.png"]').count()).resolves.toBeLessThanOrEqual(1);
      await expect(page.locator('img[src^="data:image/png;base64,"]').count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: /^Real work/ }).getAttribute('href')).resolves.toBe('https://portfolio.example/work');
      // The same earner's card in search.
      await page.goto(`${stack.url}/search?q=${encodeURIComponent(shownName(earner))}`);
      await waitForResults(page);
      await page.getByRole('link', { name: shownName(earner), exact: true }).waitFor();
      expect(await unsafe()).toEqual({ images: [], links: [], scripts: 0 });
      expect(dialogs).toEqual([]);
    } finally {
      page.removeAllListeners('dialog');
      await planted.restore();
    }
  });

  it('works at phone width (375 px) without sideways scrolling', async () => {
    const phone = await browser.newPage({ width: 375, height: 800 });
    await phone.goto(`${stack.url}/search`);
    await waitForResults(phone);
    const toggle = phone.getByRole('button', { name: /Show filters/ });
    await toggle.waitFor();
    await phone.getByRole('group', { name: 'Skills' }).waitFor({ state: 'hidden' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'search-phone', { fullPage: false });
    await toggle.click();
    await phone.getByRole('group', { name: 'Skills' }).waitFor();
    await phone.getByRole('combobox', { name: 'Near' }).waitFor();
    await screenshot(phone, 'search-phone-filters', { fullPage: false });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it("shows an unrecognized issuer's badges only when asked, labelled 'issuer not recognized'", async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    await expect(page.getByText('issuer not recognized').count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: 'Include badges from issuers not recognized' }).check();
    await page.waitForURL(/issuers_unrecognized=show/);
    await waitForResults(page);
    // The demo's self-signed issuer gave the first listed earners a badge: it shows, labelled, under the name it claims.
    const labelled = page.locator('.badges li', { hasText: 'issuer not recognized' });
    await labelled.first().waitFor();
    await expect(labelled.first().textContent()).resolves.toContain(UNKNOWN_DEMO_ISSUER.name);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
