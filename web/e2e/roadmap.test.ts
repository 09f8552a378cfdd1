// The roadmap: the timeline (a bar per dated action, overdue ones marked, a line for today), the
// what-if (tick actions, see the open gaps, the mean gap and each function change, with the API's
// numbers in the dashboard's format), and the outcome picker (search by id or title, open gaps
// first with their gap, chips that can be removed) creating an action whose what-if closes gaps.
// Laid out at 390, 1280 and 1920 px without sideways scrolling.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, editor, ids, launch, login, newPage, outDir, screenshot } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

const stamp = Date.now().toString(36);

// A score as the views show it (web/src/lib/format.ts, core/figures.hpp).
function shown(v: number | null): string {
  if (v === null) return '–';
  const h = Math.round(Math.abs(v) * 100);
  const t = Math.floor((h + 5) / 10);
  return `${v < 0 && h > 0 ? '-' : ''}${Math.floor(t / 10)}.${t % 10}`;
}

interface WhatIfAnswer {
  before: { figures: { open_gaps: number; mean_gap: number | null } };
  after: { figures: { open_gaps: number; mean_gap: number | null } };
  functions: { id: string; current: number | null; with_actions: number | null; target: number | null }[];
}

async function whatIf(page: Page, profile: number, actions: number[]): Promise<WhatIfAnswer> {
  return page.evaluate(async ([p, a]) => (await fetch(`/api/v1/profiles/${p}/what-if?actions=${a}`)).json(), [profile, actions.join(',')] as const);
}

async function actionsOf(page: Page, org: number): Promise<{ id: number; title: string; status: string; nodes: string[]; target_level: number }[]> {
  return page.evaluate(async (o) => (await (await fetch(`/api/v1/organizations/${o}/actions?limit=500`)).json()).items, org);
}

// The what-if card shows the API's answer for the ticked actions.
async function expectWhatIf(page: Page, profile: number, ticked: number[]) {
  const w = await whatIf(page, profile, ticked);
  const card = page.getByTestId('whatif');
  const want = `${w.before.figures.open_gaps} → ${w.after.figures.open_gaps}`;
  await expect.poll(() => card.getByTestId('whatif-open-gaps').textContent()).toBe(want);
  expect(await card.getByTestId('whatif-mean-gap').textContent()).toBe(`${shown(w.before.figures.mean_gap)} → ${shown(w.after.figures.mean_gap)}`);
  for (const f of w.functions) {
    const cells = await card.getByTestId(`whatif-${f.id}`).locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([shown(f.current), shown(f.with_actions), shown(f.target)]);
  }
  return w;
}

async function noSidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`the page scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth})`);
    const tl = document.querySelector('[data-testid="timeline"]');
    if (tl && tl.scrollWidth > tl.clientWidth + 1) out.push(`the timeline overflows (${tl.scrollWidth} > ${tl.clientWidth})`);
    for (const wrap of document.querySelectorAll('[data-testid="whatif"] .table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) out.push(`the what-if table scrolls sideways (${wrap.scrollWidth} > ${wrap.clientWidth})`);
    }
    for (const bar of document.querySelectorAll('.tl-bar, .tl-milestone')) {
      const r = bar.getBoundingClientRect();
      const track = bar.parentElement!.getBoundingClientRect();
      if (r.left < track.left - 7 || r.right > track.right + 7) out.push(`a bar leaves its track: ${bar.getAttribute('aria-label')}`);
    }
    return out;
  });
}

