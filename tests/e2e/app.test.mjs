// End to end: the real release build served by the real server, in Debian's Chromium.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function api(path) {
  const response = await fetch(`${BASE}${path}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

test('the app boots under its CSP and lists the demo policies from the API', async () => {
  const { body: policies } = await api('/api/policies');
  assert.ok(policies.length >= 25, `the demo library has ${policies.length} policies`);

  const { context, page, problems } = await openPage(browser);
  const response = await page.goto('/');
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /frame-ancestors 'none'/);
  await appReady(page);
  await page.locator('.policy-row').first().waitFor();
  assert.equal(await page.locator('.policy-row').count(), policies.length);
  await page.locator('.connection[data-state="online"]').waitFor({ timeout: 10_000 });
  await screenshot(page, 'search');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the library and its search index download with the wasm, once each: the app uses the preloads', async () => {
  const { context, page, problems } = await openPage(browser);
  const events = [];
  page.on('request', (r) => events.push(`start ${new URL(r.url()).pathname}`));
  page.on('requestfinished', (r) => events.push(`end ${new URL(r.url()).pathname}`));
  await page.goto('/');
  await appReady(page);
  await page.locator('.policy-row').first().waitFor();
  const wasmDone = events.findIndex((e) => /^end \/casebook-[0-9a-f]+_bg\.wasm$/.test(e));
  assert.ok(wasmDone >= 0, events.join('\n'));
  for (const path of ['/api/library', '/api/search-index']) {
    assert.equal(events.filter((e) => e === `start ${path}`).length, 1, `${path} is fetched once:\n${events.join('\n')}`);
    assert.ok(events.indexOf(`start ${path}`) < wasmDone, `${path} starts before the wasm is in:\n${events.join('\n')}`);
  }
  // The service worker keeps the files index.html names, but not the API answers it preloads.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const kept = await page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  assert.ok(kept.some((p) => p.endsWith('.wasm')), kept.join(', '));
  assert.deepEqual(kept.filter((p) => p.startsWith('/api/')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking through: a policy from the list, then the main navigation', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/');
  await appReady(page);
  const first = page.locator('.policy-link').first();
  const title = (await first.textContent()).trim();
  await first.click();
  await page.waitForURL(/\/policies\/[a-z0-9-]+$/);
  assert.equal((await page.locator('h1').textContent()).trim(), title);
  assert.ok((await page.locator('section.section').count()) >= 3, 'the policy shows its sections');

  await page.getByRole('link', { name: 'Sweeps' }).click();
  await page.waitForURL(`${BASE}/sweeps`);
  assert.equal(await page.getByRole('link', { name: 'Sweeps' }).getAttribute('aria-current'), 'page');
  await page.goBack();
  await page.waitForURL(/\/policies\//);
  await page.locator('h1', { hasText: title }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link to a section of a version opens at that section, also after a reload', async () => {
  const { body: policy } = await api('/api/policies/private-information');
  const version = policy.versions.at(-1);
  const target = version.sections.at(-1);
  const { context, page, problems } = await openPage(browser);
  await page.goto(`/policies/private-information/v/${version.number}#${target.anchor}`);
  await appReady(page);
  const section = page.locator(`section#${target.anchor}`);
  await section.waitFor();
  for (const round of ['first load', 'reload']) {
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r && r.top >= 0 && r.top < window.innerHeight / 2;
    }, target.anchor, { timeout: 5_000 }).catch(() => assert.fail(`section #${target.anchor} is not in view after ${round}`));
    assert.equal((await section.locator('h2').textContent()).trim(), target.heading);
    if (round === 'first load') {
      await page.reload();
      await appReady(page);
      await section.waitFor();
    }
  }
  await screenshot(page, 'policy-section');
  assert.deepEqual(problems, []);
  await context.close();
});

test('unknown API paths and missing assets are real 404s with a JSON error', async () => {
  for (const path of ['/api/no-such-endpoint', '/no-such-file.js', '/api/policies/no-such-policy']) {
    const response = await fetch(`${BASE}${path}`);
    assert.equal(response.status, 404, path);
    const body = await response.json();
    assert.equal(body.code, 'not_found', path);
    assert.ok(body.request_id.length >= 16, `${path} has a request id`);
  }
  const page = await fetch(`${BASE}/policies/private-information/v/2`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html/);
});

test('the search and policy pages have no accessibility violations (axe-core)', async () => {
  const { context, page } = await openPage(browser);
  await page.goto('/');
  await appReady(page);
  await page.locator('.policy-row').first().waitFor();
  await expectNoAxeViolations(page);
  await page.goto('/policies/private-information');
  await page.locator('section.section').first().waitFor();
  await expectNoAxeViolations(page);
  await context.close();
});
