// Layout at a phone's, a laptop's and a desktop's width: in the assessment editor (details panel
// open and closed, on the demo profile and on a long SP 800-53 profile) and on the dashboard, no
// cell or control runs out of its box, nothing in a row overlaps, and no table scrolls sideways.
// Screenshots of each go to the output folder (layout-*.png).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, ids, launch, login, newPage, outDir } from './harness';

const widths = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

let browser: Browser;
let sp80053 = 0;

beforeAll(async () => {
  browser = await launch();
  // A profile of a framework with long statements, made once for the whole file.
  const { context, page } = await newPage(browser);
  await login(page, admin);
  const { org } = await ids(page);
  sp80053 = await page.evaluate(async (o) => {
    const name = 'SP 800-53 rev5 (layout check)';
    const list = await (await fetch(`/api/v1/organizations/${o}/profiles?limit=500`)).json();
    const had = list.items.find((p: { name: string }) => p.name === name);
    if (had) return had.id as number;
    const session = await (await fetch('/api/v1/session')).json();
    const r = await fetch(`/api/v1/organizations/${o}/profiles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
      body: JSON.stringify({ name, framework: 'nist-sp-800-53-rev5', kind: 'target' }),
    });
    if (!r.ok) throw new Error(`creating the SP 800-53 profile: ${r.status} ${await r.text()}`);
    return (await r.json()).id as number;
  }, org);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function shoot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage });
}

// What the browser has laid out, checked box by box; each problem is one line naming the element.
async function problems(page: Page, scope: 'editor' | 'dashboard'): Promise<string[]> {
  return page.evaluate((scope) => {
    const out: string[] = [];
    const slack = 1;
    const name = (el: Element) => {
      const row = el.closest('tr[data-node]')?.getAttribute('data-node');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${row ? row + ' ' : ''}${el.tagName.toLowerCase()}${cls}`;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const inside = (a: DOMRect, b: DOMRect) =>
      a.left >= b.left - slack && a.right <= b.right + slack && a.top >= b.top - slack && a.bottom <= b.bottom + slack;
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
    const textRects = (el: Element) => {
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || (n.parentElement && n.parentElement.closest('select, option, .visually-hidden'))) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) rects.push(r);
      }
      return rects;
    };
    // The width a select needs to show its longest option whole: a copy of it sized by its content.
    const needs = new Map<string, number>();
    const selectNeeds = (s: HTMLSelectElement) => {
      const key = `${s.className}|${[...s.options].map((o) => o.text).join('|')}`;
      if (needs.has(key)) return needs.get(key)!;
      const copy = s.cloneNode(true) as HTMLSelectElement;
      copy.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;left:0;top:0';
      document.body.append(copy);
      const w = copy.getBoundingClientRect().width;
      copy.remove();
      needs.set(key, w);
      return w;
    };

    if (document.documentElement.scrollWidth > window.innerWidth + slack) {
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    }
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + slack) out.push(`main is wider than the window: ${main.scrollWidth} > ${main.clientWidth}`);

    if (scope === 'editor') {
      const wrap = document.querySelector('.editor-table');
      const table = wrap?.querySelector('table.assess');
      if (!wrap || !table) return ['no editor table'];
      if (wrap.scrollWidth > wrap.clientWidth + slack) out.push(`the editor table scrolls sideways: ${wrap.scrollWidth} > ${wrap.clientWidth}`);
      const panel = document.querySelector('.panel');
      if (panel && panel.scrollWidth > panel.clientWidth + slack) out.push(`the details panel scrolls sideways: ${panel.scrollWidth} > ${panel.clientWidth}`);
      for (const header of table.querySelectorAll('thead th')) {
        if (shown(header) && header.scrollWidth > header.clientWidth + slack) out.push(`header ${header.textContent?.trim()} is cut: ${header.scrollWidth} > ${header.clientWidth}`);
      }
      for (const row of table.querySelectorAll('tbody tr[data-node]')) {
        const cells = [...row.children].filter(shown) as HTMLElement[];
        const rowBox = row.getBoundingClientRect();
        const tableBox = wrap.getBoundingClientRect();
        if (rowBox.right > tableBox.right + slack) out.push(`${name(row)} ends past the table: ${rowBox.right} > ${tableBox.right}`);
        for (const cell of cells) {
          const box = cell.getBoundingClientRect();
          if (cell.scrollWidth > cell.clientWidth + slack) out.push(`${name(cell)} overflows: ${cell.scrollWidth} > ${cell.clientWidth}`);
          for (const control of cell.querySelectorAll('input, select, button')) {
            if (!shown(control)) continue;
            if (!inside(control.getBoundingClientRect(), box)) out.push(`${name(control)} sticks out of its cell`);
            if (control instanceof HTMLSelectElement) {
              const need = selectNeeds(control);
              const has = control.getBoundingClientRect().width;
              if (has + 0.5 < need) out.push(`${name(control)} cuts its options: ${has.toFixed(1)} < ${need.toFixed(1)} px`);
            }
          }
          for (const text of textRects(cell)) {
            if (!inside(text, box)) out.push(`${name(cell)}: text "${cell.textContent?.trim().slice(0, 30)}" runs out of its cell`);
          }
          for (const block of cell.querySelectorAll('.desc, .state')) {
            if (shown(block) && block.scrollWidth > block.clientWidth + slack) out.push(`${name(block)} is cut: ${block.scrollWidth} > ${block.clientWidth}`);
          }
        }
        // Nothing in one cell lies over another cell: neither the cells nor their contents.
        for (let i = 0; i < cells.length; i++) {
          for (let j = i + 1; j < cells.length; j++) {
            if (overlap(cells[i].getBoundingClientRect(), cells[j].getBoundingClientRect())) out.push(`${name(cells[i])} overlaps ${name(cells[j])}`);
          }
          const texts = textRects(cells[i]);
          const controls = [...cells[i].querySelectorAll('input, select, button')].filter(shown).map((c) => c.getBoundingClientRect());
          for (let j = 0; j < cells.length; j++) {
            if (j === i) continue;
            const other = cells[j].getBoundingClientRect();
            if ([...texts, ...controls].some((r) => overlap(r, other))) out.push(`${name(cells[i])} reaches into ${name(cells[j])}`);
          }
        }
      }
    } else {
      for (const card of document.querySelectorAll('main .card, main .kpi')) {
        if (card.scrollWidth > card.clientWidth + slack) out.push(`${name(card)} "${card.querySelector('h2, .kpi-label')?.textContent}" overflows: ${card.scrollWidth} > ${card.clientWidth}`);
      }
      for (const table of document.querySelectorAll('main table')) {
        const box = table.parentElement!;
        if (table.getBoundingClientRect().width > box.clientWidth + slack) out.push(`${table.getAttribute('aria-label') ?? name(table)} is wider than its box: ${table.getBoundingClientRect().width} > ${box.clientWidth}`);
        if (box.scrollWidth > box.clientWidth + slack) out.push(`${table.getAttribute('aria-label') ?? name(table)} scrolls sideways`);
        for (const cell of table.querySelectorAll('th, td')) {
          if (!shown(cell)) continue;
          if (cell.scrollWidth > cell.clientWidth + slack) out.push(`${name(cell)} "${cell.textContent?.trim().slice(0, 30)}" is cut: ${cell.scrollWidth} > ${cell.clientWidth}`);
          const cellBox = cell.getBoundingClientRect();
          for (const text of textRects(cell)) if (!inside(text, cellBox)) out.push(`${name(cell)}: text "${cell.textContent?.trim().slice(0, 30)}" runs out of its cell`);
        }
        // Every column of the heat map is there, wide enough for its number.
        if (table.classList.contains('heat')) {
          for (const row of table.querySelectorAll('tbody tr')) {
            const cells = [...row.querySelectorAll('td')].filter(shown);
            if (cells.length !== 3) out.push(`heat map row ${row.querySelector('th')?.textContent?.trim()} shows ${cells.length} of 3 numbers`);
            for (const c of cells) if (c.getBoundingClientRect().width < 36) out.push(`a heat map cell is ${c.getBoundingClientRect().width} px wide`);
          }
        }
      }
      // Chart labels lie inside their chart.
      for (const chart of document.querySelectorAll('main .chart')) {
        const box = chart.getBoundingClientRect();
        for (const text of chart.querySelectorAll('svg text')) {
          if (!text.textContent?.trim()) continue;
          const r = text.getBoundingClientRect();
          if (r.width > 0 && !inside(r, box)) out.push(`chart "${chart.getAttribute('aria-label')}": label "${text.textContent}" is cut`);
        }
      }
    }
    return [...new Set(out)];
  }, scope);
}

