/**
 * A recruiter's day in a real browser against the real API, engine and demo
 * data (issue 15): each bug seen by a first-time employer is reproduced here
 * first, then kept fixed. Desktop (1366 px) and phone (390 px) widths.
 * Saved searches and shortlists (`recruiter/`) run last on the same stack:
 * one demo directory signed, verified and loaded for all three.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasName } from '../../mappings/indices.ts';
import { launchBrowser, requireChromium, screenshot, seriousAxeViolations, type Browser } from './support/browser.ts';
import { graphql, listedEarner, searchDirectly, shownName, signInAsEmployer, waitForResults } from './support/flows.ts';
import { startWebStack, type WebStack } from './support/web-stack.ts';
import { UNKNOWN_DEMO_ISSUER } from '../../scripts/demo/issuers/unknown-issuer.ts';
import { savedSearchCases } from './recruiter/saved-searches.ts';
import { shortlistCases } from './recruiter/shortlists.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('a recruiter workflow in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireChromium();
    // Alerts run when the saved-search cases ask for a run, never on their own schedule.
    stack = await startWebStack('web-workflow', { env: { SAVED_SEARCH_ALERTS_ENABLED: 'false' } });
    browser = await launchBrowser(DESKTOP);
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInAsEmployer(page, stack.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const earnersIndex = () => aliasName(stack.indices.prefix, 'earners');
  const cardIds = (p: Page) => p.locator('.hits h3').evaluateAll((hs) => hs.map((h) => h.id.replace(/^earner-/, '')));

  it('bug 1: "Load more" merges pages by earner when the results changed in between, and says the total changed', async () => {
    await page.goto(`${stack.url}/search?sort=recent`);
    const before = await waitForResults(page);
    const firstPage = await cardIds(page);
    expect(firstPage).toHaveLength(20);
    // Behind the page's back: the first earner's latest badge moves down to page 2's range, and another earner opts out.
    const ranked = await graphql<{ searchEarners: { nodes: { earner: { id: string; latestIssuedOn: string } }[] } }>(
      page,
      stack.url,
      'query($input: EarnerSearchInput!) { searchEarners(input: $input) { nodes { earner { id latestIssuedOn } } } }',
      { input: { sort: 'RECENT', first: 40 } },
    );
    const moved = firstPage[0]!;
    const into = ranked.searchEarners.nodes[30]!.earner.latestIssuedOn;
    const optedOut = firstPage[5]!;
    const client = stack.indices.client;
    await client.update({ index: earnersIndex(), id: moved, doc: { public: { latestIssuedOn: into } }, refresh: true });
    await client.update({ index: earnersIndex(), id: optedOut, doc: { directory: { listed: false } }, refresh: true });
    try {
      const errorsBefore = pageErrors.length;
      await page.getByRole('button', { name: 'Load more earners' }).click();
      await page.getByText(/The results changed since the first page/).waitFor();
      const ids = await cardIds(page);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(20);
      expect(pageErrors.slice(errorsBefore)).toEqual([]);
      await expect(page.locator('#results-title').textContent()).resolves.toBe(`${before - 1} earners`);
      // Not stuck: the next page still loads.
      await page.getByRole('button', { name: 'Load more earners' }).click();
      await expect.poll(async () => (await cardIds(page)).length).toBeGreaterThan(ids.length);
    } finally {
      await client.update({ index: earnersIndex(), id: optedOut, doc: { directory: { listed: true } }, refresh: true });
    }
  });

  for (const [name, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`bug 2 (${name}): a facet tick keeps the scroll position and the focus, and the new count is announced politely`, async () => {
      const p = await browser.newPage(size);
      await p.goto(`${stack.url}/search`);
      await waitForResults(p);
      if (name === 'phone') await p.getByRole('button', { name: /Show filters/ }).click();
      const regions = p.getByRole('group', { name: 'Region' });
      const box = regions.getByRole('checkbox').first();
      await box.scrollIntoViewIfNeeded();
      await p.evaluate(() => scrollBy(0, 40));
      const scrolled = await p.evaluate(() => scrollY);
      expect(scrolled).toBeGreaterThan(0);
      const topBefore = await box.evaluate((el) => el.getBoundingClientRect().top);
      await box.focus();
      await p.keyboard.press('Space');
      await p.waitForURL(/region=/);
      const total = await waitForResults(p);
      // The page did not jump to the top: the ticked box is where it was on screen (the browser's scroll
      // anchoring may shift the page a little as facets above it shrink), and it still has the focus.
      expect(await p.evaluate(() => scrollY)).toBeGreaterThan(0);
      expect(Math.abs((await box.evaluate((el) => el.getBoundingClientRect().top)) - topBefore)).toBeLessThan(40);
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      const live = p.locator('[role="status"][aria-live="polite"]', { hasText: `${total} ${total === 1 ? 'earner' : 'earners'} found` });
      await live.waitFor({ state: 'attached' });
      // A typeahead pick keeps focus in the search box.
      const search = p.getByRole('combobox', { name: 'Search earners' });
      const issuer = stack.dataset.issuers[0]!;
      await search.fill(issuer.name.slice(0, 5));
      await p.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first().waitFor();
      await search.press('ArrowDown');
      await search.press('Enter');
      await p.waitForURL(/(skill|badge|issuer)=/);
      await waitForResults(p);
      expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await seriousAxeViolations(p)).toEqual([]);
      await screenshot(p, `workflow-focus-${name}`, { fullPage: false });
      await p.close();
    });
  }

  it('bug 3: "Back to results" after "Load more" restores the loaded pages and the scroll position', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    await page.getByRole('button', { name: 'Load more earners' }).click();
    await expect.poll(async () => (await cardIds(page)).length).toBe(40);
    const link = page.locator('.hits h3 a').nth(30);
    await link.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(500);
    const name = (await link.textContent()) ?? '';
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goBack();
    await waitForResults(page);
    await expect.poll(async () => (await cardIds(page)).length).toBe(40);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrolled - 50);
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(50);
  });

  it('bug 4: suggestions carry earner counts under the current filters; none that lead nowhere come first', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const box = page.getByRole('combobox', { name: 'Search earners' });
    // A prefix of a word of a badge a card shows.
    const held = (await page.locator('.hits .badge-name').allTextContents())
      .flatMap((name) => name.split(/\s+/))
      .find((w) => /^[a-z]{5,}$/i.test(w))!
      .slice(0, 4)
      .toLowerCase();
    for (const prefix of ['weld', 'git', 'net', held]) {
      const answered = suggestAnswer(page, prefix);
      await box.fill(prefix);
      await answered;
      const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
      await options.first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.help')?.textContent?.includes('Looking'));
      const counts = (await options.locator('.count').allTextContents()).map((t) => parseInt(t, 10));
      expect(counts.length).toBe(await options.count());
      // Most earners first; suggestions that lead nowhere (if any) after every useful one.
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      if (prefix === held) expect(counts[0], (await options.allTextContents()).join(' | ')).toBeGreaterThan(0);
    }
    // Under a filter, the first suggestion's count is what picking it finds.
    const region = stack.dataset.records.find((r) => r.listed)!.location.region;
    await page.goto(`${stack.url}/search?region=${region}`);
    await waitForResults(page);
    const answered = suggestAnswer(page, 'net');
    await box.fill('net');
    await answered;
    const first = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first();
    await first.waitFor();
    await page.waitForFunction(() => !document.querySelector('.help')?.textContent?.includes('Looking'));
    const expected = parseInt((await first.locator('.count').textContent()) ?? '', 10);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/(skill|badge|issuer)=/);
    await expect(waitForResults(page)).resolves.toBe(expected);
  });

  it('bug 4: the Skills facet opens below the taxonomy roots, and its search finds what the cards show', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const skills = page.getByRole('group', { name: 'Skills' });
    const topLabels = () => skills.locator(':scope > ul.tree > li > .row .label').allTextContents();
    await expect.poll(async () => (await topLabels()).length).toBeGreaterThan(0);
    // Once the taxonomy links are known, the roots of the frameworks give way to the levels below them.
    await expect
      .poll(async () => (await topLabels()).filter((l) => /^(skills|knowledge|transversal skills and competences)\(/i.test(l)))
      .toEqual([]);
    // Search inside the facet for a word of a skill some card shows.
    const shown = (await page.locator('.hits .skills .pill .skill-label').allTextContents()).map((s) => s.trim());
    const target = shown.find((s) => /\s/.test(s)) ?? shown[0]!;
    const word = target.split(/\s+/)[0]!.toLowerCase();
    await skills.getByRole('searchbox', { name: 'Search skills' }).fill(word);
    await skills
      .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(target.replace(/\s*\(.*$/, ''))}`, 'i') })
      .first()
      .waitFor();
    await skills.getByRole('searchbox', { name: 'Search skills' }).fill('network');
    await skills
      .getByRole('checkbox', { name: /network security/i })
      .first()
      .waitFor();
  });

  it('bug 5: a card never shows the same skill twice; a crosswalked skill shows once with its frameworks', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Load more earners' }).click();
    await expect.poll(async () => (await cardIds(page)).length).toBe(60);
    const perCard = await page
      .locator('.hits .skills')
      .evaluateAll((ps) =>
        ps.map((p) => [...p.querySelectorAll('.pill .skill-label')].map((s) => (s.textContent ?? '').trim().toLowerCase())),
      );
    expect(perCard.length).toBeGreaterThan(0);
    for (const labels of perCard) expect(new Set(labels).size).toBe(labels.length);
  });

  it('bug 6: words split across name, headline and badge names match together (cross-field)', async () => {
    const earner = stack.dataset.records.find(
      (r) => r.listed && shownName(r).split(' ').length === 2 && r.badges.some((b) => b.visible && b.status === 'VERIFIED'),
    )!;
    const badge = earner.badges.find((b) => b.visible && b.status === 'VERIFIED')!;
    const word = badge.badgeClassName.split(/\s+/).find((w) => w.length > 4 && /^[a-z]+$/i.test(w))!;
    const found = await graphql<{ searchEarners: { total: number; nodes: { earner: { id: string } }[] } }>(
      page,
      stack.url,
      'query($input: EarnerSearchInput!) { searchEarners(input: $input) { total nodes { earner { id } } } }',
      { input: { text: `${shownName(earner)} ${word.toLowerCase()}`, first: 5 } },
    );
    expect(found.searchEarners.nodes[0]?.earner.id).toBe(earner.earnerId);
  });

  it('bug 7: an expired badge says "Expired on …", and frameworks show by name', async () => {
    const now = Date.now();
    const earner = stack.dataset.records.find(
      (r) =>
        r.listed &&
        r.badges.some((b) => b.visible && b.expiresOn && Date.parse(b.expiresOn) < now) &&
        r.badges.some((b) => b.visible && b.skills.length > 0),
    )!;
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
    const expired = earner.badges.find((b) => b.visible && b.expiresOn && Date.parse(b.expiresOn) < now)!;
    const article = page.locator('article.badge', { has: page.getByRole('heading', { level: 3, name: expired.badgeClassName }) }).first();
    await article.getByText(/^Expired on [A-Z][a-z]{2} \d{1,2}, \d{4}$/).waitFor();
    await expect(article.getByText(/^Expires /).count()).resolves.toBe(0);
    const frameworks = await page.locator('dt:text-is("Skill frameworks") + dd').allTextContents();
    expect(frameworks.length).toBeGreaterThan(0);
    for (const text of frameworks) expect(text).not.toMatch(/\b(esco|onet|local|nice|lightcast)\b/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
  it('why each person matched: matches name the badge and the narrower skill it proves; cards list those badges first', async () => {
    type Facets = { searchEarners: { facets: { skills: { value: string; label: string; count: number }[] } } };
    const { searchEarners: all } = await graphql<Facets>(
      page,
      stack.url,
      'query($input: EarnerSearchInput!) { searchEarners(input: $input) { facets { skills { value label count } } } }',
      { input: { facetSize: 100 } },
    );
    // A broad skill no badge holds itself: every earner it finds holds a narrower one.
    const direct = new Set(stack.dataset.records.flatMap((r) => r.badges.flatMap((b) => b.skills)));
    const broad = all.facets.skills.find((v) => v.count > 1 && !direct.has(v.value))!;
    type Hits = {
      searchEarners: {
        nodes: {
          earner: { id: string };
          matches: { credentialId: string; skills: { relation: string; searched: { id: string }; held: { id: string } }[] }[];
        }[];
      };
    };
    const { searchEarners } = await graphql<Hits>(
      page,
      stack.url,
      `
        query ($input: EarnerSearchInput!) {
          searchEarners(input: $input) {
            nodes {
              earner {
                id
              }
              matches {
                credentialId
                skills {
                  relation
                  searched {
                    id
                  }
                  held {
                    id
                  }
                }
              }
            }
          }
        }
      `,
      { input: { skills: [broad.value], first: 20 } },
    );
    const badges = new Map(stack.dataset.records.flatMap((r) => r.badges.map((b) => [b.credentialId, b] as const)));
    expect(searchEarners.nodes.length).toBeGreaterThan(0);
    for (const node of searchEarners.nodes) {
      expect(node.matches.length).toBeGreaterThan(0);
      for (const match of node.matches)
        for (const skill of match.skills) {
          expect(skill).toMatchObject({ relation: 'NARROWER', searched: { id: broad.value } });
          expect(badges.get(match.credentialId)?.skills).toContain(skill.held.id);
        }
    }
    await page.goto(`${stack.url}/search?skill=${encodeURIComponent(broad.value)}`);
    await waitForResults(page);
    const firstBadgeWhy = await page
      .locator('.hits .badges')
      .evaluateAll((lists) => lists.map((ul) => ul.querySelector('li .why')?.textContent ?? ''));
    expect(firstBadgeWhy.length).toBe(searchEarners.nodes.length);
    for (const why of firstBadgeWhy) expect(why).toContain(`(narrower than ${broad.label})`);
    await screenshot(page, 'workflow-matches');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
  it('exclusion filters: NOT a badge leaves out exactly the earners showing it (API and web, chip and URL)', async () => {
    const recognized = (b: { issuerName: string }) => b.issuerName !== UNKNOWN_DEMO_ISSUER.name;
    const found = stack.dataset.records.filter(
      (r) => r.listed && r.badges.some((b) => b.visible && b.status === 'VERIFIED' && recognized(b)),
    );
    // The badge class most earners show, and the brute-force count of those who do not show it.
    const holders = new Map<string, Set<string>>();
    for (const r of found)
      for (const b of r.badges.filter((b) => b.visible && recognized(b)))
        holders.set(b.badgeClassId, (holders.get(b.badgeClassId) ?? new Set()).add(r.earnerId));
    const [badgeClassId, holding] = [...holders.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
    const expected = found.filter((r) => !holding.has(r.earnerId)).length;
    const direct = await searchDirectly(page, stack.url, { excludeBadges: [badgeClassId], first: 50 });
    expect(direct.total).toBe(expected);

    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const badges = page.getByRole('group', { name: 'Badges' });
    const name = stack.dataset.records.flatMap((r) => r.badges).find((b) => b.badgeClassId === badgeClassId)!.badgeClassName;
    const exclude = badges.getByRole('button', { name: `Exclude ${name}`, exact: true });
    // Chromium's name inserts a space around the absolutely positioned hidden span anyway; the text itself must have it
    // (Svelte drops a leading space inside an element) for label matching, copying and other browsers.
    expect(await exclude.textContent()).toBe(`Exclude ${name}`);
    await exclude.click();
    await page.waitForURL(/not_badge=/);
    await expect(waitForResults(page)).resolves.toBe(expected);
    await page
      .getByRole('region', { name: 'Active filters' })
      .getByRole('button', { name: `Remove filter not badge: ${name}` })
      .waitFor();
    expect(await page.locator('.hits .badge-name').allTextContents()).not.toContain(name);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
  it('an exclusion never reveals a hidden badge: excluding a class an earner holds only hidden still finds them', async () => {
    const earner = stack.dataset.records.find(
      (r) =>
        r.listed &&
        r.badges.some((b) => b.visible && b.status === 'VERIFIED' && b.issuerName !== UNKNOWN_DEMO_ISSUER.name) &&
        r.badges.some((h) => h.hidden && !r.badges.some((b) => b.visible && b.badgeClassId === h.badgeClassId)),
    )!;
    const hidden = earner.badges.find((h) => h.hidden && !earner.badges.some((b) => b.visible && b.badgeClassId === h.badgeClassId))!;
    const ids = async (input: Record<string, unknown>) =>
      (
        await graphql<{ searchEarners: { nodes: { earner: { id: string } }[] } }>(
          page,
          stack.url,
          'query($input: EarnerSearchInput!) { searchEarners(input: $input) { nodes { earner { id } } } }',
          { input: { ...input, first: 50 } },
        )
      ).searchEarners.nodes.map((n) => n.earner.id);
    const byName = { text: shownName(earner) };
    expect(await ids(byName)).toContain(earner.earnerId);
    expect(await ids({ ...byName, excludeBadges: [hidden.badgeClassId] })).toContain(earner.earnerId);
  });
  it('the contact requests page names each earner as search shows them', async () => {
    const earner = listedEarner(stack.dataset, (r) => r.contactable);
    await graphql(page, stack.url, 'mutation($id: ID!, $m: String!) { contactEarner(earnerId: $id, message: $m) { id } }', {
      id: earner.earnerId,
      m: 'Hello, we are hiring. Would you like to talk?',
    });
    for (const size of [DESKTOP, PHONE]) {
      const p = await browser.newPage(size);
      await p.goto(`${stack.url}/contacts`);
      await p.getByRole('heading', { level: 1, name: 'Contact requests' }).waitFor();
      await p.getByRole('link', { name: shownName(earner), exact: true }).waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      expect(await seriousAxeViolations(p)).toEqual([]);
      await p.close();
    }
    // Contacting the same earner again: the profile warns about the pending request first.
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByRole('note').filter({ hasText: 'that request is still waiting for an answer' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('bug: the contact dialog starts empty every time it opens (desktop and phone)', async () => {
    const earner = listedEarner(stack.dataset, (r) => r.contactable, 2);
    const name = shownName(earner);
    for (const size of [DESKTOP, PHONE]) {
      const p = await browser.newPage(size);
      await p.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
      const dialog = p.getByRole('dialog', { name: `Contact ${name}` });
      await p.getByRole('button', { name: `Contact ${name}` }).click();
      await dialog.getByLabel('Message').fill('A draft for someone else, never sent');
      await dialog.getByRole('checkbox').first().check();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await p.getByRole('button', { name: `Contact ${name}` }).click();
      await expect(dialog.getByLabel('Message').inputValue()).resolves.toBe('');
      await expect(dialog.getByRole('checkbox', { checked: true }).count()).resolves.toBe(0);
      await expect(dialog.getByRole('button', { name: 'Send request' }).isDisabled()).resolves.toBe(true);
      // Closed with Escape, it opens empty too.
      await dialog.getByLabel('Message').fill('Another draft');
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await p.getByRole('button', { name: `Contact ${name}` }).click();
      await expect(dialog.getByLabel('Message').inputValue()).resolves.toBe('');
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      expect(await seriousAxeViolations(p)).toEqual([]);
      await p.close();
    }
  });

  it('message templates fill the contact dialog, and the request names the badges it is about (list, email)', async () => {
    await page.goto(`${stack.url}/contacts`);
    const templates = page.getByRole('region', { name: 'Message templates' });
    await templates.getByText('No templates yet.').waitFor();
    const body = 'Hello! We train welding apprentices in Columbus and your badges fit. Would you like to talk?';
    await templates.getByLabel('Template name').fill('Welding apprenticeship');
    await templates.getByRole('textbox', { name: 'Message' }).fill('First draft');
    await templates.getByRole('button', { name: 'Create template' }).click();
    await templates.getByRole('heading', { name: 'Welding apprenticeship' }).waitFor();
    // A second template of the same name is refused, saying why, next to the form.
    await templates.getByLabel('Template name').fill('welding APPRENTICESHIP');
    await templates.getByRole('textbox', { name: 'Message' }).fill('Again');
    await templates.getByRole('button', { name: 'Create template' }).click();
    await templates.getByRole('alert').filter({ hasText: 'you already have a template named "Welding apprenticeship"' }).waitFor();
    await templates.getByRole('button', { name: 'Edit template Welding apprenticeship' }).click();
    await templates.getByRole('textbox', { name: 'Message' }).fill(body);
    await templates.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved the template Welding apprenticeship.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const earner = listedEarner(
      stack.dataset,
      (r) => r.contactable && !stack.outbox().some((m) => m.kind === 'contact-request' && m.to === r.email),
      2,
    );
    const about = earner.badges.filter((b) => b.visible && b.status === 'VERIFIED' && b.issuerName !== UNKNOWN_DEMO_ISSUER.name)[0]!;
    await page.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await page.getByRole('button', { name: `Contact ${shownName(earner)}` }).click();
    const dialog = page.getByRole('dialog', { name: `Contact ${shownName(earner)}` });
    await dialog.getByLabel('Start from a template').selectOption({ label: 'Welding apprenticeship' });
    await expect(dialog.getByLabel('Message').inputValue()).resolves.toBe(body);
    await dialog.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(about.badgeClassName)} `) }).check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('Request sent.').waitFor();
    const email = stack.outbox().filter((m) => m.kind === 'contact-request' && m.to === earner.email);
    expect(email).toHaveLength(1);
    expect(email[0]!.text).toContain(body);
    expect(email[0]!.text).toContain(`They are writing about your badge:\n- ${about.badgeClassName} (`);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.goto(`${stack.url}/contacts`);
    const sent = page.locator('li.card', { has: page.getByRole('link', { name: shownName(earner), exact: true }) });
    await sent.getByText(`About ${about.badgeClassName} (`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('adds an earner to a shortlist from a result card without leaving the search, by mouse and by keyboard', async () => {
    await page.goto(`${stack.url}/search`);
    await waitForResults(page);
    const cards = page.locator('.hits article.result');
    const nameOf = async (n: number) => ((await cards.nth(n).locator('h3').textContent()) ?? '').trim();
    const [firstName, secondName, thirdName] = [await nameOf(0), await nameOf(1), await nameOf(2)];

    // A new list, created from the card.
    const first = cards.nth(0);
    await first.getByRole('button', { name: `Add to shortlist for ${firstName}` }).click();
    await first.getByLabel(`Add ${firstName} to shortlist`).selectOption({ label: 'New shortlist…' });
    await first.getByLabel('Name of the new shortlist').fill('Spring welders');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await first.getByRole('button', { name: 'Create list and add' }).click();
    await first.getByText('On your shortlist: Spring welders').waitFor();
    await first
      .getByRole('status')
      .filter({ hasText: `Added ${firstName} to Spring welders.` })
      .waitFor();
    // Focus goes back to the control that opened the form; the search stays where it was.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).resolves.toBe('false');
    expect(new URL(page.url()).pathname).toBe('/search');

    // Keyboard only: open (Escape closes it again, focus back on the button), choose the list, add.
    const second = cards.nth(1);
    const toggle = second.getByRole('button', { name: `Add to shortlist for ${secondName}` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(toggle.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    await expect(second.getByLabel(`Add ${secondName} to shortlist`).inputValue()).resolves.not.toBe('');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Add to shortlist');
    await page.keyboard.press('Enter');
    await second.getByText('On your shortlist: Spring welders').waitFor();

    // The API agrees.
    const { shortlists } = await graphql<{ shortlists: { name: string; entries: { earner: { name: string } | null }[] }[] }>(
      page,
      stack.url,
      '{ shortlists(first: 20) { name entries(first: 50) { earner { name } } } }',
    );
    expect(shortlists.find((l) => l.name === 'Spring welders')?.entries.map((e) => e.earner?.name)).toEqual([firstName, secondName]);
    await screenshot(page, 'search-card-shortlist');

    // Phone width: the open form fits, and passes the axe checks.
    const phone = await browser.newPage(PHONE);
    await phone.goto(`${stack.url}/search`);
    await waitForResults(phone);
    const third = phone.locator('.hits article.result').nth(2);
    await third.getByRole('button', { name: `Add to shortlist for ${thirdName}` }).click();
    await third.getByLabel(`Add ${thirdName} to shortlist`).selectOption({ label: 'New shortlist…' });
    await third.getByLabel('Name of the new shortlist').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await screenshot(phone, 'search-card-shortlist-phone', { fullPage: false });
    await phone.close();

    // The profile page has the same control, new list included.
    await cards.nth(2).getByRole('link', { name: thirdName }).click();
    await page.getByRole('heading', { level: 1, name: thirdName }).waitFor();
    await page.getByLabel(`Add ${thirdName} to shortlist`).selectOption({ label: 'New shortlist…' });
    await page.getByLabel('Name of the new shortlist').fill('From the profile');
    await page.getByRole('button', { name: 'Create list and add' }).click();
    await page.getByText(/On your shortlists: From the profile \(New\)/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  describe('saved searches', () => savedSearchCases(() => ({ stack, page })));
  describe('shortlists', () => shortlistCases(() => ({ stack })));
});

/** The API's answer to the typeahead's request for `prefix` (the page shows it right after). */
function suggestAnswer(page: Page, prefix: string) {
  return page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(`"prefix":${JSON.stringify(prefix)}`),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
