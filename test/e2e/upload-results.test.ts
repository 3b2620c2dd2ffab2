import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleConsignment, toCsv } from '../../src/modules/consignments/index.ts';
import { apiCall, newPage, screenshot, startE2E, type E2E } from './support/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await apiCall(e, 'POST', '/api/v1/exchange-rates', e.tp.keys.admin, {
    rates: [{ currency: 'USD', rate: '150.00', validFrom: '2020-01-01', validTo: '2099-12-31', source: 'e2e test rate' }],
  });
});
afterAll(async () => e?.close());

/** Three consignments in CSV (two item rows each); the second has a negative gross mass on both its rows. */
function batchFile(prefix: string): string {
  const rows = toCsv([1, 2, 3].map((i) => ({ ...sampleConsignment(), consignmentId: `${prefix}${i}` }))).trimEnd().split('\n');
  const bad = (line: string) => line.replace(',0.35,', ',-1,');
  const text = [rows[0], rows[1], rows[2], bad(rows[3]!), bad(rows[4]!), rows[5], rows[6]].join('\n');
  const file = join(tmpdir(), `${prefix}batch.csv`);
  writeFileSync(file, `${text}\n`);
  return file;
}

describe('a trader reads the results of an upload line by line', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`shows each problem with its line and code, each consignment's decision, a CSV download and past uploads (${lang})`, async () => {
      const prefix = `UP${lang.toUpperCase()}${Date.now().toString(36).toUpperCase()}-`;
      const file = batchFile(prefix);
      const { context, page } = await newPage(e, { lang, apiKey: e.tp.keys.trader });
      await page.goto('/trader/upload');
      await page.locator('#f-file').setInputFiles(file);
      await page.locator('form button[type=submit]').click();
      // CSV uploads get the checking progress bar too: three consignments in seven rows.
      await page.locator('#decide-progress').waitFor();
      expect(await page.locator('#decide-progress').getAttribute('max')).toBe('3');
      await page.locator('[data-testid=batch] [data-status=completed]').waitFor({ timeout: 60_000 });

      const problems = page.locator('[data-testid=problems] tbody tr');
      await problems.first().waitFor();
      const problemRows = await problems.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText));
      expect(problemRows.length).toBeGreaterThan(0);
      // The bad consignment starts on line 4 of the file (header, then two rows per consignment).
      expect(problemRows[0]).toMatch(/^4\t/);
      expect(problemRows[0]).toContain(`${prefix}2`);
      expect(problemRows.join('\n')).toMatch(/[A-Z]+\.[A-Z_]+/);

      const results = page.locator('[data-testid=consignments] tbody tr');
      await expect.poll(() => results.count()).toBe(2);
      const resultText = (await results.allInnerTexts()).join('\n');
      expect(resultText).toContain(`${prefix}1`);
      expect(resultText).toContain(`${prefix}3`);
      expect(resultText).not.toContain(lang === 'ja' ? '処理中' : 'Being cleared');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=download]').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe('line,consignment_id,accepted,status,lane,total_yen,problem_code,problem_field,problem_message');
      expect(csv).toContain(`${prefix}1,yes,`);
      expect(csv).toMatch(new RegExp(`\\r\\n4,${prefix}2,no,`));

      const past = page.locator('[data-testid=past-batches] tbody tr').first();
      await past.waitFor();
      expect(await past.innerText()).toContain('CSV');
      await screenshot(page, `upload-results-${lang}`);
      await context.close();
      rmSync(file, { force: true });
    });
  }
});
