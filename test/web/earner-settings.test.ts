/**
 * An earner in a real browser: signs in with the one-time link read from the
 * outbox, opts out, previews what employers see, and disappears from an
 * employer's search (in another browser) at once; exports and deletes their data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EarnerRecord } from '../../scripts/demo/types.ts';
import { claimTokenFrom } from '../support/account-api.ts';
import { launchBrowser, requireChromium, screenshot, seriousAxeViolations, type Browser } from './support/browser.ts';
import { listedEarner, shownName, signInAsEmployer, waitForResults } from './support/flows.ts';
import { startWebStack, type WebStack } from './support/web-stack.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasName } from '../../mappings/indices.ts';
import { generateIssuerKey, publicKeyDocument, signOb3Jwt } from '../../scripts/demo/signing/sign.ts';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createPinnedLoader } from '../../indexer/verify/document-loader.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { registryEntry } from '../support/issuer-registry.ts';

describe('an earner manages their directory presence in the browser', () => {
  let stack: WebStack;
  let employerBrowser: Browser;
  let earnerBrowser: Browser;
  let employer: Page;
  let earnerPage: Page;
  let earner: EarnerRecord;

  /** Searches the earner's name as the employer; returns the names of the cards found. */
  async function employerFinds(name: string): Promise<string[]> {
    await employer.goto(`${stack.url}/search?q=${encodeURIComponent(name)}`);
    await waitForResults(employer);
    return employer.locator('.hits h3').allTextContents();
  }

  beforeAll(async () => {
    requireChromium();
    stack = await startWebStack('web-earner', { seed: 9, intake: true });
    earner = listedEarner(stack.dataset, (r) => r.badges.length >= 2);
    employerBrowser = await launchBrowser();
    earnerBrowser = await launchBrowser();
    employer = await employerBrowser.newPage();
    earnerPage = await earnerBrowser.newPage();
    await signInAsEmployer(employer, stack.url);
  }, 300_000);
  afterAll(async () => {
    await employerBrowser?.close();
    await earnerBrowser?.close();
    await stack?.close();
  });

  it('asks for a sign-in link and claims the profile with it', async () => {
    expect(await employerFinds(shownName(earner))).toContain(shownName(earner));

    await earnerPage.goto(`${stack.url}/sign-in`);
    await earnerPage.getByLabel('Your email address').fill(earner.email);
    await earnerPage.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await earnerPage.getByText(/link/i, { exact: false }).locator('visible=true').first().waitFor();
    await expect.poll(() => claimTokenFrom(stack.outbox(), earner.email)).toBeTruthy();
    const token = claimTokenFrom(stack.outbox(), earner.email)!;

    await earnerPage.goto(`${stack.url}/claim?token=${token}`);
    await earnerPage.getByRole('heading', { name: 'Claim your profile' }).waitFor();
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
    await screenshot(earnerPage, 'claim');
    await earnerPage.getByLabel('New password').fill('earner-password-1');
    await earnerPage.getByLabel('Repeat the password').fill('earner-password-1');
    await earnerPage.getByRole('button', { name: 'Claim my profile' }).click();
    await earnerPage.waitForURL(/\/me/);
    await earnerPage.getByRole('heading', { name: 'My directory settings' }).waitFor();
    await earnerPage.getByLabel('List me in the employer directory').waitFor();
  });

  it('shows the settings as saved, with every badge, hidden after claiming until the earner lists themselves', async () => {
    await expect(earnerPage.getByLabel('List me in the employer directory').isChecked()).resolves.toBe(false);
    const badgeBoxes = earnerPage.getByRole('region', { name: 'Badges employers see' }).getByRole('checkbox');
    await expect(badgeBoxes.count()).resolves.toBe(earner.badges.length);
    await screenshot(earnerPage, 'earner-settings');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
  });

  it('hides one badge: the preview and the employer both stop showing it', async () => {
    const badge = earner.badges.find((b) => b.visible && b.status === 'VERIFIED')!;
    await earnerPage.getByLabel('List me in the employer directory').check();
    await earnerPage.getByLabel(`Show ${badge.badgeClassName}`).first().uncheck();
    await earnerPage.getByRole('button', { name: 'Save settings' }).click();
    await earnerPage.getByText('Saved. Employers see these changes in search now.').waitFor();
    await employer.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await employer.getByRole('heading', { level: 1, name: shownName(earner) }).waitFor();
    const shownBadges = earner.badges.filter((b) => b.visible && b.credentialId !== badge.credentialId);
    await expect(employer.getByRole('heading', { level: 2, name: /^Badges/ }).textContent()).resolves.toBe(
      `Badges (${shownBadges.length})`,
    );
  });

  it('opts out: the preview says employers cannot find them, and the employer search no longer does', async () => {
    await earnerPage.getByLabel('List me in the employer directory').uncheck();
    await earnerPage.getByRole('button', { name: 'Save settings' }).click();
    await earnerPage.getByText('Saved. You are not listed: employers cannot find you.').waitFor();

    await earnerPage.getByRole('link', { name: 'Preview as an employer' }).first().click();
    await earnerPage.waitForURL(/\/me\/preview/);
    await earnerPage.getByText(/Employers can't find you now/).waitFor();
    await earnerPage
      .getByRole('heading', { level: 3, name: shownName(earner) })
      .first()
      .waitFor();
    await screenshot(earnerPage, 'earner-preview');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);

    expect(await employerFinds(shownName(earner))).not.toContain(shownName(earner));
    await employer.goto(`${stack.url}/earners/${encodeURIComponent(earner.earnerId)}`);
    await employer.getByRole('heading', { name: 'Profile not available' }).waitFor();
  });

  it('adds badges from files and links, with each result in plain words at once; axe clean at desktop and phone width', async () => {
    const key = await generateIssuerKey(new Uint8Array(32).fill(77));
    const entry = registryEntry(key.did, 'Lakeside Training Center');
    await stack.indices.client.index({ index: aliasName(stack.indices.prefix, 'issuers'), id: entry.id, document: entry, refresh: true });
    const signed = async (email: string, name: string) => {
      const credential = ob3Credential(
        key.did,
        { issuer: { id: key.did, type: ['Profile'], name: 'Lakeside Training Center' } },
        email,
      ) as {
        credentialSubject: { achievement: Record<string, unknown> };
      };
      credential.credentialSubject.achievement = {
        ...credential.credentialSubject.achievement,
        id: `https://lakeside.example/${name}`,
        name,
      };
      return signOb3Jwt(credential as unknown as Record<string, unknown>, key);
    };
    const folder = mkdtempSync(join(tmpdir(), 'add-badges-'));
    const mine = join(folder, 'forklift.jwt');
    const theirs = join(folder, 'someone-else.jwt');
    writeFileSync(mine, await signed(earner.email, 'Lakeside Forklift Safety'));
    writeFileSync(theirs, await signed('someone.else@example.net', 'Lakeside Crane Basics'));

    await earnerPage.goto(`${stack.url}/me`);
    const section = earnerPage.getByRole('region', { name: 'Add badges' });
    await section.getByLabel('Badge files').setInputFiles([mine, theirs]);
    await section.getByLabel(/Links to badges/).fill('http://10.0.0.1/badge.json');
    await section.getByRole('button', { name: 'Add badges' }).click();
    await section.getByText('Done: checked 3 of 3').waitFor();
    await expect(section.getByRole('progressbar').getAttribute('value')).resolves.toBe('3');
    const results = section
      .getByRole('list', { name: 'Results' })
      .getByRole('listitem')
      .filter({ has: earnerPage.locator('.label') });
    await expect(results.nth(0).textContent()).resolves.toMatch(/Added: Lakeside Forklift Safety.*verified, from a recognized issuer/);
    await expect(results.nth(1).textContent()).resolves.toMatch(/Not added.*issued to someone else, not to your email address/);
    await expect(results.nth(2).textContent()).resolves.toMatch(/Not added.*could not be read or fetched/);
    // The new badge is in the list of badges employers see, without reloading the page.
    await earnerPage.getByLabel('Show Lakeside Forklift Safety').waitFor();
    await screenshot(earnerPage, 'earner-add-badges');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);

    await earnerPage.setViewportSize({ width: 390, height: 844 });
    await section.getByRole('button', { name: 'Add badges' }).scrollIntoViewIfNeeded();
    await expect(earnerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await screenshot(earnerPage, 'earner-add-badges-phone');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
    await earnerPage.setViewportSize({ width: 1280, height: 900 });
  });

  it('links a DID by signing the challenge shown, refuses a replayed answer, removes it; axe clean at desktop and phone width', async () => {
    const wallet = await generateIssuerKey(new Uint8Array(32).fill(78));
    // Signed outside the browser, as a wallet does (Digital Bazaar's vc library, proof purpose authentication).
    const sign = (challenge: string, domain: string) =>
      vc.signPresentation({
        presentation: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder: wallet.did },
        suite: new DataIntegrityProof({ signer: wallet.keyPair.signer(), cryptosuite: eddsaRdfc2022 }),
        challenge,
        domain,
        documentLoader: createPinnedLoader(new Map([[wallet.keyId, publicKeyDocument(wallet)]])).load,
      });

    await earnerPage.goto(`${stack.url}/me`);
    const section = earnerPage.getByRole('region', { name: 'Link a DID' });
    await section.getByText('None yet.').waitFor();
    await section.getByRole('button', { name: 'Get a challenge' }).click();
    const challenge = (await section.getByTestId('did-challenge').textContent())!;
    const domain = (await section.getByTestId('did-domain').textContent())!;
    const signed = JSON.stringify(await sign(challenge, domain));
    await section.getByLabel('Signed presentation').fill(signed);
    await section.getByRole('button', { name: 'Link DID' }).click();
    await section.getByTestId('did-result').getByText(`Linked ${wallet.did}`).waitFor();
    await section.getByRole('list', { name: 'Linked DIDs' }).getByText(wallet.did).waitFor();
    await screenshot(earnerPage, 'earner-link-did');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);

    // The same answer again (a replay) is refused with its code, in words.
    await section.getByRole('button', { name: 'Get a challenge' }).click();
    await section.getByLabel('Signed presentation').fill(signed);
    await section.getByRole('button', { name: 'Link DID' }).click();
    await expect(section.getByTestId('did-result').textContent()).resolves.toMatch(/CHALLENGE_USED.*used already; each works once/);

    await earnerPage.setViewportSize({ width: 390, height: 844 });
    await section.getByRole('button', { name: `Remove ${wallet.did}` }).scrollIntoViewIfNeeded();
    await expect(earnerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await screenshot(earnerPage, 'earner-link-did-phone');
    expect(await seriousAxeViolations(earnerPage)).toEqual([]);
    await section.getByRole('button', { name: `Remove ${wallet.did}` }).click();
    await section.getByText('None yet.').waitFor();
    await earnerPage.setViewportSize({ width: 1280, height: 900 });
  });

  it('exports their data as a JSON download', async () => {
    await earnerPage.goto(`${stack.url}/me`);
    const [download] = await Promise.all([
      earnerPage.waitForEvent('download'),
      earnerPage.getByRole('button', { name: 'Export my data (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('my-talent-directory-data.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain(earner.earnerId);
  });

  it('deletes their data only after typing the confirmation, then is signed out', async () => {
    await earnerPage.getByRole('button', { name: 'Delete my data…' }).click();
    const dialog = earnerPage.getByRole('dialog', { name: 'Delete all my data?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete my data' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/to confirm/).fill('DELETE MY DATA');
    await screenshot(earnerPage, 'earner-delete-confirm');
    await confirm.click();
    await earnerPage.waitForURL(/\/sign-in/);
    await earnerPage.getByText('Your data was deleted from the directory, and you were signed out.').waitFor();
  });
});
