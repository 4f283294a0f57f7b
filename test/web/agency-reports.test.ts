/**
 * A workforce agency in a real browser against the real API, engine and demo
 * data (postings and credentials loaded through the real pipeline): the
 * skill-gap report equals the API's own answer, the filters live in the URL
 * (back button), the CSV export holds the same rows, the trend reads stored
 * snapshots, no count under the privacy threshold is ever shown, axe, phone
 * width; an employer is told the page is not for them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, requireChromium, screenshot, SCREENSHOT_DIR, seriousAxeViolations, type Browser } from './support/browser.ts';
import { EMPLOYER } from './support/flows.ts';
import {
  ADMIN,
  AGENCY,
  expectedCount,
  expectedRatio,
  gql,
  pageToken,
  parseCsv,
  reportDirectly,
  shownCountCells,
  shownGapRows,
  signInThroughPage,
  tokenFor,
  trendDirectly,
  waitForReport,
  type ApiReport,
  type Cell,
} from './support/report-flows.ts';
import { startWebStack, type WebStack } from './support/web-stack.ts';

/** What the page asks for by default (rows, sort, window). */
const PAGE_INPUT = { first: 25, sort: 'GAP', postedWithinMonths: 12 };

function expectRowsMatch(shown: Awaited<ReturnType<typeof shownGapRows>>, report: ApiReport): void {
  expect(shown.map((r) => r.id)).toEqual(report.rows.map((r) => r.skill.id));
  expect(shown).toEqual(
    report.rows.map((r) => ({
      id: r.skill.id,
      demand: expectedCount(r.demand, report.threshold),
      supply: expectedCount(r.supply, report.threshold),
      ratio: expectedRatio(r.ratio),
    })),
  );
}

/** No count cell reads as a whole number from 1 to threshold - 1. */
function expectNoSmallCounts(cells: string[], threshold: number): void {
  const small = cells.filter((text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) < threshold);
  expect(small).toEqual([]);
}

