/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser),
 * with a fresh profile per launch, plus the page helpers the browser tests
 * share: axe checks and screenshots.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  /** A new page; each page of one browser shares the profile (and so the stored session). */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Browser tests always run; a missing Chromium is a failure that says how to install it. */

export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), or set CHROMIUM_PATH.`);
}

export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  requireChromium();
  const profile = mkdtempSync(path.join(tmpdir(), 'web-test-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    acceptDownloads: true,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async newPage(size) {
      const page = await context.newPage();
      // Script errors in the page fail loudly in the test output.
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
      });
      if (size) await page.setViewportSize(size);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (WCAG 2.x A and AA rules); returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a script tag, so the page's Content-Security-Policy does not block it;
  // once per document (half a megabyte of script to parse again on every check of the same page).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // Every rule still runs on every node; only the violations are reported in full (passes are not collected).
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Whole-page screenshots only when asked for (`SCREENSHOTS=full`): they resize the page to its full height,
 * which lays out (and redraws the charts of) a long page again, 2-8 s each on a busy 2-core machine against
 * about 0.1-0.3 s for the visible part. The default keeps what a tester looks at first: the first screen.
 */
const FULL_PAGE_SCREENSHOTS = process.env.SCREENSHOTS === 'full';

/** Saves a PNG under test-artifacts/screenshots: the visible part, or the whole page with SCREENSHOTS=full unless `fullPage` is false. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: fullPage && FULL_PAGE_SCREENSHOTS });
  return file;
}
