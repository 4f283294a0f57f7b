/** Steps of the agency report tests: signing in by role, asking the API directly, and reading the tables the page shows. */
import type { Page } from 'playwright-core';

export const AGENCY = { email: 'agency@demo.test', password: 'demo-password' };
export const ADMIN = { email: 'admin@demo.test', password: 'demo-password' };

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface ApiRow {
  skill: { id: string; label: string; framework: string };
  demand: Cell;
  supply: Cell;
  ratio: Cell;
}

export interface ApiReport {
  totalRows: number;
  threshold: number;
  rows: ApiRow[];
}

export interface ApiTrend {
  skill: { id: string; label: string };
  points: { takenAt: string; demand: Cell; supply: Cell; ratio: Cell }[];
}

/** Signs in through the sign-in page and waits for the page the role starts on. */
export async function signInThroughPage(
  page: Page,
  origin: string,
  account: { email: string; password: string },
  landing: RegExp,
): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(landing);
}

export async function pageToken(page: Page): Promise<string> {
  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('talent-directory.session') ?? '{}') as { token?: string }).token,
  );
  if (!token) throw new Error('the page holds no session');
  return token;
}

export async function gql<T>(origin: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function tokenFor(origin: string, account: { email: string; password: string }): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    origin,
    null,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: account.email, p: account.password },
  );
  return data.login.token;
}

const CELL = '{ value suppressed }';

export async function reportDirectly(origin: string, token: string, input: Record<string, unknown>): Promise<ApiReport> {
  const data = await gql<{ skillGapReport: ApiReport }>(
    origin,
    token,
    `query($input: SkillGapInput!) { skillGapReport(input: $input) { totalRows threshold rows { skill { id label framework } demand ${CELL} supply ${CELL} ratio ${CELL} } } }`,
    { input },
  );
  return data.skillGapReport;
}

export async function trendDirectly(origin: string, token: string, input: Record<string, unknown>): Promise<ApiTrend[]> {
  const data = await gql<{ skillGapTrend: ApiTrend[] }>(
    origin,
    token,
    `query($input: SkillGapTrendInput!) { skillGapTrend(input: $input) { skill { id label } points { takenAt demand ${CELL} supply ${CELL} ratio ${CELL} } } }`,
    { input },
  );
  return data.skillGapTrend;
}

/** Waits until the report finished loading (rows shown, nothing stale or spinning). */
export async function waitForReport(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const busy = document.querySelector('[role="status"] .spinner') !== null || document.querySelector('.report.stale') !== null;
      const done = document.querySelector('table.data tbody tr[data-skill]') !== null || document.querySelector('.report .empty') !== null;
      return done && !busy;
    },
    null,
    { timeout: 20_000 },
  );
}

export interface ShownRow {
  id: string;
  demand: string;
  supply: string;
  ratio: string;
}

/** The rows of the "Top gaps in numbers" table as the page shows them. */
export async function shownGapRows(page: Page): Promise<ShownRow[]> {
  return page.$$eval('tr[data-skill]', (rows) =>
    rows.map((row) => {
      const text = (column: string) => row.querySelector(`[data-column="${column}"]`)?.textContent?.trim() ?? '';
      return { id: row.getAttribute('data-skill') ?? '', demand: text('demand'), supply: text('supply'), ratio: text('ratio') };
    }),
  );
}

/** The page's wording of a published count, computed here from the API's answer. */
export function expectedCount(cell: Cell, threshold: number): string {
  return cell.suppressed || cell.value === null ? `fewer than ${threshold}` : cell.value.toLocaleString('en-US');
}

export function expectedRatio(cell: Cell): string {
  if (cell.suppressed) return 'not shown';
  if (cell.value === null) return 'no verified earners';
  return cell.value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** Every count cell on the page (gap, region and trend tables): text that must never be a number from 1 to threshold - 1. */
export async function shownCountCells(page: Page): Promise<string[]> {
  return page.$$eval('table.data td.count', (cells) => cells.map((c) => c.textContent?.trim() ?? ''));
}

/** Parses the export (no quoted commas in counts; labels may be quoted). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r\n/).filter(Boolean)) {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        fields.push(field);
        field = '';
      } else field += c;
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}
