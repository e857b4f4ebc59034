// End to end: signing in and out, what each role sees, and what sign-out leaves behind.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'casebook-demo';

async function signIn(page, email, password = PASSWORD) {
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
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
    body: JSON.stringify({ email: 'agent@demo.casebook.test', password: 'not the password' }),
  });
  assert.equal(failed.status, 401);

  const { context, page, problems } = await openPage(browser);
  await page.goto('/sign-in');
  await appReady(page);
  await expectNoAxeViolations(page);
  await signIn(page, 'admin@demo.casebook.test');
  assert.match(await page.locator('.account-name').textContent(), /Ada Admin · Vendor admin/);

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'casebook_session');
  assert.ok(session, 'a session cookie is set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie.includes('casebook_session')), false, 'scripts cannot read it');

  // More refused requests than one page of the log holds: an agent asking for the people list.
  const agentSignIn = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-casebook-request': '1' },
    body: JSON.stringify({ email: 'agent@demo.casebook.test', password: PASSWORD }),
  });
  const agentCookie = agentSignIn.headers.get('set-cookie').split(';')[0];
  await Promise.all(Array.from({ length: 105 }, () => fetch(`${BASE}/api/users`, { headers: { cookie: agentCookie } })));
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(`${BASE}/admin/audit`);
  const rows = page.locator('tr.audit-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 100, 'one page at a time');
  await page.getByRole('button', { name: 'Show older entries' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr.audit-row').length > 100);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.id)));
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first, no repeats across pages');
  assert.equal(new Set(ids).size, ids.length);
  // Times in the browser's zone and language, on one line; the exact UTC time on hover.
  const time = rows.first().locator('time');
  assert.match(await time.getAttribute('datetime'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  assert.match(await time.textContent(), /\b20\d\d\b.*\d:\d\d/);
  assert.match(await time.getAttribute('title'), /UTC/);
  // One line (bidirectional text may split it into several boxes, all on that line).
  assert.equal(await time.evaluate((t) => new Set([...t.getClientRects()].map((r) => Math.round(r.top))).size), 1, 'the time does not wrap');
  // Actions by name, not as the server's identifiers.
  const signInRow = page.locator('tr.audit-row[data-action="session.sign_in"]').first();
  assert.equal(await signInRow.locator('td').nth(2).textContent(), 'Sign-in');
  assert.ok((await page.locator('tr.audit-row', { hasText: 'admin@demo.casebook.test' }).count()) >= 1);
  await page.locator('#audit-result').selectOption('failed');
  await page.waitForFunction(() => [...document.querySelectorAll('tr.audit-row')].every((r) => r.classList.contains('failed')));
  assert.ok((await page.locator('tr.audit-row', { hasText: 'agent@demo.casebook.test' }).count()) >= 1);
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
  await page.getByLabel('Email').fill('specialist@platform.casebook.test');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /email or password is wrong/);
  await context.close();
});

test('an admin adds a person, switches their account off and on, and gives them a new password', async () => {
  const admin = await openPage(browser);
  const page = admin.page;
  await signIn(page, 'admin@demo.casebook.test');
  await page.getByRole('link', { name: 'People' }).click();
  await page.waitForURL(`${BASE}/admin/people`);
  await page.locator('tr.person').first().waitFor();
  assert.ok((await page.locator('tr.person').count()) >= 2, 'the demo vendor has its agent and its admin');
  assert.equal(await page.locator('tr.person', { hasText: '@northwind.casebook.test' }).count(), 0, 'nobody of another vendor');
  // An admin cannot lock themselves out from here.
  const me = page.locator('tr.person', { hasText: '(you)' });
  assert.equal(await me.getByRole('combobox').isDisabled(), true);
  assert.equal(await me.getByRole('button', { name: /Switch off/ }).count(), 0);
  assert.equal(await me.getByRole('button', { name: /New password/ }).count(), 0);

  // Adding: the first password is suggested, readable, and strong enough.
  const email = `nadia-${Date.now()}@demo.casebook.test`;
  await page.getByLabel('Name', { exact: true }).fill('Nadia Newhire');
  await page.getByLabel('Email', { exact: true }).fill(email);
  assert.equal(await page.getByLabel('Role', { exact: true }).inputValue(), 'agent', 'a new person is an agent unless chosen otherwise');
  await page.getByLabel('Role', { exact: true }).selectOption('trainer');
  const password = await page.getByLabel('First password').inputValue();
  assert.match(password, /^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('status').getByText(`Added Nadia Newhire (${email}) as Trainer`).waitFor();
  const row = page.locator(`tr.person[data-email="${email}"]`);
  await row.waitFor();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), '', 'the form is cleared for the next person');
  assert.notEqual(await page.getByLabel('First password').inputValue(), password, 'a fresh suggestion');
  assert.equal(await page.getByLabel('Role', { exact: true }).inputValue(), 'agent');

  // The same email again is refused in plain words, and nothing else changes.
  await page.getByLabel('Name', { exact: true }).fill('Someone Else');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('alert').getByText('exists already').waitFor();
  assert.equal(await page.locator(`tr.person[data-email="${email}"]`).count(), 1);
  // Finding someone in a long list.
  await page.getByLabel('Find').fill('NADIA-');
  await page.waitForFunction(() => [...document.querySelectorAll('tr.person')].every((r) => r.dataset.email.startsWith('nadia-')));
  await page.getByLabel('Find').fill('trainer');
  await page.waitForFunction(() => [...document.querySelectorAll('tr.person select')].every((s) => s.value === 'trainer'));
  await page.getByLabel('Find').fill('');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'people');
  await expectNoAxeViolations(page);

  // The new person signs in with the suggested password.
  const nadia = await openPage(browser);
  await signIn(nadia.page, email, password);
  assert.match(await nadia.page.locator('.account-name').textContent(), /Nadia Newhire · Vendor trainer/);

  // Switched off: their open session ends, and signing in says why.
  await row.getByRole('button', { name: "Switch off Nadia Newhire's account" }).click();
  await row.getByText('Switched off').waitFor();
  await page.getByRole('status').getByText('their sessions have ended').waitFor();
  // Her open page notices at its next sync and offers to sign in again.
  await nadia.page.getByRole('link', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
  assert.equal(await nadia.page.locator('.account-name').count(), 0);
  const status = await nadia.page.evaluate(async () => (await fetch('/api/sync/pull?client_id=web-probe')).status);
  assert.equal(status, 401, 'the session is over on the server');
  await nadia.page.goto('/sign-in');
  await appReady(nadia.page);
  await nadia.page.getByLabel('Email').fill(email);
  await nadia.page.getByLabel('Password').fill(password);
  await nadia.page.getByRole('button', { name: 'Sign in' }).click();
  await nadia.page.getByRole('alert').getByText('This account is switched off').waitFor();

  // Switched on with a new password: the old one no longer works, the new one does.
  await row.getByRole('button', { name: "Switch on Nadia Newhire's account" }).click();
  await row.getByText('Active').waitFor();
  await row.getByRole('button', { name: 'New password for Nadia Newhire' }).click();
  const field = row.getByLabel('New password for Nadia Newhire');
  assert.match(await field.inputValue(), /^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
  await field.fill('a new password for nadia');
  await row.getByRole('button', { name: 'Set' }).click();
  await page.getByRole('status').getByText('Set a new password for Nadia Newhire').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'New password for Nadia Newhire');
  await nadia.page.getByRole('button', { name: 'Sign in' }).click();
  await nadia.page.getByRole('alert').getByText('email or password is wrong').waitFor();
  await signIn(nadia.page, email, 'a new password for nadia');

  // A refused change says why, and the row goes back to what the server has.
  await page.route('**/api/users/*', (route) => route.request().method() === 'PATCH'
    ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ code: 'invalid', message: 'Refused for the test.', request_id: '0'.repeat(32) }) })
    : route.continue());
  await row.getByRole('combobox').selectOption('admin');
  await page.getByRole('alert').getByText('Could not change Nadia Newhire: Please check what you entered: Refused for the test.').waitFor();
  await page.waitForFunction((e) => document.querySelector(`tr.person[data-email="${e}"] select`).value === 'trainer', email);
  await page.unroute('**/api/users/*');

  // A role change applies at once, and the audit log has every change.
  await row.getByRole('combobox').selectOption('specialist');
  await page.getByRole('status').getByText('Nadia Newhire is now Policy specialist').waitFor();
  await nadia.page.reload();
  await appReady(nadia.page);
  await nadia.page.locator('.account-name', { hasText: 'Nadia Newhire · Vendor policy specialist' }).waitFor();
  const log = await page.evaluate(async () => (await (await fetch('/api/audit?action=user.change')).json()));
  const details = log.filter((e) => e.object === email).map((e) => e.detail);
  assert.deepEqual(details.sort(), ['new password', 'role specialist', 'switched off', 'switched on'].sort());
  // The same, found in the app by the object filter, even when the unfiltered list the page
  // asked for first arrives after the filtered one.
  await page.route('**/api/audit?*', async (route) => {
    if (!route.request().url().includes('object=')) await new Promise((r) => setTimeout(r, 1_000));
    await route.continue();
  });
  const late = page.waitForResponse((r) => r.url().includes('/api/audit?') && !r.url().includes('object='));
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Object').fill(email);
  await page.getByLabel('Object').press('Enter');
  const onlyAbout = (e) => {
    const cells = [...document.querySelectorAll('tr.audit-row .audit-object')];
    return cells.length === 4 && cells.every((c) => c.textContent === e);
  };
  await page.waitForFunction(onlyAbout, email);
  // Past the slowed unfiltered answer: it must not have replaced the filtered list.
  await late;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await page.evaluate(onlyAbout, email), true, 'a late answer to an older filter is dropped');
  await page.unroute('**/api/audit?*');
  // The browser logs the refused duplicate (409) as a failed load; nothing else went wrong.
  assert.deepEqual(admin.problems, [
    'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    'console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
  ]);
  await nadia.context.close();
  await admin.context.close();
});