describe('agency skill-gap reports in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;
  let token: string;
  /** The region with the most demo earners: the filter the test picks. */
  let region: string;

  beforeAll(async () => {
    requireChromium();
    stack = await startWebStack('web-agency');
    browser = await launchBrowser();
    page = await browser.newPage();
    const counts = new Map<string, number>();
    for (const record of stack.dataset.records) counts.set(record.location.region, (counts.get(record.location.region) ?? 0) + 1);
    region = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs the agency in with the sign-in page, starts on the report, and shows "Skill gaps" in the navigation', async () => {
    await signInThroughPage(page, stack.url, AGENCY, /\/reports/);
    token = await pageToken(page);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Skill gaps' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Skill gaps');
  });

  it('shows the top gaps with the numbers of the API’s own skillGapReport answer, as a chart and a table', async () => {
    await waitForReport(page);
    const report = await reportDirectly(stack.url, token, PAGE_INPUT);
    expect(report.rows.length).toBeGreaterThan(0);
    expectRowsMatch(await shownGapRows(page), report);
    await expect(page.getByRole('img', { name: /Top \d+ skill gaps/ }).count()).resolves.toBe(1);
    // The largest gap comes first: shown demand, and no row has a larger shortfall (demand minus supply); zero demand is never on top.
    const shortfall = (r: (typeof report.rows)[number]) =>
      (r.demand.suppressed ? 0.5 : (r.demand.value ?? 0)) - (r.supply.suppressed ? 0.5 : (r.supply.value ?? 0));
    expect(report.rows[0]!.demand.suppressed).toBe(false);
    expect(report.rows[0]!.demand.value).toBeGreaterThan(0);
    for (const r of report.rows.filter((x) => !x.demand.suppressed && (x.demand.value ?? 0) > 0))
      expect(shortfall(r)).toBeLessThanOrEqual(shortfall(report.rows[0]!));
    const firstZero = report.rows.findIndex((r) => !r.demand.suppressed && r.demand.value === 0);
    if (firstZero >= 0) expect(report.rows.slice(firstZero).every((r) => !r.demand.suppressed && r.demand.value === 0)).toBe(true);
    await expect(page.getByText(`Showing ${report.rows.length} of ${report.totalRows} skills`).count()).resolves.toBe(1);
    expectNoSmallCounts(await shownCountCells(page), report.threshold);
    await page.locator('#privacy-rule').waitFor();
    await screenshot(page, 'reports');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('puts the region filter in the URL, matches the API for that region, and the back button restores all regions', async () => {
    const before = await shownGapRows(page);
    await page.getByLabel('Region', { exact: true }).selectOption(region);
    await page.waitForURL((url) => url.searchParams.get('region') === region);
    await waitForReport(page);
    const regional = await reportDirectly(stack.url, token, { ...PAGE_INPUT, region });
    expectRowsMatch(await shownGapRows(page), regional);
    expectNoSmallCounts(await shownCountCells(page), regional.threshold);
    // The table by region marks the chosen region.
    await page.locator('table.by-region tr[aria-current="true"]').waitFor();
    await screenshot(page, 'reports-region');

    // A fresh page on the shared link shows the same report.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await waitForReport(shared);
    expect(await shownGapRows(shared)).toEqual(await shownGapRows(page));
    await expect(shared.getByLabel('Region', { exact: true }).inputValue()).resolves.toBe(region);
    await shared.close();

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await waitForReport(page);
    expect(await shownGapRows(page)).toEqual(before);
    await expect(page.getByLabel('Region', { exact: true }).inputValue()).resolves.toBe('');
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('region') === region);
    await waitForReport(page);
  });

  it('offers the frameworks the API serves, by the API’s names, and names the chosen one in the summary', async () => {
    const { frameworks } = await gql<{ frameworks: { id: string; name: string }[] }>(stack.url, token, '{ frameworks { id name } }');
    const select = page.getByLabel('Skill framework', { exact: true });
    await expect
      .poll(() => select.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent])))
      .toEqual([['', 'All frameworks'], ...frameworks.map((f) => [f.id, f.name])]);
    const nice = frameworks.find((f) => f.id === 'nice')!;
    await select.selectOption('nice');
    await page.waitForURL((url) => url.searchParams.get('framework') === 'nice');
    await waitForReport(page);
    await expect.poll(() => page.locator('.summary .scope').textContent()).toContain(nice.name);

    // A shared link keeps the choice once the list has arrived.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await waitForReport(shared);
    await expect.poll(() => shared.getByLabel('Skill framework', { exact: true }).inputValue()).toBe('nice');
    await shared.close();

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('framework'));
    await waitForReport(page);
  });

  it('finds an occupation by title ("welder"), explains one it cannot find, and takes a SOC code with the API’s numbers for it', async () => {
    const counts = new Map<string, number>();
    for (const posting of stack.dataset.postings)
      if (posting.occupation) counts.set(posting.occupation, (counts.get(posting.occupation) ?? 0) + 1);
    const occupation = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const field = page.getByLabel('Occupation (title or SOC code)');
    await field.fill('zzqxv');
    await field.press('Enter');
    await page.getByText(/No occupation title matches “zzqxv”/).waitFor();
    expect(new URL(page.url()).searchParams.has('occupation')).toBe(false);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');

    // By title: the API's matches are offered (or the only one applied), and the choice goes into the URL.
    const { occupations } = await gql<{ occupations: { soc: string; title: string }[] }>(
      stack.url,
      token,
      'query { occupations(text: "welder") { soc title } }',
    );
    expect(occupations.some((o) => /weld/i.test(o.title))).toBe(true);
    await field.fill('welder');
    await field.press('Enter');
    const welder = occupations.find((o) => /weld/i.test(o.title))!;
    if (occupations.length > 1) {
      const group = page.getByRole('group', { name: 'Matching occupations' });
      await group.waitFor();
      await expect.poll(() => group.getByRole('button').allTextContents()).toEqual(occupations.map((o) => `${o.title} (${o.soc})`));
      await group.getByRole('button', { name: `${welder.title} (${welder.soc})` }).click();
    }
    await page.waitForURL((url) => url.searchParams.get('occupation') === (occupations.length > 1 ? welder.soc : occupations[0]!.soc));
    await waitForReport(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('occupation'));
    await waitForReport(page);

    await field.fill(occupation.replace(/\.00$/, ''));
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('occupation') === occupation);
    await waitForReport(page);
    const report = await reportDirectly(stack.url, token, { ...PAGE_INPUT, region, occupation });
    expectRowsMatch(await shownGapRows(page), report);
    expectNoSmallCounts(await shownCountCells(page), report.threshold);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('occupation') && url.searchParams.get('region') === region);
    await waitForReport(page);
    await expect(field.inputValue()).resolves.toBe('');
  });

  it('shows the region table with demand and supply per region, suppressed as "fewer than N"', async () => {
    const table = page.locator('table.by-region');
    await table.waitFor();
    const regionRows = await table.locator('tbody tr').count();
    expect(regionRows).toBeGreaterThan(1);
    // Each shown cell equals the API's answer for that region and skill.
    const firstSkillHeader = (await table.locator('thead th[scope="colgroup"]').first().textContent())?.trim();
    const regional = await reportDirectly(stack.url, token, { ...PAGE_INPUT, region });
    const skill = regional.rows.find((r) => r.skill.label === firstSkillHeader);
    expect(skill).toBeDefined();
    const cellsOfRegion = await table.locator('tr[aria-current="true"] td').allTextContents();
    const direct = await reportDirectly(stack.url, token, { ...PAGE_INPUT, region, skills: [skill!.skill.id], first: 1 });
    expect(cellsOfRegion.slice(0, 2).map((t) => t.trim())).toEqual([
      expectedCount(direct.rows[0]!.demand, direct.threshold),
      expectedCount(direct.rows[0]!.supply, direct.threshold),
    ]);
    // With 120 demo earners, some regional cells are small: they read "fewer than N", never a number.
    const texts = await shownCountCells(page);
    expect(texts.some((t) => t === `fewer than ${regional.threshold}`)).toBe(true);
    expectNoSmallCounts(texts, regional.threshold);
  });

  it('compares regions per 10,000 residents with the API’s numbers, names the population source, and follows a chosen skill', async () => {
    const COMPARISON = `query($input: RegionComparisonInput!) { regionComparison(input: $input) { threshold
      populationSource { name url } rows { region population postings { value suppressed } verifiedEarners { value suppressed }
      postingsPer10k { value suppressed } verifiedEarnersPer10k { value suppressed } } } }`;
    type Comparison = {
      threshold: number;
      populationSource: { name: string; url: string };
      rows: {
        region: string;
        population: number | null;
        postings: Cell;
        verifiedEarners: Cell;
        postingsPer10k: Cell;
        verifiedEarnersPer10k: Cell;
      }[];
    };
    const perCapita = (cell: Cell) =>
      cell.suppressed
        ? 'not shown'
        : cell.value === null
          ? 'no population figure'
          : cell.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const shownRows = () =>
      page.$$eval('table.per-capita tbody tr', (rows) =>
        rows.map((row) => {
          const text = (column: string) => row.querySelector(`[data-column="${column}"]`)?.textContent?.trim() ?? '';
          return {
            region: row.getAttribute('data-region'),
            postings: text('postings'),
            postingsPer10k: text('postings-per-10k'),
            earners: text('earners'),
            earnersPer10k: text('earners-per-10k'),
          };
        }),
      );
    const expectedRows = (c: Comparison) =>
      c.rows.map((r) => ({
        region: r.region,
        postings: expectedCount(r.postings, c.threshold),
        postingsPer10k: perCapita(r.postingsPer10k),
        earners: expectedCount(r.verifiedEarners, c.threshold),
        earnersPer10k: perCapita(r.verifiedEarnersPer10k),
      }));
    const byRegion = <T extends { region: string | null }>(rows: T[]) => [...rows].sort((a, b) => a.region!.localeCompare(b.region!));

    const section = page.getByRole('region', { name: 'Regions side by side' });
    await section.locator('table.per-capita tbody tr').first().waitFor();
    const all = (await gql<{ regionComparison: Comparison }>(stack.url, token, COMPARISON, { input: { postedWithinMonths: 12 } }))
      .regionComparison;
    await expect.poll(async () => byRegion(await shownRows())).toEqual(byRegion(expectedRows(all)));
    // Ordered by postings per 10,000 residents, most first; the filtered region is marked.
    const order = (await shownRows()).map((r) => all.rows.find((x) => x.region === r.region)!.postingsPer10k);
    const ranks = order.map((c) => (c.suppressed || c.value === null ? -1 : c.value));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await expect(section.locator('tr[aria-current="true"]').getAttribute('data-region')).resolves.toBe(region);
    const source = section.getByRole('link', { name: all.populationSource.name });
    await expect(source.getAttribute('href')).resolves.toBe(all.populationSource.url);
    await expect(section.textContent()).resolves.toMatch(/Vintage 2024/);

    // On one skill: the API's numbers for that skill.
    const picker = section.getByLabel('Compare on');
    const skillId = await picker.locator('option').nth(1).getAttribute('value');
    await picker.selectOption(skillId!);
    const bySkill = (
      await gql<{ regionComparison: Comparison }>(stack.url, token, COMPARISON, { input: { skill: skillId, postedWithinMonths: 12 } })
    ).regionComparison;
    await expect.poll(async () => byRegion(await shownRows())).toEqual(byRegion(expectedRows(bySkill)));
    expectNoSmallCounts(await shownCountCells(page), all.threshold);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the employers and job titles behind a gap row’s demand, with the API’s numbers', async () => {
    const BREAKDOWN = `query($input: DemandBreakdownInput!) { demandBreakdown(input: $input) { threshold
      employers { name postings { value suppressed } } titles { name postings { value suppressed } } } }`;
    type Share = { name: string; postings: Cell };
    const rows = await shownGapRows(page);
    // A row with a published demand: "fewer than N" may stand for none at all in this region (suppression hides which).
    const withDemand = rows.filter((r) => /^[\d,]+$/.test(r.demand) && r.demand !== '0');
    expect(withDemand.length).toBeGreaterThan(0);
    const target = withDemand[1] ?? withDemand[0]!;
    await page
      .locator(`tr[data-skill="${target.id}"]`)
      .getByRole('button', { name: /^Who is asking for/ })
      .click();
    const section = page.getByRole('region', { name: 'Who is asking' });
    await expect.poll(() => section.getByLabel('Skill').inputValue()).toBe(target.id);
    const api = (
      await gql<{ demandBreakdown: { threshold: number; employers: Share[]; titles: Share[] } }>(stack.url, token, BREAKDOWN, {
        input: { skill: target.id, region, postedWithinMonths: 12, first: 10 },
      })
    ).demandBreakdown;
    expect(api.employers.length).toBeGreaterThan(0);
    const shown = (kind: string) =>
      section.locator(`[data-list="${kind}"] li`).evaluateAll((items) =>
        items.map((li) => ({
          name: li.querySelector('.name')?.textContent?.trim(),
          count: li.querySelector('.count')?.textContent?.trim(),
        })),
      );
    for (const [kind, shares] of [
      ['employers', api.employers],
      ['titles', api.titles],
    ] as const)
      await expect
        .poll(() => shown(kind))
        .toEqual(shares.map((s) => ({ name: s.name, count: `${expectedCount(s.postings, api.threshold)} postings` })));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads the CSV of the same filters: the API’s header and the same rows', async () => {
    const shown = await shownGapRows(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^skill-gap_${region}_all-frameworks_.*\\.csv$`));
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    const [header, ...data] = rows;
    expect(header).toEqual([
      'skill_id',
      'skill_label',
      'framework',
      'demand',
      'supply',
      'ratio',
      'searches',
      'searches_with_few_results',
      'importance',
      'demand_change',
      'supply_change',
    ]);
    const all = await reportDirectly(stack.url, token, { ...PAGE_INPUT, region, first: 500 });
    expect(data.length).toBe(all.totalRows);
    expect(data.map((r) => r[0])).toEqual(all.rows.map((r) => r.skill.id));
    // The page's rows are the first rows of the file, with the same numbers.
    expect(data.slice(0, shown.length).map((r) => r[0])).toEqual(shown.map((r) => r.id));
    const csvCount = (text: string) => (text.startsWith('<') ? `fewer than ${text.slice(1)}` : Number(text).toLocaleString('en-US'));
    expect(data.slice(0, shown.length).map((r) => ({ demand: csvCount(r[3]!), supply: csvCount(r[4]!) }))).toEqual(
      shown.map((r) => ({ demand: r.demand, supply: r.supply })),
    );
    for (const r of data)
      for (const count of [r[3], r[4], r[6], r[7]])
        expect(/^\d+$/.test(count!) && Number(count) >= 1 && Number(count) < all.threshold).toBe(false);
    await page.getByText(/^Downloaded skill-gap_/).waitFor();
  });

  it('clears the "Downloaded" notice when the filters change, and shows every row on request', async () => {
    await page.getByText(/^Downloaded skill-gap_/).waitFor();
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'All regions' });
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await waitForReport(page);
    await expect(page.getByText(/^Downloaded skill-gap_/).count()).resolves.toBe(0);

    const all = await reportDirectly(stack.url, token, { ...PAGE_INPUT, first: 500 });
    expect(all.totalRows).toBeGreaterThan(PAGE_INPUT.first);
    await page.getByRole('link', { name: `Show all ${Math.min(all.totalRows, 500)} skills` }).click();
    await page.waitForURL((url) => url.searchParams.get('rows') === 'all');
    await waitForReport(page);
    await expect.poll(async () => (await shownGapRows(page)).length).toBe(all.rows.length);
    expectRowsMatch(await shownGapRows(page), all);
    await page.getByRole('link', { name: `Show the top ${PAGE_INPUT.first} only` }).click();
    await page.waitForURL((url) => !url.searchParams.has('rows'));
    await waitForReport(page);
    await expect.poll(async () => (await shownGapRows(page)).length).toBe(PAGE_INPUT.first);
  });

  it('adds a skill to the trend from the keyboard, says when there are no snapshots, and draws the trend after snapshots', async () => {
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await waitForReport(page);
    const [first, second] = await shownGapRows(page);
    await page.locator(`tr[data-skill="${first!.id}"] input[type="checkbox"]`).focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll('trend').includes(first!.id));
    // Clicking a row adds it too.
    await page.locator(`tr[data-skill="${second!.id}"] [data-column="demand"]`).click();
    await page.waitForURL((url) => url.searchParams.getAll('trend').length === 2);
    await page.getByText('No snapshots yet.').waitFor();
    await screenshot(page, 'reports-trend-empty');

    // Two snapshots through the admin mutation, as an admin would take them.
    const admin = await tokenFor(stack.url, ADMIN);
    for (let i = 0; i < 2; i++) {
      const { runSkillGapSnapshot } = await gql<{ runSkillGapSnapshot: { status: string; message: string } }>(
        stack.url,
        admin,
        'mutation { runSkillGapSnapshot { status message } }',
      );
      expect(runSkillGapSnapshot.status, runSkillGapSnapshot.message).toBe('OK');
    }
    await page.reload();
    await waitForReport(page);
    const trendTable = page.getByRole('table', { name: /^Trend in numbers/ });
    await trendTable.waitFor();
    const trend = await trendDirectly(stack.url, token, { skills: [first!.id, second!.id] });
    expect(trend.every((s) => s.points.length === 2)).toBe(true);
    const threshold = (await reportDirectly(stack.url, token, PAGE_INPUT)).threshold;
    const expected = trend[0]!.points.map((_, i) =>
      [first!.id, second!.id].map((id) => expectedCount(trend.find((s) => s.skill.id === id)!.points[i]!.demand, threshold)),
    );
    const shown = await trendTable
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(shown).toEqual(expected);
    await expect(page.getByRole('img', { name: /over time/ }).count()).resolves.toBe(1);
    await screenshot(page, 'reports-trend');
    // The supply view reads the same snapshots.
    await page.getByLabel('Show', { exact: true }).selectOption('supply');
    const supply = await trendTable
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(supply).toEqual(
      trend[0]!.points.map((_, i) =>
        [first!.id, second!.id].map((id) => expectedCount(trend.find((s) => s.skill.id === id)!.points[i]!.supply, threshold)),
      ),
    );
    expectNoSmallCounts(await shownCountCells(page), threshold);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('works at phone width: no sideways scrolling of the page, axe passes', async () => {
    const phone = await browser.newPage({ width: 375, height: 812 });
    await phone.goto(page.url());
    await waitForReport(phone);
    await phone.getByRole('table', { name: /^Trend in numbers/ }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Chart labels wrap instead of being cut: whole words, every line inside the chart.
    const labels = await phone.locator('.chart svg text.label').evaluateAll((nodes) =>
      nodes.map((node) => {
        const svg = node.closest('svg')!.getBoundingClientRect();
        const box = node.getBoundingClientRect();
        const text = [...node.querySelectorAll('tspan')].map((t) => t.textContent ?? '').join(' ');
        return { text, full: node.querySelector('title')?.textContent ?? '', inside: box.right <= svg.right + 0.5 };
      }),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label.text).toBe(label.full.split(/\s+/).join(' '));
      expect(label.inside).toBe(true);
    }
    // The gap table's other columns are reachable: the table box scrolls sideways and says so.
    await phone.getByText('Scroll the table sideways to see every column.').first().waitFor();
    // The change since the last snapshot reads in words.
    const change = (await phone.locator('tr[data-skill] [data-column="change"]').first().textContent()) ?? '';
    expect(change).toMatch(
      /^demand (unchanged|up \d[\d,]*|down \d[\d,]*|change not shown), supply (unchanged|up \d[\d,]*|down \d[\d,]*|change not shown)$/,
    );
    await screenshot(phone, 'reports-phone', { fullPage: false });
    await screenshot(phone, 'reports-phone-full');
    // Each section on its own, so the phone layout can be looked at closely.
    for (const [name, title] of [
      ['top-gaps', 'Top gaps'],
      ['trend', 'Trend over time'],
      ['by-region', 'By region'],
      ['per-capita', 'Regions side by side'],
      ['who-is-asking', 'Who is asking'],
    ] as const) {
      await phone
        .getByRole('region', { name: title, exact: true })
        .screenshot({ path: path.join(SCREENSHOT_DIR, `reports-phone-${name}.png`) });
    }
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('tells an employer the reports are not available for their account', async () => {
    const other = await launchBrowser();
    try {
      const employerPage = await other.newPage();
      await signInThroughPage(employerPage, stack.url, EMPLOYER, /\/search/);
      await expect(employerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Skill gaps' }).count()).resolves.toBe(
        0,
      );
      await employerPage.goto(`${stack.url}/reports?region=${region}`);
      await employerPage.getByRole('heading', { level: 1, name: 'Not available for your account' }).waitFor();
      await expect(employerPage.getByText('workforce agency accounts').count()).resolves.toBe(1);
      await screenshot(employerPage, 'reports-employer');
    } finally {
      await other.close();
    }
  });
});
