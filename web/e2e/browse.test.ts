// Finding one's way: the framework browser opens on the organization's framework, functions in the
// framework's order, pickers naming "ID — title", and the gaps filtered by the server and exported.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, editor, ids, launch, login, newPage, outDir, screenshot, viewer } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

// The framework of the organization's first current profile (the API lists profiles by name), and
// the first framework of the catalog (what the browser used to open on).
async function frameworks(page: Page, org: number): Promise<{ assessed: string; first: string }> {
  return page.evaluate(async (o) => {
    const profiles = await (await fetch(`/api/v1/organizations/${o}/profiles?limit=1000`)).json();
    const list = await (await fetch('/api/v1/frameworks?limit=500')).json();
    const current = profiles.items.find((p: { kind: string }) => p.kind === 'current');
    return { assessed: current.framework, first: list.items[0].id };
  }, org);
}

const hashFramework = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace(/^#\/frameworks\/?/, '').split('?')[0]);

describe('finding one’s way', () => {
  test('the framework browser opens on the framework the organization assesses, with a search example of its own', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    const { assessed, first } = await frameworks(page, org);
    expect(assessed).not.toBe(first); // otherwise this test could not tell the two apart
    await page.goto(`${baseUrl}/#/org/${org}/dashboard`);
    await page.getByRole('link', { name: 'Frameworks', exact: true }).click();
    await expect.poll(() => hashFramework(page)).toBe(assessed);
    const picker = page.getByLabel('Framework', { exact: true });
    await expect.poll(() => picker.inputValue()).toBe(assessed);
    // The picker names each framework "id — title".
    const label = await picker.locator(`option[value="${assessed}"]`).textContent();
    expect(label).toMatch(new RegExp(`^${assessed.replace(/[.]/g, '\\.')} — \\S`));

    // The search example is an id of this framework: searching for it finds its node.
    const search = page.getByLabel('Search nodes');
    await expect.poll(async () => (await search.getAttribute('placeholder')) ?? '').toMatch(/e\.g\. \S+/);
    const example = /e\.g\. (\S+)/.exec((await search.getAttribute('placeholder')) ?? '')![1];
    await search.fill(example);
    await page.locator('.tree-item .node-id', { hasText: new RegExp(`^${example.replace(/[.]/g, '\\.')}$`) }).first().waitFor();

    // Another framework, another example: CSF 2.0's begins with Govern.
    await picker.selectOption('nist-csf-2.0');
    await expect.poll(async () => (await search.getAttribute('placeholder')) ?? '').toMatch(/e\.g\. GV\./);
    expect(await search.inputValue()).toBe(''); // the other framework's search is not kept
    await screenshot(page, 'frameworks-opened');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the reverse look-up names each outcome and framework by title', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    await page.goto(`${baseUrl}/#/frameworks/iso-tr-27103-2018?standard=${encodeURIComponent('ISO/IEC 27002:2022')}&clause=8.8`);
    const cell = page.locator('td', { has: page.getByRole('link', { name: 'ID.RA-1' }) }).first();
    await cell.waitFor();
    await expect.poll(async () => (await cell.getAttribute('title')) ?? '').toMatch(/^ID\.RA-1 — \S/);
    expect((await cell.textContent())?.replace('ID.RA-1', '').trim().length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the assessments table lists the functions in the framework’s order', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/assessments`);
    const heads = page.getByTestId('function-column');
    await heads.first().waitFor();
    expect(await heads.allTextContents()).toEqual(['ID', 'PR', 'DE', 'RS', 'RC']);
    expect(await heads.first().getAttribute('title')).toMatch(/^ID — \S/);
    // The profile picker names the framework by its title.
    const option = page.locator('.page-head select option').first();
    expect(await option.textContent()).toMatch(/\(current\) — ISO\/IEC TR 27103/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('gaps: the server filters the ranking, the view says how many it shows, and the export holds what it shows', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/gaps`);
    const shown = page.getByTestId('gaps-shown');
    await expect.poll(() => shown.textContent()).toMatch(/^\d+ outcomes ranked$/);
    const ranked = Number(/^(\d+)/.exec((await shown.textContent()) ?? '')![1]);
    const openBefore = await page.locator('.page-head p.muted').textContent();

    await page.getByLabel('Filter by function').selectOption('RS');
    await expect.poll(() => shown.textContent()).toMatch(new RegExp(`^\\d+ of ${ranked} outcomes shown$`));
    const kept = Number(/^(\d+)/.exec((await shown.textContent()) ?? '')![1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(ranked);
    await expect.poll(async () => (await page.locator('.gap-table .g-node').allTextContents()).every((t) => t.trim().startsWith('RS.'))).toBe(true);
    expect(await page.locator('.gap-table tbody tr').count()).toBe(kept);
    // The figures stay the whole profile's.
    expect(await page.locator('.page-head p.muted').textContent()).toBe(openBefore);
    // The categories offered are those of the function.
    const categories = await page.getByLabel('Filter by category').locator('option').allTextContents();
    expect(categories.slice(1).every((c) => c.startsWith('RS.'))).toBe(true);

    // The export link asks for the same filter; the file holds the rows shown.
    const csv = page.getByTestId('gaps-export-csv');
    expect(await csv.getAttribute('href')).toMatch(/\/api\/v1\/profiles\/\d+\/gaps\/export\?.*function=RS/);
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    const path = join(outDir, 'gaps-rs.csv');
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('rank,node,level,outcome,current,target,gap,priority,owner,score');
    expect(lines.length - 1).toBe(kept);
    expect(lines.slice(1).every((l) => l.split(',')[1].startsWith('RS.'))).toBe(true);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('gaps-export-xlsx').click()]);
    const xpath = join(outDir, 'gaps-rs.xlsx');
    await xlsx.saveAs(xpath);
    expect(readFileSync(xpath).subarray(0, 2).toString()).toBe('PK');

    // A minimum gap narrows it further; clearing shows the whole ranking again.
    await page.getByLabel('Minimum gap').fill('3');
    await expect.poll(async () => {
      const gaps = await page.locator('.gap-table .g-gap').allTextContents();
      return gaps.length > 0 ? gaps.every((g) => Number(g) >= 3) : (await page.getByText('No gap matches the filter').count()) > 0;
    }).toBe(true);
    await expect.poll(async () => (await csv.getAttribute('href')) ?? '').toContain('min_gap=3');
    await screenshot(page, 'gaps-filtered');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => shown.textContent()).toBe(`${ranked} outcomes ranked`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the crosswalk pickers name each framework and node with its title', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/crosswalk?from=iso-tr-27103-2018&to=nist-csf-2.0`);
    const from = page.getByLabel('From', { exact: true });
    await from.locator('option[value="nist-csf-2.0"]').waitFor({ state: 'attached' });
    expect(await from.locator('option[value="nist-csf-2.0"]').textContent()).toMatch(/^nist-csf-2\.0 — \S/);
    await page.locator('#crosswalk-from-nodes option[value="ID.AM-1"]').waitFor({ state: 'attached' });
    expect(await page.locator('#crosswalk-from-nodes option[value="ID.AM-1"]').getAttribute('label')).toMatch(/^ID\.AM-1 — \S/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
