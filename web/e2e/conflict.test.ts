// Two sessions editing one record: the second write is refused (412) and the conflict dialog
// offers their version (Take theirs) or a write of mine against it (Keep mine), for roadmap
// actions and for mapping sets and their mappings.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, ids, launch, login, newPage, outDir, screenshot } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

const stamp = Date.now().toString(36);

// A call of the API with the page's session (and its CSRF token); the status and the JSON.
async function api(page: Page, method: string, path: string, body?: unknown, ifMatch?: number) {
  return page.evaluate(
    async ([method, path, body, ifMatch]) => {
      const session = await (await fetch('/api/v1/session')).json();
      const headers: Record<string, string> = { 'X-CSRF-Token': session.csrf_token };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
      const r = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, data: text ? JSON.parse(text) : null };
    },
    [method, path, body, ifMatch] as const,
  );
}

interface Action {
  id: number;
  title: string;
  owner: string;
  status: string;
  effort_days: number;
  version: number;
}

async function action(page: Page, org: number, id: number): Promise<Action> {
  const list = await api(page, 'GET', `/organizations/${org}/actions?limit=500`);
  return list.data.items.find((a: Action) => a.id === id);
}

async function openRoadmap(page: Page, org: number) {
  await page.goto(`${baseUrl}/#/org/${org}/roadmap`);
  await page.getByRole('heading', { name: 'Roadmap' }).waitFor();
}

async function editAction(page: Page, title: string) {
  await page.getByRole('button', { name: `Edit ${title}` }).click();
  const form = page.getByRole('dialog', { name: 'Edit action' });
  await form.waitFor();
  return form;
}

