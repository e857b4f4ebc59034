// End to end: policy links that never mislead. A link into an old version says so next to
// the paragraph it highlights, with the same section in the current version and what changed
// in it; "Open the current version" keeps the section; the ¶ links can be found and a
// paragraph's link copied from the keyboard.
import { test, before, after } from 'node:test';
import { request } from 'playwright-core';
import zlib from 'node:zlib';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an old-version paragraph link says so beside the paragraph and leads to the current section and its changes', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/policies/private-information/v/1?p=0#public-figures');
  await appReady(page);
  const section = page.locator('section#public-figures');
  const highlighted = section.locator('[data-block="0"].highlight');
  await highlighted.waitFor();
  // The notice is in the same block as the highlighted paragraph, not only in the page header.
  const bar = section.locator('.block', { has: page.locator('[data-block="0"].highlight') }).locator('.paragraph-bar.outdated');
  await bar.waitFor();
  assert.match(await bar.textContent(), /This is v1, not the current version \(v2\)\./);
  const inCurrent = bar.getByRole('link', { name: 'Read this section in v2' });
  assert.equal(await inCurrent.getAttribute('href'), '/policies/private-information/v/2#public-figures');
  const changes = bar.getByRole('link', { name: 'What changed in this section since v1' });
  assert.equal(await changes.getAttribute('href'), '/policies/private-information/diff/1/2#d-public-figures');
  await screenshot(page, 'old-paragraph-link');
  await expectNoAxeViolations(page);

  await inCurrent.click();
  await page.waitForURL(/\/policies\/private-information\/v\/2#public-figures$/);
  await page.locator('h1', { hasText: 'Private information' }).waitFor();
  assert.equal(await page.locator('.notice').count(), 0, 'v2 is the current version');
  await page.goBack();
  await page.waitForURL(/\/v\/1\?p=0#public-figures$/);
  await page.locator('.paragraph-bar.outdated').getByRole('link', { name: 'What changed in this section since v1' }).click();
  await page.waitForURL(/\/policies\/private-information\/diff\/1\/2#d-public-figures$/);
  await page.locator('h2#d-public-figures').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Open the current version" keeps the section being read', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/policies/private-information/v/1#real-world-risk');
  await appReady(page);
  const open = page.locator('.notice').getByRole('link', { name: 'Open the current version (v2)' });
  await open.waitFor();
  assert.equal(await open.getAttribute('href'), '/policies/private-information/v/2#real-world-risk');
  await open.click();
  await page.waitForURL(/\/v\/2#real-world-risk$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the ¶ links are visible without hovering, and a paragraph link is copied from the keyboard', async () => {
  const { context, page, problems } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto('/policies/private-information/v/2#overview');
  await appReady(page);
  const pilcrow = page.locator('section#overview a.para-link').first();
  await pilcrow.waitFor();
  const opacity = Number(await pilcrow.evaluate((a) => getComputedStyle(a).opacity));
  assert.ok(opacity >= 0.5, `a ¶ link is visible without hovering (opacity ${opacity})`);

  await pilcrow.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/v\/2\?p=0#overview$/);
  const copy = page.locator('section#overview .paragraph-bar').getByRole('button', { name: 'Copy link to this paragraph' });
  await copy.waitFor();
  assert.equal(await page.locator('.paragraph-bar.outdated').count(), 0, 'the current version is not called old');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Copy link to this paragraph');
  await page.keyboard.press('Enter');
  await page.locator('section#overview .paragraph-bar').getByRole('button', { name: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).pathname + new URL(copied).search + new URL(copied).hash,
    '/policies/private-information/v/2?p=0#overview');
  await expectNoAxeViolations(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an open tab hears about a new library version with a quiet notice, and shows it only when asked', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/policies/private-information#overview');
  await appReady(page);
  await page.locator('h1', { hasText: 'Private information' }).waitFor();
  // A mark on the article: still there after the notice means the page was not rebuilt.
  await page.locator('article.policy').evaluate((a) => { a.dataset.mark = 'kept'; });

  // The policy team imports a new policy meanwhile.
  const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'x-casebook-request': '1' } });
  const signIn = await api.post('/api/session', { data: { email: 'specialist@platform.casebook.test', password: 'casebook-demo' } });
  assert.equal(signIn.status(), 200, await signIn.text());
  const slug = `live-notice-${Date.now().toString(36)}`;
  const text = ['---', `slug: ${slug}`, 'title: Live notice', 'area: fraud-scams', 'owner: Tests',
    'regions: [global]', 'languages: [en]', 'version: 1', 'status: published', 'effective: 2026-01-01',
    'verified_until: 2027-01-01', 'summary: A policy imported while a tab was open.', 'actions:',
    '  - name: Remove content', '    severity: high', '    when: Always.', '---', '',
    '## Overview {#overview}', '', 'Imported while a tab was open.', ''].join('\n');
  const imported = await api.post('/api/library/import', { data: { files: [{ path: `policies/${slug}/v1.md`, text }] } });
  assert.equal(imported.status(), 200, await imported.text());
  await api.dispose();

  // The tab checks when it regains focus.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const notice = page.locator('.library-update[role="status"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /A new version of the policy library is available/);
  assert.equal(await page.locator('article.policy').getAttribute('data-mark'), 'kept');
  await expectNoAxeViolations(page);

  await notice.getByRole('button', { name: 'Show it' }).click();
  await notice.waitFor({ state: 'detached' });
  await page.evaluate((slug) => {
    history.pushState({}, '', `/policies/${slug}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, slug);
  await page.locator('h1', { hasText: 'Live notice' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

// A slug of its own, so the test passes again against the same server.
const SLUG = `import-page-${Date.now().toString(36)}`;

/** A policy file for the import page: `SLUG` version `n`, saying `text`. */
function importFile(n, text, status = 'published') {
  return {
    name: `v${n}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(['---', `slug: ${SLUG}`, 'title: Import page', 'area: fraud-scams', 'owner: Tests',
      'regions: [global]', 'languages: [en]', `version: ${n}`, `status: ${status}`, `effective: 2026-0${n}-01`,
      'verified_until: 2027-01-01', 'summary: A policy imported through the page.', 'actions:',
      '  - name: Remove content', '    severity: high', '    when: Always.', '---', '',
      '## Overview {#overview}', '', text, ''].join('\n')),
  };
}

test('the import page shows problems in place, then a preview of new policies, versions and status changes, and applies it', async () => {
  const { context, page, problems } = await openPage(browser);
  const signIn = await context.request.post('/api/session', {
    headers: { 'x-casebook-request': '1' },
    data: { email: 'specialist@platform.casebook.test', password: 'casebook-demo' },
  });
  assert.equal(signIn.status(), 200);
  await page.goto('/library/import');
  await appReady(page);
  await page.locator('h1', { hasText: 'Import policies' }).waitFor();

  await page.setInputFiles('#import-files', [importFile(1, 'First.', 'live')]);
  const problemList = page.locator('.import-problems');
  await problemList.waitFor();
  assert.match(await problemList.textContent(), /v1\.md.*Line 9:.*unknown status "live"/s);
  await expectNoAxeViolations(page);

  await page.setInputFiles('#import-files', [importFile(1, 'First.')]);
  await page.locator('.import-new-policies', { hasText: `Import page (${SLUG} v1)` }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await page.locator('.import-done', { hasText: 'Imported: 1 new versions, 0 status changes.' }).waitFor();

  await page.setInputFiles('#import-files', [importFile(1, 'First.'), importFile(2, 'Second.')]);
  const versions = page.locator('.import-new-versions');
  await versions.waitFor();
  assert.match(await versions.textContent(), /Import page v2 — compared with v1: 1 sections changed, 0 added, 0 removed/);
  assert.match(await page.locator('.import-status-changes').textContent(), new RegExp(`${SLUG} v1 becomes Superseded 2026-02-01`));
  assert.match(await page.locator('.import-preview').textContent(), /One file is already in the library/);
  await screenshot(page, 'import-preview');
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await page.locator('.import-done').waitFor();
  const policy = await (await context.request.get(`/api/policies/${SLUG}`)).json();
  assert.deepEqual(policy.versions.map((v) => `${v.number} ${v.status}`), ['1 superseded', '2 published']);
  // The browser logs the preview's expected 422 (a library with problems) as a failed load.
  assert.deepEqual(problems.filter((p) => !p.includes('status of 422')), []);
  await context.close();
});

test('the import page refuses an agent: the server says so', async () => {
  const { context, page } = await openPage(browser);
  await context.request.post('/api/session', {
    headers: { 'x-casebook-request': '1' },
    data: { email: 'agent@demo.casebook.test', password: 'casebook-demo' },
  });
  await page.goto('/library/import');
  await appReady(page);
  await page.setInputFiles('#import-files', [importFile(1, 'Agent.')]);
  await page.locator('.import-page [role="alert"]').waitFor();
  assert.equal(await page.locator('.import-preview').count(), 0);
  await context.close();
});

test('a Japanese query that only English sections answer says so; an Arabic one answered in Arabic does not', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`/?q=${encodeURIComponent('swatting とは')}`);
  await appReady(page);
  await page.locator('.result').first().waitFor({ timeout: 20_000 });
  const notice = page.locator('#other-language');
  await notice.waitFor();
  assert.equal(await notice.textContent(), 'No results in Japanese; showing sections in other languages.');
  await expectNoAxeViolations(page);
  await page.goto(`/?q=${encodeURIComponent('swatting تهديد')}`);
  await page.locator('.result[lang="ar"]').first().waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('#other-language').count(), 0);
  assert.deepEqual(problems, []);
});