describe('roadmap', () => {
  test('the timeline, the what-if of ticked actions, and an action whose outcomes are picked by search', async () => {
    const { page, errors, context } = await newPage(browser, 1280, 900);
    await login(page, editor);
    const { org, profile } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/roadmap`);
    await page.getByRole('heading', { name: 'Roadmap' }).waitFor();

    // The timeline: a bar (or milestone) per dated action, a line for today, the overdue marked.
    const demo = await actionsOf(page, org);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    expect(await timeline.locator('li[data-action]').count()).toBe(demo.length);
    expect(await timeline.locator('.tl-today').count()).toBe(demo.length);
    const today = new Date().toISOString().slice(0, 10);
    const overdueTitles = (await page.evaluate(async (o) => (await (await fetch(`/api/v1/organizations/${o}/actions?limit=500`)).json()).items, org))
      .filter((a: { due: string; status: string }) => a.due && a.due < today && (a.status === 'planned' || a.status === 'in-progress'))
      .map((a: { title: string }) => a.title);
    for (const title of overdueTitles) {
      const row = timeline.locator('li[data-action]').filter({ hasText: title });
      expect(await row.textContent()).toContain('overdue');
      expect(await row.locator('.overdue').count()).toBe(1);
    }
    const logging = demo.find((a) => a.title === 'Central logging and monitoring')!;
    const bar = timeline.locator(`li[data-action="${logging.id}"] [role="img"]`);
    expect(await bar.getAttribute('aria-label')).toMatch(/Central logging and monitoring: .* to .*2027 \(60 days of effort\), Planned/);

    // The what-if with nothing ticked: now is what it will be.
    let w = await expectWhatIf(page, profile, []);
    expect(w.before.figures.open_gaps).toBe(w.after.figures.open_gaps);
    // Tick one action: its outcomes rise, the open gaps fall.
    await page.getByRole('checkbox', { name: 'Count Central logging and monitoring as done in the what-if' }).check();
    w = await expectWhatIf(page, profile, [logging.id]);
    expect(w.after.figures.open_gaps).toBeLessThan(w.before.figures.open_gaps);
    const de = w.functions.find((f) => f.id === 'DE')!;
    expect(de.with_actions!).toBeGreaterThan(de.current!);
    // All open actions.
    await page.getByRole('button', { name: 'Tick all open' }).click();
    const open = demo.filter((a) => a.status === 'planned' || a.status === 'in-progress').map((a) => a.id);
    const allOpen = await expectWhatIf(page, profile, open);
    expect(allOpen.after.figures.open_gaps).toBeLessThan(w.after.figures.open_gaps);
    await screenshot(page, 'roadmap-whatif-laptop');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expectWhatIf(page, profile, []);

    // A new action: its outcomes picked by search, open gaps first, chips removable.
    await page.getByRole('button', { name: 'New action' }).click();
    const form = page.getByRole('dialog', { name: 'New action' });
    await form.waitFor();
    const title = `Access reviews ${stamp}`;
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Target level').fill('5');
    const search = form.getByRole('combobox', { name: 'Outcomes' });
    await search.click();
    const options = form.getByRole('listbox', { name: 'Matching outcomes' });
    await options.waitFor();
    // Without a query, open gaps come first, each showing its gap.
    const first = options.getByRole('option').first();
    expect(await first.textContent()).toMatch(/gap \d\.\d/);
    // Search by its text: "separation of duties" finds PR.AC-3.
    await search.fill('separation of duties');
    const remote = options.getByRole('option').filter({ hasText: 'PR.AC-3' });
    await remote.waitFor();
    await remote.click();
    // Search by id, picked with the keyboard.
    await search.fill('PR.AC-1');
    await expect.poll(() => options.getByRole('option').first().textContent()).toContain('PR.AC-1');
    await search.press('Enter');
    // And one removed again.
    await search.fill('RC.IM');
    await options.getByRole('option').first().click();
    const chips = form.getByRole('list', { name: 'Chosen outcomes' });
    expect(await chips.locator('li').count()).toBe(3);
    const picked = await chips.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    expect(picked.slice(0, 2)).toEqual(['PR.AC-3', 'PR.AC-1']);
    await form.getByRole('button', { name: `Remove ${picked[2]}` }).click();
    expect(await chips.locator('li').count()).toBe(2);
    await screenshot(page, 'roadmap-outcome-picker');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByText(`Created “${title}”.`).waitFor();
    const created = (await actionsOf(page, org)).find((a) => a.title === title)!;
    expect(created).toMatchObject({ target_level: 5, status: 'planned' });
    expect([...created.nodes].sort()).toEqual(['PR.AC-1', 'PR.AC-3']);

    // Its what-if: the two outcomes reach level 5, so neither is an open gap any more.
    const before = await whatIf(page, profile, []);
    await page.getByRole('checkbox', { name: `Count ${title} as done in the what-if` }).check();
    const mine = await expectWhatIf(page, profile, [created.id]);
    expect(mine.after.figures.open_gaps).toBeLessThan(before.after.figures.open_gaps);

    // The form opens the action's outcomes as chips again.
    await page.getByRole('button', { name: `Edit ${title}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit action' });
    await edit.waitFor();
    const reopened = await edit.getByRole('list', { name: 'Chosen outcomes' }).locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    expect(reopened.sort()).toEqual(['PR.AC-1', 'PR.AC-3']);
    await edit.getByRole('button', { name: 'Remove PR.AC-1' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Saved “${title}”.`).waitFor();
    expect((await actionsOf(page, org)).find((a) => a.id === created.id)!.nodes).toEqual(['PR.AC-3']);
    await expectWhatIf(page, profile, [created.id]);

    // Phone, laptop and desktop widths: nothing scrolls sideways, every bar stays in its track.
    for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(100);
      expect(await noSidewaysScroll(page), `at ${width} px`).toEqual([]);
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, `roadmap-timeline-${width}`);
      await page.getByTestId('whatif').scrollIntoViewIfNeeded();
      await screenshot(page, `roadmap-whatif-${width}`);
    }

    expect(errors).toEqual([]);
    await context.close();
  });
});