describe('edit conflicts', () => {
  test('two sessions editing one roadmap action: the second takes theirs, then keeps mine', async () => {
    const a = await newPage(browser, 1366, 900);
    const b = await newPage(browser, 1366, 900);
    await login(a.page, admin);
    await login(b.page, editor);
    const { org } = await ids(a.page);
    const title = `Conflict drill ${stamp}`;
    const created = await api(a.page, 'POST', `/organizations/${org}/actions`, {
      title, owner: 'CISO', due: '2027-03-31', status: 'planned', effort_days: 5, target_level: 3, nodes: ['PR.AC-1'],
    });
    expect(created.status).toBe(201);
    const id: number = created.data.id;

    // Both open the edit form on version 1; A saves first.
    await openRoadmap(a.page, org);
    await openRoadmap(b.page, org);
    const fa = await editAction(a.page, title);
    const fb = await editAction(b.page, title);
    await fa.getByLabel('Owner').fill('Plant engineering');
    await fa.getByRole('button', { name: 'Save' }).click();
    await a.page.getByText(`Saved “${title}”.`).waitFor();

    // B's save is refused: the dialog shows A's owner against B's effort.
    await fb.getByLabel('Effort (days)').fill('8');
    await fb.getByRole('button', { name: 'Save' }).click();
    const dialog = b.page.getByTestId('conflict');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(title);
    expect(text).toContain('now at version 2');
    expect(text).toMatch(/Owner\s*Plant engineering\s*CISO/);
    expect(text).toMatch(/Effort \(days\)\s*5\s*8/);
    expect(text).toContain('2 fields differ');
    // The dialog is labelled, described by its summary, and has the focus.
    const conflictDialog = b.page.getByRole('dialog', { name: 'Someone else changed this action' });
    expect(await conflictDialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(await b.page.evaluate(() => document.activeElement?.closest('[data-testid="conflict"]') !== null)).toBe(true);
    await screenshot(b.page, 'conflict-action-laptop');
    await b.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(b.page, 'conflict-action-phone');
    await b.page.setViewportSize({ width: 1366, height: 900 });

    // Take theirs: B's change is dropped, the list shows A's version, the server still has it.
    await b.page.getByRole('button', { name: 'Take theirs' }).click();
    await b.page.getByText(`Took their version of “${title}”`).waitFor();
    expect(await b.page.getByRole('dialog').count()).toBe(0);
    // Both dialogs closed: the focus is back on the Edit button the form was opened with.
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Edit ${title}`);
    const row = b.page.getByRole('row').filter({ hasText: title });
    expect(await row.textContent()).toContain('Plant engineering');
    let stored = await action(b.page, org, id);
    expect(stored).toMatchObject({ owner: 'Plant engineering', effort_days: 5, version: 2 });

    // Again from version 2: A sets the status, B the title; B keeps mine, which writes B's form
    // (every field of it) over A's version 3.
    const fa2 = await editAction(a.page, title);
    const fb2 = await editAction(b.page, title);
    await fa2.getByLabel('Status').selectOption('in-progress');
    await fa2.getByRole('button', { name: 'Save' }).click();
    await a.page.getByText(`Saved “${title}”.`).waitFor();
    const renamed = `${title} (both plants)`;
    await fb2.getByLabel('Title').fill(renamed);
    await fb2.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    expect((await dialog.textContent()) ?? '').toMatch(/Status\s*In progress\s*Planned/);
    await b.page.keyboard.press('Tab'); // from the summary to the first choice
    expect(await b.page.evaluate(() => document.activeElement?.textContent)).toBe('Take theirs');
    await b.page.getByRole('button', { name: 'Keep mine' }).click();
    await b.page.getByText(`Saved “${renamed}”.`).waitFor();
    expect(await b.page.getByRole('dialog').count()).toBe(0);
    stored = await action(b.page, org, id);
    expect(stored).toMatchObject({ title: renamed, owner: 'Plant engineering', status: 'planned', version: 4 });

    // Escape closes the dialog without a choice: nothing is written, the form stays open.
    await a.page.reload();
    await a.page.getByRole('heading', { name: 'Roadmap' }).waitFor();
    const fa3 = await editAction(a.page, renamed);
    const fb3 = await editAction(b.page, renamed);
    await fa3.getByLabel('Owner').fill('CISO');
    await fa3.getByRole('button', { name: 'Save' }).click();
    await a.page.getByText(`Saved “${renamed}”.`).waitFor();
    await fb3.getByLabel('Owner').fill('HR');
    await fb3.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    await b.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // The focus is back where it was: the form's Save button.
    expect(await b.page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    expect(await fb3.getByRole('alert').textContent()).toContain('Not saved');
    stored = await action(b.page, org, id);
    expect(stored).toMatchObject({ owner: 'CISO', version: 5 });

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('two sessions editing one mapping set: a mapping kept, the title taken, a stale delete kept', async () => {
    const a = await newPage(browser, 1366, 900);
    const b = await newPage(browser, 1366, 900);
    await login(a.page, editor);
    await login(b.page, admin);
    const { org } = await ids(a.page);
    const made = await api(a.page, 'POST', `/organizations/${org}/mapping-sets`, {
      name: `e2e-conflict-${stamp}`, title: 'Access control, read twice', source: 'iso-tr-27103-2018', target: 'nist-csf-2.0', notes: '',
    });
    expect(made.status).toBe(201);
    const set: number = made.data.id;
    const added = await api(a.page, 'POST', `/mapping-sets/${set}/mappings`, {
      source: 'PR.AC-1', targets: ['PR.AA-01'], relationship: 'equivalent', rationale: 'Identities and credentials.',
    });
    expect(added.status).toBe(201);
    const mappingId: number = added.data.mappings[0].id;
    const mapping = async () => (await api(b.page, 'GET', `/mapping-sets/${set}`)).data.mappings.find((m: { id: number }) => m.id === mappingId);

    for (const p of [a.page, b.page]) {
      await p.goto(`${baseUrl}/#/org/${org}/mappings/${set}`);
      await p.locator('tr[data-mapping="PR.AC-1"]').waitFor();
    }

    // A mapping: A changes the relationship, B the rationale; B keeps mine.
    await a.page.getByRole('button', { name: 'Edit mapping of PR.AC-1' }).click();
    await b.page.getByRole('button', { name: 'Edit mapping of PR.AC-1' }).click();
    await a.page.getByLabel('Edit relationship').selectOption('subset-of');
    await a.page.getByRole('form', { name: 'Edit mapping PR.AC-1' }).getByRole('button', { name: 'Save' }).click();
    await a.page.getByText(/Mapping PR\.AC-1 saved/).waitFor();
    await b.page.getByLabel('Edit rationale').fill('Both manage identities and credentials.');
    await b.page.getByRole('form', { name: 'Edit mapping PR.AC-1' }).getByRole('button', { name: 'Save' }).click();
    const dialog = b.page.getByTestId('conflict');
    await dialog.waitFor();
    let text = (await dialog.textContent()) ?? '';
    expect(text).toContain('The mapping of PR.AC-1 was changed by someone else');
    expect(text).toMatch(/Relationship\s*subset-of\s*equivalent/);
    await screenshot(b.page, 'conflict-mapping');
    await b.page.getByRole('button', { name: 'Keep mine' }).click();
    await b.page.getByText(/Mapping PR\.AC-1 saved/).waitFor();
    expect(await mapping()).toMatchObject({ relationship: 'equivalent', rationale: 'Both manage identities and credentials.' });

    // The set's title: A renames it, B (who read it before) renames it too; B takes theirs.
    await a.page.reload();
    await a.page.getByRole('button', { name: 'Edit title' }).click();
    await b.page.getByRole('button', { name: 'Edit title' }).click();
    await a.page.getByLabel('Set title').fill('Access control, plant reading');
    await a.page.getByRole('button', { name: 'Save' }).click();
    await a.page.getByRole('heading', { name: 'Access control, plant reading' }).waitFor();
    await b.page.getByLabel('Set title').fill('Access control, office reading');
    await b.page.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    text = (await dialog.textContent()) ?? '';
    expect(text).toContain(`changed by ${editor.name}`);
    expect(text).toMatch(/Title\s*Access control, plant reading\s*Access control, office reading/);
    await b.page.getByRole('button', { name: 'Take theirs' }).click();
    await b.page.getByRole('heading', { name: 'Access control, plant reading' }).waitFor();
    expect((await api(b.page, 'GET', `/mapping-sets/${set}`)).data.title).toBe('Access control, plant reading');

    // A stale delete: A changes the description, B deletes the set as read before; B keeps mine.
    const read = (await api(a.page, 'GET', `/mapping-sets/${set}`)).data;
    const changed = await api(a.page, 'PUT', `/mapping-sets/${set}`, { title: read.title, notes: 'Reviewed by the plant.' }, read.version);
    expect(changed.status).toBe(200);
    await b.page.getByRole('button', { name: 'Delete…' }).click();
    await b.page.getByRole('dialog', { name: 'Delete this mapping set?' }).getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor();
    text = (await dialog.textContent()) ?? '';
    expect(text).toContain('while you were deciding to delete it');
    expect(text).toMatch(/Description\s*Reviewed by the plant\.\s*\(empty\)/);
    await b.page.getByRole('button', { name: 'Keep mine' }).click();
    await b.page.getByText(/Deleted mapping set/).waitFor();
    const left = await api(b.page, 'GET', `/organizations/${org}/mapping-sets?limit=500`);
    expect(left.data.items.some((s: { id: number }) => s.id === set)).toBe(false);

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
