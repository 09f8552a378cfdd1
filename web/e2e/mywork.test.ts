// My work: the viewer of the demo, known by no alias, has nothing due; given (on the page) the
// alias of an owner of the demo's due items, the page lists that owner's items, as many as GET
// /me/work answers, each a link to its record; the calendar address made on the page serves
// iCalendar with one event per dated item. The viewer's aliases are removed again at the end.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, ids, launch, login, newPage, screenshot, viewer } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

test('my work lists the items of the names a person is known by, and the calendar serves them', async () => {
  const { page, errors } = await newPage(browser);
  await login(page, viewer);
  const { org } = await ids(page);
  // An owner of something due in the demo organization.
  const owner: string = await page.evaluate(async (org) => {
    const due = await (await fetch(`/api/v1/organizations/${org}/isms/due`)).json();
    return due.items.find((i: { owner: string }) => i.owner.trim() !== '' && !i.owner.includes(';')).owner;
  }, org);
  expect(owner).toBeTruthy();

  await page.getByRole('link', { name: 'My work' }).click();
  await page.getByRole('heading', { name: 'My work' }).waitFor();
  await expect.poll(() => page.getByTestId('work-total').textContent()).toContain('0 items');

  await page.getByLabel(/Names you are known by/).fill(owner);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  const api = await page.evaluate(async () => (await (await fetch('/api/v1/me/work')).json()) as { total: number; items: { ref: string; due: string | null }[] });
  expect(api.total).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('work-item').count()).toBe(api.total);
  const first = page.getByTestId('work-item').first().getByRole('link');
  expect(await first.textContent()).toBe(api.items[0].ref);
  await screenshot(page, 'my-work');

  await page.getByRole('button', { name: 'Make a calendar address' }).click();
  const url = (await page.getByTestId('calendar-url').textContent()) ?? '';
  expect(url.startsWith(`${baseUrl}/api/v1/calendar/cal_`)).toBe(true);
  const ics = await page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'omit' });
    return { status: r.status, type: r.headers.get('Content-Type'), text: await r.text() };
  }, url);
  expect(ics.status).toBe(200);
  expect(ics.type).toContain('text/calendar');
  expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const events = ics.text.split('BEGIN:VEVENT').length - 1;
  expect(events).toBe(api.items.filter((i) => i.due !== null).length);

  // Leave the viewer as it was.
  await page.getByRole('button', { name: 'Stop the calendar feed' }).click();
  await page.getByLabel(/Names you are known by/).fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByTestId('work-total').textContent()).toContain('0 items');
  expect(errors).toEqual([]);
});
