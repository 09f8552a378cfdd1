// An organization's own frameworks in the browser, in an organization of their own made on the
// demo workspace (so that the profile this file starts does not change what the other files find
// in the demo organization, which they share with it): a framework built
// node by node in the editor while the live TS 27110 check follows (non-conformant until the five
// concepts each have a category), saved, found in the catalog and the framework browser, assessed
// in a profile; edited to version 2; two sessions editing it (412, the conflict dialog); leaving
// with unsaved changes; a copy of a built-in framework; an OSCAL import; delete (refused while a
// profile uses the framework, done when none does); the view at 390, 1366 and 1920 px.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, launch, login, newPage, outDir, screenshot, viewer } from './harness';

let browser: Browser;
const stamp = Date.now().toString(36);
const fwId = `e2e-ot-${stamp}`;
const copyId = `e2e-copy-${stamp}`;
const importId = `e2e-oscal-${stamp}`;

// The organization this file works in, with the editor and the viewer given their roles in it;
// its name sorts after the demo organization's, which stays the one the app opens on.
let ownOrg = 0;

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await login(page, admin);
  ownOrg = await page.evaluate(
    async ({ name, editorName, viewerName }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const headers = { 'X-CSRF-Token': session.csrf_token, 'Content-Type': 'application/json' };
      const made = await fetch('/api/v1/organizations', { method: 'POST', headers, body: JSON.stringify({ name, scope: 'OT plants' }) });
      const id = (await made.json()).id;
      for (const [who, role] of [[editorName, 'editor'], [viewerName, 'viewer']])
        await fetch(`/api/v1/users/${who}/roles/${id}`, { method: 'PUT', headers, body: JSON.stringify({ role }) });
      return id as number;
    },
    { name: `Zeta Plants ${stamp}`, editorName: editor.name, viewerName: viewer.name },
  );
  expect(ownOrg).toBeGreaterThan(0);
  await context.close();
});

async function ids(_page: Page): Promise<{ org: number }> {
  return { org: ownOrg };
}

afterAll(async () => {
  await browser?.close();
});

const node = (page: Page) => page.locator('.fwe-node');
const status = (page: Page) => page.getByTestId('check-status');

// Waits for the live check to say `ok` with the counts given.
async function checked(page: Page, ok: boolean, counts: Partial<Record<'functions' | 'categories' | 'subcategories', number>>) {
  for (const [k, v] of Object.entries(counts)) {
    await expect.poll(() => page.getByTestId(`count-${k}`).textContent(), { timeout: 10_000, message: `${k} counted` }).toBe(String(v));
  }
  await expect.poll(() => status(page).getAttribute('data-ok'), { timeout: 10_000, message: 'the check status' }).toBe(String(ok));
}

async function fillNode(page: Page, fields: { id: string; title?: string; description?: string }) {
  const id = node(page).getByLabel('Node id');
  // A new node's id field has the focus, with a suggested id in it.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '')).not.toBe('');
  await id.fill(fields.id);
  if (fields.title !== undefined) await node(page).getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.description !== undefined) await node(page).getByLabel('Description', { exact: true }).fill(fields.description);
}

async function pickNode(page: Page, id: string) {
  await page.locator(`.fwe-tree button[data-node="${id}"]`).click();
  await expect.poll(() => node(page).getByLabel('Node id').inputValue()).toBe(id);
}

async function api<T>(page: Page, method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ status: number; body: T; etag: string | null }> {
  return page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const headers: Record<string, string> = { 'X-CSRF-Token': session.csrf_token };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (ifMatch) headers['If-Match'] = ifMatch;
      const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null, etag: r.headers.get('ETag') };
    },
    { method, path, body, ifMatch },
  );
}

