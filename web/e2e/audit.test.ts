// The audit log as an auditor uses it: the chain's status checked on opening, a filter by person
// that shows only that person's changes, each row's changed fields before and after, the export
// links carrying the filters, and a layout that holds at a phone's, a laptop's and a desktop's
// width.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, ids, launch, login, newPage, outDir } from './harness';

let browser: Browser;
const notes = `Reviewed for the audit ${Date.now()}`;

beforeAll(async () => {
  browser = await launch();
  // The editor changes a node's notes, through its own session.
  const { context, page } = await newPage(browser);
  await login(page, editor);
  const { profile } = await ids(page);
  const status = await page.evaluate(
    async ({ profile, notes }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const node = await fetch(`/api/v1/profiles/${profile}/nodes/ID.AM-2`);
      const r = await fetch(`/api/v1/profiles/${profile}/nodes/ID.AM-2`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token, 'If-Match': node.headers.get('ETag') ?? '' },
        body: JSON.stringify({ notes }),
      });
      return r.status;
    },
    { profile, notes },
  );
  expect(status).toBe(200);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openAudit(page: Page) {
  await page.goto(`${baseUrl}/#/audit`);
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.locator('table.audit tr.audit-row').first().waitFor();
}

describe('audit log', () => {
  test('the chain is checked on opening, and a person filter shows their changes field by field', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await openAudit(page);
    const status = page.getByTestId('chain-status');
    await expect.poll(async () => (await status.textContent())?.replace(/\s+/g, ' '), { timeout: 15_000 }).toMatch(/Chain intact: \d+ rows verified, keyed from row 1, anchored/);
    await page.getByRole('button', { name: 'Re-check the chain' }).click();
    await expect.poll(() => status.textContent()).toMatch(/Chain intact/);

    // Only the editor's rows once the person is chosen.
    await page.getByLabel('Filter by person').selectOption(editor.name);
    await page.waitForFunction(
      (who) => {
        const cells = [...document.querySelectorAll('table.audit tr.audit-row td.a-who')];
        return cells.length > 0 && cells.every((c) => c.textContent?.trim() === who);
      },
      editor.name,
    );
    const row = page.locator('table.audit tr.audit-row', { has: page.locator('td.a-record', { hasText: '/ID.AM-2' }) }).first();
    await expect.poll(() => row.locator('td.a-action').textContent()).toBe('update');
    // Its changes, expanded: the notes as they were and as the editor wrote them, and the node's
    // new version; the node id is not among them (it did not change).
    await row.getByRole('button', { name: /field/ }).click();
    const id = await row.getAttribute('data-id');
    const table = page.getByRole('table', { name: `Changes of row ${id}` });
    await table.waitFor();
    const notesRow = table.locator('tbody tr', { has: page.locator('th', { hasText: /^notes$/ }) });
    expect(await notesRow.locator('td.c-after').textContent()).toContain(notes);
    expect(await notesRow.locator('td.c-before').textContent()).not.toContain(notes);
    expect(await table.locator('tbody th', { hasText: /^node$/ }).count()).toBe(0);
    expect(await table.locator('tbody th', { hasText: /^version$/ }).count()).toBe(1);

    // The export links carry the filter, and the CSV holds the change as one line.
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain(`actor=${editor.name}`);
    expect(href).toContain('format=csv');
    expect(await page.getByRole('link', { name: 'Export XLSX' }).getAttribute('href')).toContain('format=xlsx');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv.split('\r\n')[0]).toBe('id,time,person,action,kind,record,field,before,after,hash');
    expect(csv).toContain(`,${editor.name},update,node,`);
    expect(csv).toContain(`,/notes,,${notes},`);
    // Every line is the editor's (the person column), whatever the values of the fields hold.
    const persons = new Set(
      csv
        .split('\r\n')
        .filter((line) => /^\d+,\d{4}-\d\d-\d\dT[^,]*,/.test(line)) // a row's start, not a value's next line
        .map((line) => line.split(',')[2]),
    );
    expect([...persons]).toEqual([editor.name]);

    // Dates: a range in the future finds nothing; clearing the filters brings the rows back.
    await page.getByLabel('From date').fill('2999-01-01');
    await page.getByText('No changes match the filters').waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.locator('table.audit tr.audit-row').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the audit log fits at 390, 1280 and 1920 px', async () => {
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
      [1920, 1080],
    ] as const) {
      const { context, page, errors } = await newPage(browser, width, height);
      await login(page, admin);
      await openAudit(page);
      await page.getByLabel('Filter by person').selectOption(editor.name);
      const row = page.locator('table.audit tr.audit-row', { has: page.locator('td.a-record', { hasText: '/ID.AM-2' }) }).first();
      await row.waitFor();
      await row.getByRole('button', { name: /field/ }).click();
      await page.locator('table.change-table').first().waitFor();
      await expect.poll(() => page.getByTestId('chain-status').textContent()).toMatch(/Chain intact/);
      const overflow = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1)
          out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
        for (const el of document.querySelectorAll('main .filters > *, main table.audit td, main table.change-table td, main table.change-table th, main .chain-status > *')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1))
            out.push(`${el.tagName.toLowerCase()}.${el.className} runs out of the window (${Math.round(r.left)}-${Math.round(r.right)})`);
        }
        return out;
      });
      expect(overflow, `${width} px`).toEqual([]);
      await page.screenshot({ path: join(outDir, `audit-${width}.png`), fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
