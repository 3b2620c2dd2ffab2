/* global self, caches, fetch, Response */
// The app shell, cached so the traveller route keeps working without a network once it has been opened.
// Hashed assets are immutable (cache first); pages are network first with the cached shell as fallback;
// the API is never cached (a duty figure or a gate verdict must be live).
const CACHE = 'smart-customs-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Ask for HTML as a browser navigation does: the server answers other clients with a JSON 404.
      const res = await fetch('/', { cache: 'no-cache', headers: { accept: 'text/html' } });
      if (!res.ok) throw new Error(`app shell: HTTP ${res.status}`);
      const html = await res.clone().text();
      await cache.put('/', res);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set(assets)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The page lists the chunks it loaded before this worker took control (e.g. the traveller route).
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache.filter((u) => typeof u === 'string' && u.startsWith('/assets/')) : [];
  if (urls.length) event.waitUntil(caches.open(CACHE).then((c) => c.addAll(urls)).catch(() => undefined));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(CACHE).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
    );
    return;
  }
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(async () => (await caches.match('/')) || new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain' } })),
    );
  }
});
