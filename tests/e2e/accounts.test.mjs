// End to end: signing in and out, what each role sees, and what sign-out leaves behind.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'casebook-demo';

async function signIn(page, email) {
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.locator('.account-name').waitFor();
}

async function storedKeys(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const request = open.result.transaction('kv').objectStore('kv').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    };
  }));
}

test('an admin signs in, reads and filters the audit log, and signs out leaving no session behind', async () => {
  // A failed sign-in first, so the log has something to filter for.
  const failed = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-casebook-request': '1' },
    body: JSON.stringify({ email: 'trainer@demo.casebook.test', password: 'not the password' }),
  });
  assert.equal(failed.status, 401);

  const { context, page, problems } = await openPage(browser);
  await page.goto('/sign-in');
  await appReady(page);
  await expectNoAxeViolations(page);
  await signIn(page, 'admin@demo.casebook.test');
  assert.match(await page.locator('.account-name').textContent(), /Ada Admin · Admin/);

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'casebook_session');
  assert.ok(session, 'a session cookie is set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie.includes('casebook_session')), false, 'scripts cannot read it');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(`${BASE}/admin/audit`);
  const rows = page.locator('tr.audit-row');
  await rows.first().waitFor();
  assert.ok((await page.locator('tr.audit-row', { hasText: 'admin@demo.casebook.test' }).count()) >= 1);
  await page.locator('#audit-result').selectOption('failed');
  await page.waitForFunction(() => [...document.querySelectorAll('tr.audit-row')].every((r) => r.classList.contains('failed')));
  assert.ok((await page.locator('tr.audit-row', { hasText: 'trainer@demo.casebook.test' }).count()) >= 1);
  await screenshot(page, 'audit-log');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${BASE}/sign-in`);
  assert.equal((await context.cookies()).some((c) => c.name === 'casebook_session'), false, 'the cookie is gone');
  const keys = await storedKeys(page);
  assert.ok(keys.every((k) => k.startsWith('library')), `only the shared library stays: ${keys}`);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage))), []);
  // The session is over on the server too: the old cookie no longer works.
  const me = await fetch(`${BASE}/api/session`, { headers: { cookie: `casebook_session=${session.value}` } });
  assert.equal((await me.json()).user, null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an agent has no audit log', async () => {
  const { context, page } = await openPage(browser);
  await signIn(page, 'agent@demo.casebook.test');
  assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0);
  await page.goto('/admin/audit');
  await appReady(page);
  await page.getByText('Only administrators can read the audit log.').waitFor();
  const denied = await page.evaluate(async () => (await fetch('/api/audit')).status);
  assert.equal(denied, 403);
  await context.close();
});

test('a wrong password says so plainly', async () => {
  const { context, page } = await openPage(browser);
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Email').fill('specialist@demo.casebook.test');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /email or password is wrong/);
  await context.close();
});