test('a link opened before signing in comes back to the same place after signing in', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/sweeps/demoelection1');
  await appReady(page);
  await page.getByText('Sign in to').waitFor();
  await page.locator('main').getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/sign-in?next=%2Fsweeps%2Fdemoelection1`);
  await page.getByLabel('Email').fill('agent@demo.casebook.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/sweeps/demoelection1`);
  await page.getByRole('heading', { name: /Election night/ }).waitFor();
  // (Addresses outside the app are never followed: tests/components.rs.)
  assert.deepEqual(problems, []);
  await context.close();
});

test('a person changes the first password their admin gave them', async () => {
  // The admin creates the account, as on the People page.
  const adminSignIn = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-casebook-request': '1' },
    body: JSON.stringify({ email: 'admin@demo.casebook.test', password: PASSWORD }),
  });
  const adminCookie = adminSignIn.headers.get('set-cookie').split(';')[0];
  const email = `omar-${Date.now()}@demo.casebook.test`;
  const created = await fetch(`${BASE}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-casebook-request': '1', cookie: adminCookie },
    body: JSON.stringify({ email, name: 'Omar Onboarding', role: 'agent', password: 'first-from-admin' }),
  });
  assert.equal(created.status, 201);

  const { context, page } = await openPage(browser);
  await signIn(page, email, 'first-from-admin');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Change your password' }).waitFor();
  assert.match(await page.locator('.settings-page').textContent(), /Omar Onboarding · Vendor agent at Demo Vendor/);
  const fill = async (current, next, repeat) => {
    await page.getByLabel('Current password').fill(current);
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('New password again').fill(repeat);
    await page.getByRole('button', { name: 'Change password' }).click();
  };
  await fill('first-from-admin', 'mine and only mine', 'mine and only mien');
  await page.getByRole('alert').getByText('The two new passwords differ').waitFor();
  await fill('not what the admin gave', 'mine and only mine', 'mine and only mine');
  await page.getByRole('alert').getByText('Your current password is wrong.').waitFor();
  await fill('first-from-admin', 'mine and only mine', 'mine and only mine');
  await page.getByRole('status').getByText('Your password is changed').waitFor();
  assert.equal(await page.getByLabel('Current password').inputValue(), '', 'the form is cleared');
  await expectNoAxeViolations(page);
  await screenshot(page, 'settings-password');

  // Still signed in here; the new password is the one that works from now on.
  await page.reload();
  await appReady(page);
  await page.locator('.account-name', { hasText: 'Omar Onboarding' }).waitFor();
  const fresh = await openPage(browser);
  await signIn(fresh.page, email, 'mine and only mine');
  await fresh.context.close();
  await context.close();
});
