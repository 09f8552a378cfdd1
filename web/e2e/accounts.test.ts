// Accounts in the web UI: the password rule when an administrator adds an account (shown and
// checked while typed, the server's reason at the field), administrators shown as such, an API
// token with a scope, an expiry and an organization, an administrator revoking it, disabling and
// enabling an account (its open session ends at once), and resetting its password.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin, baseUrl, editor, launch, login, newPage, orgName, screenshot } from './harness';

const temp = { name: 'e2e-temp', password: 'tangerine kettle orbit lamp' };
let browser: Browser;
let token = '';

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

// The table row of an account on the users page.
function accountRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) }).first();
}

async function usersPage(page: Page) {
  await page.goto(`${baseUrl}/#/users`);
  await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
}

async function bearer(path: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('accounts', () => {
  let tempContext: BrowserContext;
  let tempPage: Page;

  test('adding an account: a common password is refused with the reason, a good one is taken', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await usersPage(page);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Add user' }) });
    await form.getByLabel('Name', { exact: true }).fill(temp.name);
    await form.getByLabel('Password', { exact: true }).fill('Password2026');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' '), { timeout: 10_000 }).toContain('common password');
    await form.getByLabel('Password', { exact: true }).fill(temp.password);
    await page.getByRole('button', { name: 'Add user' }).click();
    await accountRow(page, temp.name).waitFor();
    await page.getByLabel(`Role for ${temp.name}`).selectOption('viewer');
    await accountRow(page, temp.name).getByRole('button', { name: 'Grant' }).click();
    await expect.poll(() => accountRow(page, temp.name).textContent(), { timeout: 10_000 }).toContain(orgName);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the password rule is shown and checked while it is typed; the server\'s reason appears at the field', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await usersPage(page);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Add user' }) });
    // The rule comes from the server (GET /api/v1/password-policy).
    await form.getByText('12 characters or more').waitFor();
    await form.getByLabel('Name', { exact: true }).fill('rule-check');
    const password = form.getByLabel('Password', { exact: true });
    await password.fill('short');
    await expect.poll(() => form.getByTestId('new-user-password-length').textContent()).toContain('5 of at least 12 characters');
    await password.fill('Rule-Check');
    await form.getByText('✗ not the account name').waitFor();
    await password.fill('password1234');
    await expect.poll(() => form.getByTestId('new-user-password-length').textContent()).toContain('✓ 12 of at least 12 characters');
    await page.getByRole('button', { name: 'Add user' }).click();
    // Long enough, yet a common password: the server says so at the field.
    const fieldError = form.locator('#new-user-password-error');
    await expect.poll(() => fieldError.textContent(), { timeout: 10_000 }).toContain('common password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an administrator is shown as one, with no role to grant; other accounts show their roles by organization name', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await usersPage(page);
    const adminRow = accountRow(page, admin.name);
    await expect.poll(() => adminRow.textContent()).toContain('Administrator — every organization');
    expect(await adminRow.textContent()).not.toContain('none');
    expect(await adminRow.getByRole('button', { name: 'Grant' }).count()).toBe(0);
    expect(await page.getByLabel(`Role for ${admin.name}`).count()).toBe(0);
    const editorRow = accountRow(page, editor.name);
    await expect.poll(() => editorRow.textContent()).toContain(`${orgName}: Editor`);
    expect(await editorRow.getByRole('button', { name: 'Grant' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a read-only token limited to the organization: shown once, listed with its access and expiry', async () => {
    ({ context: tempContext, page: tempPage } = await newPage(browser));
    await login(tempPage, temp);
    await tempPage.goto(`${baseUrl}/#/tokens`);
    await tempPage.getByLabel('Token name').fill('e2e reader');
    await tempPage.getByLabel('Access').selectOption('read-only');
    await tempPage.getByLabel('Expires after').selectOption('30');
    await tempPage.getByLabel('Limited to').selectOption({ label: orgName });
    await tempPage.getByRole('button', { name: 'Create token' }).click();
    token = ((await tempPage.getByTestId('new-token').textContent()) ?? '').trim();
    expect(token).toMatch(/^cf_/);
    const row = tempPage.getByRole('row').filter({ hasText: 'e2e reader' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Read only');
    expect(await row.textContent()).toContain(orgName);
    await screenshot(tempPage, 'tokens');
    const session = await (await bearer('/api/v1/session')).json();
    expect(session.token.scope).toBe('read-only');
    expect(session.token.organization).not.toBeNull();
  });

  test("an administrator sees the account's tokens and revokes one; it stops working", async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await usersPage(page);
    await page.getByRole('button', { name: `API tokens of ${temp.name}` }).click();
    const tokens = page.getByRole('table', { name: `API tokens of ${temp.name}` });
    await tokens.getByText('e2e reader').waitFor();
    await screenshot(page, 'users-tokens');
    page.once('dialog', (d) => d.accept());
    await tokens.getByRole('button', { name: `Revoke ${temp.name}'s token e2e reader` }).click();
    await page.getByText(`${temp.name} has no API tokens.`).waitFor();
    expect((await bearer('/api/v1/session')).status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('disabling an account ends its open session and refuses its sign-in until it is enabled', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await usersPage(page);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: `Disable ${temp.name}` }).click();
    await accountRow(page, temp.name).getByText('disabled', { exact: true }).waitFor();
    // The disabled account's open page is signed out at its next request.
    await tempPage.reload();
    await tempPage.getByRole('button', { name: 'Log in' }).waitFor();
    await tempPage.getByLabel('Name').fill(temp.name);
    await tempPage.getByLabel('Password').fill(temp.password);
    await tempPage.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(async () => (await tempPage.getByRole('alert').allTextContents()).join(' '), { timeout: 10_000 }).toContain('disabled');
    await page.getByRole('button', { name: `Enable ${temp.name}` }).click();
    await page.getByRole('button', { name: `Disable ${temp.name}` }).waitFor();
    await login(tempPage, temp);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an administrator resets an account's password: the rule is checked, its open session ends, the new password signs in", async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await usersPage(page);
    // Their own password is changed on the Account page, not reset here.
    expect(await page.getByRole('button', { name: `Reset the password of ${admin.name}` }).count()).toBe(0);
    await page.getByRole('button', { name: `Reset the password of ${temp.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Reset the password of ${temp.name}` });
    const field = dialog.getByLabel('New password');
    await field.fill(`${temp.name}`);
    await dialog.getByText('✗ not the account name').waitFor();
    await field.fill('qwertyuiop123');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await expect.poll(() => dialog.locator('#reset-password-error').textContent(), { timeout: 10_000 }).toContain('walk along the keyboard');
    await screenshot(page, 'users-reset-password');
    const fresh = 'saffron lantern wobble quay';
    await field.fill(fresh);
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' '), { timeout: 10_000 }).toContain(`The password of ${temp.name} is reset`);
    expect(await dialog.isVisible()).toBe(false);
    // The account's open page is signed out; the old password no longer works, the new one does.
    await tempPage.reload();
    await tempPage.getByRole('button', { name: 'Log in' }).waitFor();
    await tempPage.getByLabel('Name').fill(temp.name);
    await tempPage.getByLabel('Password').fill(temp.password);
    await tempPage.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(async () => (await tempPage.getByRole('alert').allTextContents()).join(' '), { timeout: 10_000 }).toContain('wrong password');
    await login(tempPage, { name: temp.name, password: fresh });
    expect(errors).toEqual([]);
    await context.close();
    await tempContext.close();
  });
});