describe('frameworks of our own', () => {
  test('built in the editor, checked live until conformant, saved, in the catalog and the browser, assessed in a profile', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
    await page.getByRole('heading', { name: 'Our frameworks' }).waitFor();
    await page.getByRole('link', { name: 'New framework' }).click();
    await page.getByRole('heading', { name: 'New framework' }).waitFor();

    const fields = page.locator('.fw-fields');
    await fields.getByLabel('Id', { exact: true }).fill(fwId);
    await fields.getByLabel('Title', { exact: true }).fill('Acme OT security framework');
    await fields.getByLabel('Short title').fill('Acme OT');
    // Without nodes it does not load: the check says so and why.
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Does not load');
    await page.getByRole('list', { name: 'Diagnostics' }).getByText(/'nodes' is empty/).waitFor();

    // One function, one category, one subcategory with a reference.
    await page.getByRole('button', { name: 'Add function' }).click();
    await fillNode(page, { id: 'ID', title: 'Identify' });
    await node(page).getByRole('button', { name: 'Add category' }).click();
    await fillNode(page, { id: 'ID.AM', title: 'Asset management' });
    await node(page).getByRole('button', { name: 'Add subcategory' }).click();
    await fillNode(page, { id: 'ID.AM-1', description: 'Every controller and HMI of the plant floor is inventoried' });
    await node(page).getByRole('button', { name: 'Add reference' }).click();
    await node(page).getByLabel('Standard of reference 1').fill('iso-iec-27002-2022');
    await node(page).getByLabel('Clauses of reference 1').fill('5.9');
    await checked(page, false, { functions: 1, categories: 1, subcategories: 1 });
    expect(await page.locator('.concept-ok').allTextContents()).toEqual(['Identify']);
    expect(await status(page).textContent()).toContain('Not conformant');
    await screenshot(page, 'framework-editor-partial-1366');

    // Protect without a category: its diagnostic names PR and leads to it.
    await pickNode(page, 'ID');
    await node(page).getByRole('button', { name: 'Add function after' }).click();
    await fillNode(page, { id: 'PR', title: 'Protect' });
    await pickNode(page, 'ID.AM-1');
    const diag = page.getByRole('button', { name: /function PR \(Protect\) has no categories/ });
    await diag.waitFor({ timeout: 10_000 });
    await diag.click();
    await expect.poll(() => node(page).getByLabel('Node id').inputValue()).toBe('PR');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id') ?? '')).toMatch(/node-id$/);
    await node(page).getByRole('button', { name: 'Add category' }).click();
    await fillNode(page, { id: 'PR.AC', title: 'Access control' });

    // The other three concepts, each with one category.
    for (const [fn, title, cat, catTitle] of [
      ['DE', 'Detect', 'DE.CM', 'Continuous monitoring'],
      ['RS', 'Respond', 'RS.RP', 'Response planning'],
      ['RC', 'Recover', 'RC.RP', 'Recovery planning'],
    ]) {
      await pickNode(page, ['PR', 'DE', 'RS'][['DE', 'RS', 'RC'].indexOf(fn)]);
      await node(page).getByRole('button', { name: 'Add function after' }).click();
      await fillNode(page, { id: fn, title });
      await node(page).getByRole('button', { name: 'Add category' }).click();
      await fillNode(page, { id: cat, title: catTitle });
    }
    await checked(page, true, { functions: 5, categories: 5, subcategories: 1 });
    expect(await status(page).textContent()).toContain('Conformant to ISO/IEC TS 27110');
    expect(await page.locator('.concept-missing').count()).toBe(0);
    expect(await page.locator('.fwe-tree button[data-node]').evaluateAll((b) => b.map((x) => x.getAttribute('data-node')))).toEqual([
      'ID', 'ID.AM', 'ID.AM-1', 'PR', 'PR.AC', 'DE', 'DE.CM', 'RS', 'RS.RP', 'RC', 'RC.RP',
    ]);
    await screenshot(page, 'framework-editor-1366');

    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: `Edit ${fwId}` }).waitFor();
    expect(await page.getByTestId('editor-version').textContent()).toContain('version 1');

    // In the list of our frameworks and in the catalog, as a workspace framework.
    await page.getByRole('link', { name: 'Our frameworks' }).first().click();
    const row = page.locator(`tr[data-framework="${fwId}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('11');
    expect(await page.locator(`tr[data-catalog="${fwId}"]`).getByTestId('origin').textContent()).toBe('workspace');
    expect(await page.locator('tr[data-catalog="iso-tr-27103-2018"]').getByTestId('origin').textContent()).toBe('built-in');
    await page.getByLabel('Search our frameworks').fill(`ot-${stamp}`);
    await expect.poll(() => page.locator('tr[data-framework]').count()).toBe(1);
    await page.getByLabel('Search our frameworks').fill(`no-such-${stamp}`);
    await page.getByText(/No framework matches/).waitFor();
    await page.getByLabel('Search our frameworks').fill('');

    const listed = await api<{ items: { id: string; origin?: string; organization?: number }[] }>(page, 'GET', '/api/v1/frameworks?limit=500');
    const item = listed.body.items.find((f) => f.id === fwId);
    expect(item?.origin).toBe('workspace');
    expect(item?.organization).toBe(org);

    // The framework browser shows it, with its origin.
    await page.goto(`${baseUrl}/#/frameworks/${fwId}`);
    await page.getByTestId('framework-origin').waitFor();
    expect(await page.getByTestId('framework-origin').textContent()).toContain('workspace');
    await page.getByRole('button', { name: /ID\.AM-1/ }).click();
    await page.getByText('Every controller and HMI of the plant floor is inventoried').first().waitFor();

    // A profile on it, assessed in the editor.
    await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
    await row.waitFor();
    await page.getByRole('button', { name: `Start a profile on ${fwId}` }).click();
    await page.getByLabel('Profile name').fill(`Acme OT current (${stamp})`);
    await page.getByRole('button', { name: 'Start and assess' }).click();
    await page.locator('tr[data-node="ID.AM-1"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('edited to version 2; a second session’s save is a conflict it can resolve; every version is kept', async () => {
    const a = await newPage(browser, 1366, 900);
    const b = await newPage(browser, 1366, 900);
    await login(a.page, editor);
    await login(b.page, admin);
    const { org } = await ids(a.page);
    for (const p of [a.page, b.page]) {
      await p.goto(`${baseUrl}/#/org/${org}/frameworks/${fwId}`);
      await p.getByRole('heading', { name: `Edit ${fwId}` }).waitFor();
      await pickNode(p, 'ID.AM-1');
    }
    // The id of a stored framework does not change.
    expect(await a.page.locator('.fw-fields').getByLabel('Id', { exact: true }).isDisabled()).toBe(true);

    await node(a.page).getByLabel('Description', { exact: true }).fill('Every controller, HMI and engineering workstation is inventoried');
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => a.page.getByTestId('editor-version').textContent()).toContain('version 2');

    await b.page.locator('.fw-fields').getByLabel('Title', { exact: true }).fill('Acme OT security framework (plant 2)');
    await b.page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = b.page.getByTestId('conflict');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/changed by\s*editor/);
    expect(await dialog.textContent()).toContain('version 2');
    await screenshot(b.page, 'framework-conflict');
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => b.page.getByTestId('editor-version').textContent()).toContain('version 3');
    const now = await api<{ document: { title: string; nodes: { children?: { children?: { description?: string }[] }[] }[] } }>(b.page, 'GET', `/api/v1/frameworks/${fwId}/source`);
    expect(now.body.document.title).toBe('Acme OT security framework (plant 2)');
    // Keep mine wrote my whole document: the other session's description is overwritten.
    expect(now.body.document.nodes[0].children?.[0].children?.[0].description).toBe('Every controller and HMI of the plant floor is inventoried');

    // The versions, newest first, and the YAML of the first.
    await b.page.getByRole('button', { name: 'Versions' }).click();
    const versions = b.page.getByRole('table', { name: 'Versions' });
    await versions.waitFor();
    expect(await versions.locator('tbody tr').evaluateAll((r) => r.map((x) => x.getAttribute('data-version')))).toEqual(['3', '2', '1']);
    await b.page.getByRole('button', { name: 'Show version 2' }).click();
    const yaml = (await b.page.getByTestId('version-yaml').textContent()) ?? '';
    expect(yaml).toContain(`id: ${fwId}`);
    expect(yaml).toContain('engineering workstation');
    expect(yaml).toContain('Acme OT security framework\n');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('leaving the editor with unsaved changes asks first', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/frameworks/${fwId}`);
    await page.getByRole('heading', { name: `Edit ${fwId}` }).waitFor();
    await page.locator('.fw-fields').getByLabel('Publisher').fill('Acme plc');
    await page.getByText('unsaved changes').waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Stay' }).click();
    expect(page.url()).toContain(`/frameworks/${fwId}`);
    expect(await page.locator('.fw-fields').getByLabel('Publisher').inputValue()).toBe('Acme plc');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(/\/dashboard/);
    const stored = await api<{ document: { publisher?: string } }>(page, 'GET', `/api/v1/frameworks/${fwId}/source`);
    expect(stored.body.document.publisher).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a copy of a built-in framework opens in the editor under a new id, conformant, and saves', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    // The organization worked in last is the one the browser's Copy stores into.
    await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
    await page.getByRole('heading', { name: 'Our frameworks' }).waitFor();
    await page.goto(`${baseUrl}/#/frameworks/iso-tr-27103-2018`);
    expect(await page.getByTestId('framework-origin').textContent()).toContain('built-in');
    await page.getByRole('link', { name: 'Copy to edit' }).click();
    await page.getByRole('heading', { name: 'New framework from iso-tr-27103-2018' }).waitFor();
    expect(await page.locator('.fw-fields').getByLabel('Id', { exact: true }).inputValue()).toBe('iso-tr-27103-2018-copy');
    await page.locator('.fw-fields').getByLabel('Id', { exact: true }).fill(copyId);
    await checked(page, true, { functions: 5 });
    const subcategories = Number(await page.getByTestId('count-subcategories').textContent());
    expect(subcategories).toBeGreaterThan(80);
    // Saved under the id of a built-in framework: refused, beside the check.
    await page.locator('.fw-fields').getByLabel('Id', { exact: true }).fill('iso-tr-27103-2018');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('save-error').waitFor();
    expect(await page.getByTestId('save-error').textContent()).toMatch(/iso-tr-27103-2018/);
    await page.locator('.fw-fields').getByLabel('Id', { exact: true }).fill(copyId);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: `Edit ${copyId}` }).waitFor();
    const stored = await api<{ document: { nodes: unknown[] }; ts_27110: { conformant: boolean; subcategories: number } | null }>(page, 'GET', `/api/v1/frameworks/${copyId}/source`);
    expect(stored.body.ts_27110?.conformant).toBe(true);
    expect(stored.body.ts_27110?.subcategories).toBe(subcategories);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an OSCAL catalog imported from a file', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    // The OSCAL export of a built-in framework is the file to import.
    const oscal = await page.evaluate(async () => await (await fetch('/api/v1/frameworks/iso-ts-27110-2021-example-1/oscal?format=json')).text());
    const file = join(outDir, 'example-1-oscal.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, oscal);
    expect(JSON.parse(readFileSync(file, 'utf8')).catalog).toBeTruthy();
    await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
    await page.getByRole('button', { name: 'Import OSCAL catalog…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an OSCAL catalog' });
    await dialog.getByLabel('Framework id').fill(importId);
    await dialog.getByLabel('OSCAL catalog file').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import' }).click();
    const row = page.locator(`tr[data-framework="${importId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('OSCAL import');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('delete: refused while a profile assesses the framework, done when none does', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, editor);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
    await page.locator(`tr[data-framework="${fwId}"]`).waitFor();
    await page.getByRole('button', { name: `Delete ${fwId}` }).click();
    const ask = page.getByRole('dialog', { name: 'Delete this framework?' });
    await ask.getByRole('button', { name: 'Delete' }).click();
    const refused = ask.getByTestId('delete-error');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/profile/i);
    await screenshot(page, 'framework-delete-in-use');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator(`tr[data-framework="${fwId}"]`).count()).toBe(1);

    for (const id of [copyId, importId]) {
      await page.getByRole('button', { name: `Delete ${id}` }).click();
      await ask.getByRole('button', { name: 'Delete' }).click();
      await page.locator(`tr[data-framework="${id}"]`).waitFor({ state: 'detached' });
    }
    await page.getByText(`Deleted ${importId} with its versions.`, { exact: false }).waitFor();
    const listed = await api<{ items: { id: string }[] }>(page, 'GET', '/api/v1/frameworks?limit=500');
    expect(listed.body.items.map((f) => f.id)).not.toContain(copyId);
    expect(listed.body.items.map((f) => f.id)).toContain(fwId);
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    await context.close();
  });

  test('a viewer reads our frameworks but cannot write them', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
    await page.locator(`tr[data-framework="${fwId}"]`).waitFor();
    expect(await page.getByRole('link', { name: 'New framework' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Delete ${fwId}` }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [width, height] of [
    [390, 844],
    [1366, 800],
    [1920, 1080],
  ]) {
    test(`the editor at ${width} px: nothing scrolls sideways or sticks out of its card`, async () => {
      const { context, page, errors } = await newPage(browser, width, height);
      await login(page, editor);
      const { org } = await ids(page);
      await page.goto(`${baseUrl}/#/org/${org}/frameworks/${fwId}`);
      await page.getByRole('heading', { name: `Edit ${fwId}` }).waitFor();
      await pickNode(page, 'ID.AM-1');
      await checked(page, true, { functions: 5 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `framework-editor-${width}`);
      await page.screenshot({ path: join(outDir, `framework-editor-${width}-full.png`), fullPage: true });
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
        for (const card of document.querySelectorAll('main .card')) {
          if (card.scrollWidth > card.clientWidth + 1) out.push(`card "${card.querySelector('h2')?.textContent}" overflows: ${card.scrollWidth} > ${card.clientWidth}`);
          const box = card.getBoundingClientRect();
          for (const c of card.querySelectorAll('input, select, textarea, button')) {
            const r = c.getBoundingClientRect();
            if (r.width === 0) continue;
            if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${c.tagName.toLowerCase()} "${c.getAttribute('aria-label') ?? c.textContent?.trim() ?? ''}" sticks out of card "${card.querySelector('h2')?.textContent}"`);
          }
        }
        // Every input has a label.
        for (const c of document.querySelectorAll('main input, main select, main textarea')) {
          const el = c as HTMLInputElement;
          if (!el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) out.push(`${el.tagName.toLowerCase()} without a label`);
        }
        return out;
      });
      expect(problems).toEqual([]);
      await page.goto(`${baseUrl}/#/org/${org}/frameworks`);
      await page.locator(`tr[data-framework="${fwId}"]`).waitFor();
      await screenshot(page, `our-frameworks-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
