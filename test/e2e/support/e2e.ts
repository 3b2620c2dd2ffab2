import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import Fastify from 'fastify';
import { installErrorHandler } from '../../../src/api/error-handler.ts';
import { buildWebIfMissing, webPlugin } from '../../../src/api/web.plugin.ts';
import { dataDirFromEnv } from '../../../src/config.ts';
import { startTestPlatform, type TestPlatform } from '../../support/platform.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'web', 'dist');
/**
 * Every run rewrites its screenshots, so they go to an ignored folder (test-results/) and never leave the checkout
 * dirty; the README's pictures in docs/screenshots are copied from there by hand when a page changes.
 */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Builds the web app if this checkout has no build (a clean clone) or its sources changed since the last build. */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((f) => join(ROOT, 'web', f));
  if (existsSync(index) && statSync(index).mtimeMs < Math.max(...sources.map(newestMtime))) rmSync(WEB_DIST, { recursive: true, force: true });
  buildWebIfMissing(WEB_DIST);
}

/**
 * The real reference data takes most of a minute to load into PGlite, so the browser tests share one database
 * folder per (data folder, schema) pair under the OS temp dir: the first test file loads it, the others reuse it.
 * Declarations from earlier runs stay there; every test works with its own fresh LRN.
 */
function e2eDbDir(dataDir: string): string {
  const migrations = readdirSync(join(ROOT, 'drizzle')).sort().join(',');
  const key = createHash('sha256').update(`${dataDir}|${migrations}`).digest('hex').slice(0, 12);
  return join(tmpdir(), `smart-customs-e2e-${key}`);
}

/**
 * Only the web app and the API's error handling, no platform: for pages whose API calls a test answers itself, and
 * for measuring the app's own load time.
 */
export async function startWebOnly(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  ensureWebBuilt();
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  await app.register(webPlugin(WEB_DIST));
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl, close: () => app.close() };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface E2E {
  readonly baseUrl: string;
  readonly tp: TestPlatform;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** The whole platform on the real reference data, with the web app, listening on a free port; and Chromium. */
export async function startE2E(): Promise<E2E> {
  ensureWebBuilt();
  const dataDir = dataDirFromEnv();
  // The platform serves web/dist itself (src/platform.ts registers webPlugin).
  const tp = await startTestPlatform({ dataDir, dbDir: e2eDbDir(dataDir) });
  const address = await tp.platform.app.listen({ port: 0, host: '127.0.0.1' });
  // Declarations in dollars need the customs rate of their week; the reference data has none, so the tests load one
  // (a round figure, labelled as a test rate) the way a customs officer would.
  const rates = await fetch(`${address}/api/v1/exchange-rates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tp.keys.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-12-05', rate: '150.00', source: 'e2e test rate (not an official customs rate)' }] }),
  });
  if (!rates.ok) throw new Error(`loading the test exchange rate: HTTP ${rates.status} ${await rates.text()}`);
  const browser = await launchChromium();
  return {
    baseUrl: address,
    tp,
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await tp.platform.close();
    },
  };
}

/** A fresh browser profile in the given language, optionally signed in with an API key (kept in sessionStorage). */
export async function newPage(e: E2E, opts: { lang: 'ja' | 'en' | 'zh' | 'ko'; apiKey?: string; mobile?: boolean; serviceWorker?: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e.browser.newContext({
    baseURL: e.baseUrl,
    locale: opts.lang === 'ja' ? 'ja-JP' : 'en-GB',
    viewport: opts.mobile ? { width: 414, height: 900 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    // Blocked unless a test is about offline use: a cached shell would hide what the server sends.
    serviceWorkers: opts.serviceWorker ? 'allow' : 'block',
  });
  await context.addInitScript(
    ([lang, key]) => {
      localStorage.setItem('smart-customs.lang', lang ?? 'ja');
      if (key) sessionStorage.setItem('smart-customs.apiKey', key);
    },
    [opts.lang, opts.apiKey ?? ''] as const,
  );
  return { context, page: await context.newPage() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Calls the platform's API directly (setup steps that are not what the test is about). */
export async function apiCall<T>(e: E2E, method: string, path: string, key: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${e.baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export const uniqueLrn = (prefix: string): string => `${prefix}-${Date.now().toString(36).toUpperCase()}`;
