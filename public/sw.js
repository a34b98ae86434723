// The service worker, plain JavaScript (no workbox: nothing to download at build time, and the
// whole worker stays a few kilobytes). The build (scripts/sw-build.sh) puts in front of this file
// BUILD_ID, LANGUAGES (the pages' languages, the plain address's first), PRECACHE (the app shell: index.html, the hashed JS, wasm and CSS, the icons, the
// manifest) and the outbox module src/outbox.js, so a new build is a new sw.js byte for byte and
// the browser offers it. It never touches /api/ nor the partner embed's pages.

const SHELL_CACHE = `ct-shell-${BUILD_ID}`;
const CONTENT_CACHE = `ct-content-${BUILD_ID}`;
const SHELL_PAGE = '/index.html';
// The navigations this worker answered from the cache, by the client they created.
const fromCache = new Set();

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // No skipWaiting here: a new version waits until the reader accepts it (SKIP_WAITING).
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = [SHELL_CACHE, CONTENT_CACHE];
    for (const name of await caches.keys()) {
      if (name.startsWith('ct-') && !keep.includes(name)) await caches.delete(name);
    }
    await self.clients.claim();
    await flush();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
  // The reader saves the site for reading offline again (after removing the saved copy, whose
  // caches the page deleted): the cache is filled again; the answer is when, or null.
  if (event.data?.type === 'SAVE') {
    const answer = event.ports[0];
    event.waitUntil(saveShell().then(shellSavedAt, () => null).then((at) => answer?.postMessage(at)));
  }
  if (event.data?.type === 'WHICH_COPY' && event.source) {
    event.waitUntil(shellSavedAt().then((at) => event.source.postMessage({
      type: 'COPY', savedAt: at, fromCache: fromCache.has(event.source.id),
    })));
  }
});

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  // A rejected promise tells the browser to fire the sync again later.
  event.waitUntil(flush().then(hasWaiting).then((waiting) => {
    if (waiting) throw new Error('requests still waiting');
  }));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/embed/')) return;
  if (url.pathname === '/sw.js') return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else {
    event.respondWith(content(event));
  }
});

/** The network first (pages are small and should be fresh); offline, the saved copy of that
 * page in the reader's language, or the article's for an address the build has no page for. */
async function navigate(event) {
  try {
    return await fetch(event.request);
  } catch (offline) {
    const url = new URL(event.request.url);
    const lang = await languageOf(url);
    const saved = await caches.match(`${url.pathname}?lang=${lang}`, { cacheName: SHELL_CACHE })
      ?? await caches.match(`/?lang=${lang}`, { cacheName: SHELL_CACHE });
    if (!saved) throw offline;
    if (event.resultingClientId) fromCache.add(event.resultingClientId);
    const headers = new Headers(saved.headers);
    headers.set('X-From-Cache-Date', saved.headers.get('Date') ?? '');
    return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
  }
}

/** The page's language as the server picks it: `?lang=`, the reader's choice (the `lang` cookie
 * the app sets), the browser's languages, English. */
async function languageOf(url) {
  const known = (tag) => LANGUAGES.find((lang) => tag && tag.toLowerCase().split('-')[0] === lang);
  const chosen = known(url.searchParams.get('lang'))
    ?? known(await self.cookieStore?.get('lang').then((c) => c?.value, () => undefined));
  return chosen ?? navigator.languages.map(known).find(Boolean) ?? LANGUAGES[0];
}

/** The app shell into the cache. Unhashed files fresh from the server (a stale index.html would
 * not match the hashed files it names); Trunk's hashed files may come from the HTTP cache, so the
 * first visit does not download the wasm twice. */
function precache() {
  const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
  return caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE.map((url) =>
    hashed.test(url) ? url : new Request(url, { cache: 'reload' }))));
}

/** Fills the cache again unless it still holds the app shell. */
async function saveShell() {
  if (!(await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE }))) await precache();
}

/** The build's own files from the cache; anything else stale-while-revalidate. Once the reader
 * removed the saved copy (its caches are gone), only the network: nothing is cached again. */
async function content(event) {
  if (!(await caches.has(SHELL_CACHE))) return fetch(event.request);
  const shell = await caches.open(SHELL_CACHE);
  const precached = await shell.match(event.request);
  if (precached) return precached;
  const cache = await caches.open(CONTENT_CACHE);
  const cached = await cache.match(event.request);
  const fresh = fetch(event.request).then((response) => {
    if (response.ok && response.type === 'basic') cache.put(event.request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => {}));
    return cached;
  }
  return fresh;
}

/** When the saved shell was fetched (its Date header), in ms since the epoch, or null. */
async function shellSavedAt() {
  const saved = await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE });
  const date = Date.parse(saved?.headers.get('Date') ?? '');
  return Number.isFinite(date) ? date : null;
}