async function editor(page: Page, org: number, profile: number, node?: string) {
  await page.goto(`${baseUrl}/#/org/${org}/editor/${profile}`);
  await page.locator('table.assess tr[data-node]').first().waitFor();
  if (node) {
    // A CSS locator, not a role query: the accessibility tree of 1,730 rows (SP 800-53) takes
    // long to build on a busy machine.
    await page.locator(`tr[data-node="${node}"] button[aria-label="Details of ${node}"]`).click();
    await page.locator('aside.panel').waitFor();
  } else {
    await page.locator('aside.panel').waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.waitForTimeout(200);
}

describe('layout', () => {
  for (const size of widths) {
    test(`editor and dashboard at ${size.width} px`, async () => {
      const { context, page, errors } = await newPage(browser, size.width, size.height);
      await login(page, admin);
      const { org, profile } = await ids(page);
      const w = size.width;

      await editor(page, org, profile);
      await shoot(page, `layout-editor-${w}`);
      expect(await problems(page, 'editor'), `editor at ${w} px`).toEqual([]);

      // The longest outcome of the demo profile, with its details open.
      await editor(page, org, profile, 'PR.AT-2');
      await page.locator('tr[data-node="PR.AT-2"]').scrollIntoViewIfNeeded();
      await shoot(page, `layout-editor-panel-${w}`);
      expect(await problems(page, 'editor'), `editor with the panel at ${w} px`).toEqual([]);

      await editor(page, org, sp80053);
      await shoot(page, `layout-sp800-53-${w}`);
      expect(await problems(page, 'editor'), `SP 800-53 at ${w} px`).toEqual([]);
      await editor(page, org, sp80053, 'SC-42.a');
      await shoot(page, `layout-sp800-53-panel-${w}`);
      expect(await problems(page, 'editor'), `SP 800-53 with the panel at ${w} px`).toEqual([]);

      await page.goto(`${baseUrl}/#/org/${org}/dashboard`);
      await page.getByTestId('function-current-ID').waitFor();
      await page.waitForTimeout(700); // chart animation
      await shoot(page, `layout-dashboard-${w}`, w < 800);
      expect(await problems(page, 'dashboard'), `dashboard at ${w} px`).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
