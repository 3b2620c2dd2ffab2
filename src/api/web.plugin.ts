import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** web/dist of this checkout, where `npm run build` (vite build web) writes the app. */
export function defaultWebDistDir(): string {
  return join(REPO_ROOT, 'web', 'dist');
}

/**
 * Builds the web app when this checkout has none (a clean clone started with `npm start`), the same way
 * `npm run build` does. Returns whether a build ran. Build output goes to stderr, never to stdout.
 */
export function buildWebIfMissing(distDir: string = defaultWebDistDir()): boolean {
  if (existsSync(join(distDir, 'index.html'))) return false;
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--outDir', distDir, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    // A test runner sets NODE_ENV=test, which would make Vite bundle React's development build (twice the size).
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  return true;
}

/** Paths that belong to the API, its documentation or the built assets: never answered with the app's HTML. */
const NOT_APP = /^\/(api|docs|assets)(\/|$)/;

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /\btext\/html\b/.test(accept);
}

/**
 * The app loads nothing from elsewhere and runs no inline script, so the page can forbid both: an injected script tag
 * or a link to a foreign form cannot run or post. `data:` images are the traveller's QR code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Smart Customs</title>
<body style="font-family:system-ui;max-width:40em;margin:2em auto"><h1>The web app is not built</h1>
<p>Run <code>npm run build</code> in the repository, then reload. The API is available under <a href="/docs">/docs</a>.</p></body></html>`;

/**
 * Serves the built web app at `/`. Hashed assets are cached for a year; the HTML shell and the service worker are
 * revalidated on every load so a deployment takes effect at once. Any other GET that a browser makes for a page
 * (it accepts text/html) gets the app's index.html, whose client-side router draws the page; unknown /api and /docs
 * routes, and clients that do not ask for HTML, still get the JSON 404 of the API's not-found handler.
 */
export function webPlugin(distDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    const hasApp = existsSync(join(distDir, 'index.html'));
    if (hasApp) {
      await app.register(fastifyStatic, {
        root: distDir,
        // Routes for the files that exist now; the SPA fallback below handles every other path.
        wildcard: false,
        index: false,
        cacheControl: false,
        setHeaders: (reply, path) => {
          const hashed = path.startsWith(join(distDir, 'assets'));
          reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    } else {
      app.log.warn(`web app not built: ${distDir} has no index.html (run npm run build)`);
    }

    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (NOT_APP.test(path) || !wantsHtml(request)) return reply.callNotFound();
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
      if (!hasApp) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    };
    app.get('/', { schema: { hide: true } }, page);
    app.get('/*', { schema: { hide: true } }, page);
  };
}
