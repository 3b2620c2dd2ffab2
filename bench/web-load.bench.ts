/**
 * First load of the web app on localhost, as a person with an empty cache meets it: a fresh Chromium profile per
 * load, web/dist served by the platform's web plugin (the API calls a page makes answer 404 here: this measures the
 * app, not the API). For each page it reports, over --n loads,
 * the median and worst of: time to the first contentful paint, DOMContentLoaded, and "ready" — the moment the
 * page's <h1> is on screen (the lazily loaded route chunk has arrived and rendered). Also the bytes transferred.
 *
 *   npx tsx bench/web-load.bench.ts [--json] [--n 10]
 *
 * With --json, figures and conditions go to stderr and stdout ends with one JSON line
 * {"pages":{"/":{"readyP50ms":…,"readyMaxMs":…,"kb":…},…}}. The goal (issue 7) is a first load under 1 s.
 */
import { cpus, loadavg } from 'node:os';
import { numberFlag, parseArgs } from '../src/cli/args.ts';
import { launchChromium, startWebOnly } from '../test/e2e/support/e2e.ts';

const args = parseArgs(process.argv.slice(2));
const json = args.flags['json'] === true;
const log = (s: string): void => void (json ? console.error(s) : console.log(s));
const n = numberFlag(args, 'n', 10);
const PAGES = ['/', '/traveller', '/tariff/090111000', '/trader/declarations/new'];

const web = await startWebOnly();
const base = web.baseUrl;
const browser = await launchChromium();

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0);
};
const out: Record<string, { readyP50ms: number; readyMaxMs: number; fcpP50ms: number; dclP50ms: number; kb: number }> = {};
try {
  for (const path of PAGES) {
    const ready: number[] = [];
    const fcp: number[] = [];
    const dcl: number[] = [];
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
      const page = await context.newPage();
      let b = 0;
      page.on('response', (r) => void r.body().then((buf) => (b += buf.length)).catch(() => undefined));
      const t0 = Date.now();
      await page.goto(base + path);
      await page.locator('h1').first().waitFor();
      ready.push(Date.now() - t0);
      const t = await page.evaluate(() => ({
        dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      }));
      dcl.push(t.dcl);
      fcp.push(t.fcp);
      await page.waitForLoadState('networkidle');
      bytes = Math.max(bytes, b);
      await context.close();
    }
    out[path] = { readyP50ms: pct(ready, 50), readyMaxMs: Math.max(...ready), fcpP50ms: pct(fcp, 50), dclP50ms: pct(dcl, 50), kb: Math.round(bytes / 1024) };
    log(`${path.padEnd(28)} ready p50 ${out[path].readyP50ms} ms, max ${out[path].readyMaxMs} ms; FCP p50 ${out[path].fcpP50ms} ms; DCL p50 ${out[path].dclP50ms} ms; ${out[path].kb} KiB transferred (uncompressed)`);
  }
  log(`conditions: ${n} cold loads per page, fresh profile each, localhost, no compression; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await browser.close();
  await web.close();
}
if (json) console.log(JSON.stringify({ pages: out }));
