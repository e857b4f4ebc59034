// Casebook's service worker: keeps the app shell so the app opens with no network.
//
// - Page loads (navigations) go to the network first, so a new release is picked up at
//   once; without a network the saved page answers.
// - Built files (content-hashed by Trunk, so they never change) come from the cache first.
// - The API is never cached here: the library and the search index live in IndexedDB,
//   where the app manages them.
const CACHE = 'casebook-shell-v1';
const NETWORK_TIMEOUT_MS = 4000;

/** The same-origin files the page references (scripts, styles, wasm, icons), not the API
 * answers it preloads (the app keeps those in IndexedDB). */
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:href|src)="(\/[^"#?]+)"/g)) urls.add(match[1]);
  for (const match of html.matchAll(/module_or_path:\s*'(\/[^']+)'/g)) urls.add(match[1]);
  for (const match of html.matchAll(/from\s+'(\/[^']+)'/g)) urls.add(match[1]);
  return [...urls].filter((url) => !url.startsWith('/api/'));
}

/** Saves the page and everything it references; drops files of older builds. */
async function saveShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await Promise.all(assets.map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url);
  }));
  await cache.put('/', response);
  const keep = new Set(['/', ...assets].map((u) => new URL(u, self.location.origin).href));
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(fetch('/', { cache: 'no-cache' }).then(saveShell).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
        if (response.ok) event.waitUntil(saveShell(response.clone()));
        return response;
      } catch {
        const saved = await caches.match('/');
        return saved ?? Response.error();
      }
    })());
    return;
  }

  event.respondWith((async () => {
    const cached = await caches.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && url.pathname !== '/sw.js') {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  })());
});
