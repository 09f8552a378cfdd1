// Crosswalks, projection, mapping sets and OSCAL downloads in the browser, against the demo workspace.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, ids, launch, login, newPage, outDir, screenshot, viewer } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36);

async function crosswalk(page: Page, org: number, query: Record<string, string>) {
  await page.goto(`${baseUrl}/#/org/${org}/crosswalk?${new URLSearchParams(query)}`);
  await page.getByTestId('crosswalk-table').or(page.getByText('No relationship', { exact: true })).waitFor();
}

describe('crosswalks in the web UI', () => {
  test('the crosswalk TR 27103 → CSF 2.0 shows a node’s relationships with the path that justifies them', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    const { org } = await ids(page);
    await crosswalk(page, org, { from: 'iso-tr-27103-2018', to: 'nist-csf-2.0', node: 'ID.BE-2' });
    // ID.BE-2 is CSF 1.1 ID.BE-2 (equal), which NIST incorporated into GV.OC-01; GV.OC-01 does not
    // state the place in critical infrastructure, so the two only intersect.
    const row = page.locator('tr[data-source="ID.BE-2"][data-target="GV.OC-01"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toContain('intersects-with');
    const hops = (await row.getByRole('list', { name: 'Path of ID.BE-2' }).textContent()) ?? '';
    expect(hops).toMatch(/ID\.BE-2.*equal.*nist-csf-1\.1.*ID\.BE-2.*intersects-with.*GV\.OC-01/s);
    await row.getByText(/2 mapping sets/).click();
    await row.getByText('iso-tr-27103-2018-to-nist-csf-1.1').waitFor();
    await row.getByText('nist-csf-1.1-to-nist-csf-2.0').waitFor();
    // The counts at the top add up to the total of the filtered crosswalk.
    await expect.poll(() => page.getByTestId('count-intersects-with').textContent(), { timeout: 10_000 }).toMatch(/intersects-with\s*[1-9]/);

    // An empty FROM in the address (a hand-edited link) falls back to the default, not to a broken request.
    await crosswalk(page, org, { from: '', to: 'nist-csf-2.0' });
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('iso-tr-27103-2018');

    // The whole crosswalk, for the documentation's screenshot.
    await crosswalk(page, org, { from: 'iso-tr-27103-2018', to: 'nist-csf-2.0' });
    await page.getByText(/1–50 of \d+/).waitFor();
    await page.locator('tr[data-source="ID.BE-4"]').first().getByText(/2 mapping sets/).click();
    await screenshot(page, 'crosswalk');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('projecting the current profile onto CSF 2.0: a dry run, then apply, then the new profile in the editor', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    const name = `Current state on CSF 2.0 (${stamp})`;
    await crosswalk(page, org, { from: 'iso-tr-27103-2018', to: 'nist-csf-2.0' });
    await page.getByRole('button', { name: 'Project onto framework…' }).click();
    await page.getByLabel('Destination framework').selectOption('nist-csf-2.0');
    await page.getByLabel('Destination profile name').fill(name);
    await page.getByRole('button', { name: 'Preview (dry run)' }).click();
    const result = page.getByTestId('projection');
    await result.waitFor();
    expect(await result.getByRole('status').textContent()).toContain('nothing is written yet');
    const projected = Number((await page.getByTestId('outcome-projected').textContent())?.match(/(\d+)\s*$/)?.[1]);
    expect(projected).toBeGreaterThan(0);
    const row = page.locator('tr[data-projected="GV.OC-01"]');
    const level = ((await row.locator('td').nth(2).textContent()) ?? '').trim();
    const explanation = ((await row.locator('.explanation').textContent()) ?? '').trim();
    expect(await row.locator('td').nth(1).textContent()).toContain('partial');
    expect(explanation).toMatch(/provisional level/);
    await screenshot(page, 'projection');
    // The dry run wrote nothing.
    const before = await page.evaluate(async (o) => (await (await fetch(`/api/v1/organizations/${o}/profiles?limit=500`)).json()).items.map((p: { name: string }) => p.name), org);
    expect(before).not.toContain(name);

    await page.getByRole('button', { name: /^Apply: write \d+ nodes/ }).click();
    await page.getByTestId('projection-open').click();
    const node = page.locator('tr[data-node="GV.OC-01"]');
    await node.waitFor();
    await expect.poll(() => page.getByLabel('Level of GV.OC-01', { exact: true }).inputValue(), { timeout: 10_000 }).toBe(level);
    await page.getByRole('button', { name: 'Details of GV.OC-01' }).click();
    const notes = (await page.getByTestId('notes-text').textContent()) ?? '';
    expect(notes).toContain('Projected from');
    expect(notes).toContain(explanation);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a mapping set made in the UI, with one mapping, shows in the crosswalk; a bad node is refused, naming the field', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    // No chain relates TR 27103 PR.AC-1 to CSF 2.0 until this set does.
    await crosswalk(page, org, { from: 'iso-tr-27103-2018', to: 'nist-csf-2.0', node: 'PR.AC-1' });
    expect(await page.locator('tr[data-source="PR.AC-1"]').count()).toBe(0);

    await page.goto(`${baseUrl}/#/org/${org}/mappings`);
    await page.getByRole('button', { name: 'New mapping set' }).click();
    const setName = `e2e-${stamp}`;
    await page.getByLabel('Name', { exact: true }).fill(setName);
    await page.getByLabel('Title', { exact: true }).fill('Identity management, read by the plant');
    await page.getByLabel('Source catalog').fill('iso-tr-27103-2018');
    await page.getByLabel('Target catalog').fill('nist-csf-2.0');
    await page.getByRole('button', { name: 'Create' }).click();
    const add = page.getByRole('form', { name: 'Add a mapping' });
    await add.waitFor();

    await page.getByLabel('Mapping source').fill('PR.AC-99');
    await page.getByLabel('Mapping targets').fill('PR.AA-01');
    await add.getByRole('button', { name: 'Add' }).click();
    const fieldError = add.getByRole('alert');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toMatch(/source: .*PR\.AC-99/);
    expect(await page.getByRole('heading', { name: '0 mappings' }).count()).toBe(1);

    await page.getByLabel('Mapping source').fill('PR.AC-1');
    await page.getByLabel('Mapping relationship').selectOption('equivalent');
    await page.getByLabel('Mapping rationale').fill('Both ask that identities and credentials be managed.');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.locator('tr[data-mapping="PR.AC-1"]').waitFor();
    await page.getByRole('heading', { name: '1 mapping' }).waitFor();

    await crosswalk(page, org, { from: 'iso-tr-27103-2018', to: 'nist-csf-2.0', node: 'PR.AC-1' });
    const row = page.locator('tr[data-source="PR.AC-1"][data-target="PR.AA-01"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toContain('equivalent');
    await row.getByText(/1 mapping set/).click();
    expect(await row.locator('.hop-details').textContent()).toContain(`${setName} (workspace)`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer sees the crosswalk but no project or create buttons', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    const { org, profile } = await ids(page);
    await crosswalk(page, org, { from: 'iso-tr-27103-2018', to: 'nist-csf-2.0', node: 'ID.BE-2' });
    await page.locator('tr[data-source="ID.BE-2"]').first().waitFor();
    expect(await page.getByRole('button', { name: /Project onto/ }).count()).toBe(0);
    await page.goto(`${baseUrl}/#/org/${org}/mappings`);
    await page.getByRole('heading', { name: /mapping sets$/ }).first().waitFor();
    expect(await page.getByRole('button', { name: 'New mapping set' }).count()).toBe(0);
    await page.goto(`${baseUrl}/#/org/${org}/editor/${profile}`);
    await page.locator('tr[data-node="ID.AM-1"]').waitFor();
    expect(await page.getByRole('button', { name: /Project onto/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the framework browser downloads an OSCAL catalog as JSON with a catalog root', async () => {
    const { context, page } = await newPage(browser);
    await login(page, admin);
    await page.goto(`${baseUrl}/#/frameworks/nist-csf-2.0`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('oscal-catalog-json').click()]);
    const path = join(outDir, 'nist-csf-2.0-oscal.json');
    await download.saveAs(path);
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(Object.keys(doc)).toEqual(['catalog']);
    expect(doc.catalog.metadata.title).toBeTruthy();
    expect(doc.catalog.groups.length).toBeGreaterThan(0);
    await context.close();
  });
});