/** A zip archive, written by hand: each file deflated, or stored when `stored`; `size`
 * overrides the declared unpacked size (a lying size is how a zip bomb hides). */
function zipOf(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, text, stored = false, size } of files) {
    const data = Buffer.from(text);
    const body = stored ? data : zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const header = (sig, extra) => {
      const b = Buffer.alloc(extra);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(zlib.crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, body);
    const entry = header(0x02014b50, 46);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt32LE(zlib.crc32(data), 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size ?? data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

test('a zip of the library folder gives the same preview as its files, and a zip bomb is refused', async () => {
  const { context, page, problems } = await openPage(browser);
  const signIn = await context.request.post('/api/session', {
    headers: { 'x-casebook-request': '1' },
    data: { email: 'specialist@platform.casebook.test', password: 'casebook-demo' },
  });
  assert.equal(signIn.status(), 200);
  await page.goto('/library/import');
  await appReady(page);
  const slug = `zip-import-${Date.now().toString(36)}`;
  const text = (n, words) => ['---', `slug: ${slug}`, 'title: Zip import', 'area: fraud-scams', 'owner: Tests',
    'regions: [global]', 'languages: [en]', `version: ${n}`, `status: ${n === 1 ? 'superseded' : 'published'}`,
    `effective: 2026-0${n}-01`, ...(n === 1 ? ['status_since: 2026-02-01'] : []),
    'verified_until: 2027-01-01', 'summary: A policy imported from a zip.', 'actions:',
    '  - name: Remove content', '    severity: high', '    when: Always.', '---', '',
    '## Overview {#overview}', '', words, ''].join('\n');
  const v1 = text(1, 'Zipped first words.');
  const v2 = text(2, 'Zipped second words, and more of them.');

  // The same two files chosen one by one give the reference preview.
  await page.setInputFiles('#import-files', [
    { name: 'v1.md', mimeType: 'text/markdown', buffer: Buffer.from(v1) },
    { name: 'v2.md', mimeType: 'text/markdown', buffer: Buffer.from(v2) },
  ]);
  const preview = page.locator('.import-preview');
  await preview.locator('.import-new-policies', { hasText: `Zip import (${slug} v1)` }).waitFor();
  const expected = await preview.textContent();

  // Not a zip, then a zip bomb (an entry unpacking far past its declared size): refused.
  await page.setInputFiles('#import-files', [{ name: 'library.zip', mimeType: 'application/zip', buffer: Buffer.from('no zip here') }]);
  await page.locator('.import-page [role="alert"]', { hasText: 'library.zip is not a zip file.' }).waitFor();
  const bomb = zipOf([{ name: `library/policies/${slug}/v1.md`, text: 'A'.repeat(2_000_000), size: 1_000 }]);
  await page.setInputFiles('#import-files', [{ name: 'bomb.zip', mimeType: 'application/zip', buffer: bomb }]);
  await page.locator('.import-page [role="alert"]', { hasText: `policies/${slug}/v1.md in the zip file is damaged.` }).waitFor();

  // The folder zipped (one file deflated, one stored, a folder entry and a stray file): the same preview.
  const zip = zipOf([
    { name: 'library/', text: '', stored: true },
    { name: `library/policies/${slug}/v1.md`, text: v1 },
    { name: `library/policies/${slug}/v2.md`, text: v2, stored: true },
    { name: 'library/README.txt', text: 'not part of the library' },
  ]);
  await page.setInputFiles('#import-files', [{ name: 'library.zip', mimeType: 'application/zip', buffer: zip }]);
  await preview.locator('.import-new-policies', { hasText: `Zip import (${slug} v1)` }).waitFor();
  assert.equal(await preview.textContent(), expected);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await page.locator('.import-done').waitFor();
  const policy = await (await context.request.get(`/api/policies/${slug}`)).json();
  assert.deepEqual(policy.versions.map((v) => `${v.number} ${v.status}`), ['1 superseded', '2 published']);
  assert.deepEqual(problems, []);
  await context.close();
});
