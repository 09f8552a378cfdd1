// Drives Debian's headless Chromium (no browser download: playwright-core with an executable path)
// against the server scripts/e2e started. Settings come from the environment:
//   CF_BASE_URL    http://127.0.0.1:PORT of `cyberframe serve`
//   CF_OUT         where screenshots go
//   CF_ADMIN, CF_EDITOR, CF_VIEWER   "name:password" of the three accounts
//   CF_ORG         the demo organization's name
//   CHROMIUM       the browser (default /usr/bin/chromium)
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set; run the browser tests with scripts/e2e`);
  return v;
}

export const baseUrl = env('CF_BASE_URL').replace(/\/$/, '');
export const outDir = process.env.CF_OUT ?? mkdtempSync(join(tmpdir(), 'cf-e2e-out-'));
mkdirSync(outDir, { recursive: true });
export const orgName = process.env.CF_ORG ?? 'Demo Manufacturing Ltd';

export interface Account {
  name: string;
  password: string;
}
function account(variable: string): Account {
  const v = env(variable);
  const at = v.indexOf(':');
  return { name: v.slice(0, at), password: v.slice(at + 1) };
}
export const admin = account('CF_ADMIN');
export const editor = account('CF_EDITOR');
export const viewer = account('CF_VIEWER');

// Playwright gives the browser a fresh temporary profile (--user-data-dir) of its own.
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A fresh context (its own cookie jar: one session) with a page whose errors fail the test.
export async function newPage(browser: Browser, width = 1280, height = 900): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|403|412|422|429)/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function login(page: Page, who: Account): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Views' }).waitFor();
}

// The id of the demo organization and of its current profile, through the page's own session.
export async function ids(page: Page): Promise<{ org: number; profile: number }> {
  return page.evaluate(async (name) => {
    const orgs = await (await fetch('/api/v1/organizations')).json();
    const org = orgs.items.find((o: { name: string }) => o.name === name).id;
    const profiles = await (await fetch(`/api/v1/organizations/${org}/profiles`)).json();
    const profile = profiles.items.find((p: { kind: string }) => p.kind === 'current').id;
    return { org, profile };
  }, orgName);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
