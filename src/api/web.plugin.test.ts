import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.ts';
import { webPlugin } from './web.plugin.ts';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
let dir: string;

async function appWith(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandler(app);
  app.get('/api/v1/known', async () => ({ ok: true }));
  await app.register(webPlugin(distDir));
  await app.ready();
  return app;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app shell</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'sw.js'), 'self.x = 1');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('web plugin: the app at / with a fallback for client-side routes', () => {
  it('serves the shell at / and at any page path a browser asks for', async () => {
    const app = await appWith(dir);
    for (const url of ['/', '/trader/declarations/dcl_1', '/tariff/090111000?x=1']) {
      const r = await app.inject({ url, headers: HTML });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/html/);
      expect(r.body).toContain('app shell');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('keeps JSON 404s for unknown API and docs routes, even when the client accepts HTML', async () => {
    const app = await appWith(dir);
    for (const url of ['/api/v1/nope', '/api', '/docs/missing']) {
      const r = await app.inject({ url, headers: HTML });
      expect(r.statusCode, url).toBe(404);
      expect(r.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    }
    expect((await app.inject({ url: '/api/v1/known', headers: HTML })).json()).toEqual({ ok: true });
  });

  it('answers a page path with JSON 404 to a client that does not ask for HTML', async () => {
    const app = await appWith(dir);
    const r = await app.inject({ url: '/trader', headers: { accept: 'application/json' } });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
  });

  it('caches hashed assets for a year and revalidates the service worker; a missing asset is a 404, not the shell', async () => {
    const app = await appWith(dir);
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const sw = await app.inject({ url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    const missing = await app.inject({ url: '/assets/gone-999.js', headers: HTML });
    expect(missing.statusCode).toBe(404);
  });

  it('without a build, says how to build instead of failing, and the API still answers', async () => {
    const app = await appWith(join(dir, 'does-not-exist'));
    const r = await app.inject({ url: '/', headers: HTML });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build');
    expect((await app.inject({ url: '/api/v1/nope' })).statusCode).toBe(404);
  });
});
