import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../support/platform.ts';
import { apiCall, newPage, screenshot, startE2E, uniqueLrn, type E2E } from './support/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const RULE_NAME = 'E2E coffee from Brazil';

async function fileAsTrader(lrn: string): Promise<string> {
  const r = await apiCall<{ id: string }>(e, 'POST', '/api/v1/declarations', e.tp.keys.trader, sampleDeclaration({ lrn }));
  expect(r.status).toBe(201);
  return r.body.id;
}

async function openFromQueue(page: Page, query: string, lrn: string): Promise<void> {
  await page.goto(`/officer${query}`);
  await page.getByRole('heading', { name: 'Work queue' }).waitFor();
  await page.getByRole('link', { name: lrn, exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(lrn) }).waitFor();
}

describe('an officer works the queue', () => {
  it('opens a declaration from the queue, is stopped without a reason, and holds it with one', async () => {
    const lrn = uniqueLrn('E2E-QUEUE');
    await fileAsTrader(lrn);
    const { context, page } = await newPage(e, { lang: 'en', apiKey: e.tp.keys.officer });
    await openFromQueue(page, '?lane=&status=', lrn);
    await page.getByRole('heading', { name: 'Why it was selected' }).waitFor();

    const decision = page.locator('section', { has: page.getByRole('heading', { name: 'Decision' }) });
    await decision.getByLabel('Hold').check();
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await decision.locator('.error-summary').waitFor();
    expect(await decision.locator('.error-summary').textContent()).toContain('Reason');

    await decision.getByLabel('Reason (goes on the record)').fill('Invoice value looks low for the declared quality; ask for the contract.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('The decision has been recorded.').waitFor();
    await expect.poll(() => page.locator('[data-testid=status] [data-status]').getAttribute('data-status')).toBe('held');
    expect(await page.locator('.timeline').textContent()).toContain('Invoice value looks low');
    await context.close();
  });

  it('opens a red declaration from the queue, sees why it was selected, and records a finding', async () => {
    // The e2e database is kept between runs (see support/e2e.ts): the rule is written once.
    const existing = await apiCall<{ items: { name: string; active: boolean }[] }>(e, 'GET', '/api/v1/risk/rules', e.tp.keys.analyst);
    if (!existing.body.items.some((r) => r.name === RULE_NAME && r.active)) {
      const rule = await apiCall<unknown>(e, 'POST', '/api/v1/risk/rules', e.tp.keys.analyst, {
        name: RULE_NAME,
        lane: 'red',
        reason: 'Green coffee from Brazil: undervaluation seen in recent post-clearance audits',
        criteria: { hsPrefixes: ['0901'], originCountries: ['BR'] },
        validFrom: '2026-01-01',
        active: true,
      });
      expect(rule.status).toBe(201);
    }
    const lrn = uniqueLrn('E2E-RED');
    const id = await fileAsTrader(lrn);
    await expect.poll(async () => (await apiCall<{ lane: string | null }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.officer)).body.lane, { timeout: 30_000 }).toBe('red');

    const { context, page } = await newPage(e, { lang: 'en', apiKey: e.tp.keys.officer });
    await openFromQueue(page, '?lane=red&status=lane_assigned', lrn);
    const risk = page.locator('[data-testid=risk]');
    await risk.getByText('undervaluation seen in recent post-clearance audits').first().waitFor();

    const finding = page.locator('section', { has: page.getByRole('heading', { name: 'Record the inspection finding' }) });
    await finding.getByLabel('Discrepancy affecting duty or tax').check();
    await finding.getByLabel('Additional duty and tax (yen)').fill('12000');
    await finding.getByLabel('Note (optional)').fill('Beans graded higher than invoiced; value adjusted.');
    await finding.getByRole('button', { name: 'Record finding' }).click();
    await page.getByText('The finding has been recorded.').waitFor();
    await page.locator('[data-testid=findings]', { hasText: 'Beans graded higher than invoiced' }).waitFor();
    expect(await page.locator('[data-testid=findings]').textContent()).toContain('12,000');
    await screenshot(page, 'officer-declaration');
    await context.close();
  });

  it('an analyst writes a rule, revises it and deactivates it, keeping its versions', async () => {
    const name = `E2E rule ${Date.now().toString(36)}`;
    const { context, page } = await newPage(e, { lang: 'en', apiKey: e.tp.keys.analyst });
    page.on('dialog', (d) => void d.accept());
    await page.goto('/officer/rules');
    const editor = page.locator('section', { has: page.getByRole('heading', { name: 'New rule' }) });
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await editor.locator('.error-summary').waitFor();
    await editor.getByLabel('Name').fill(name);
    await editor.getByLabel('Reason shown to officers').fill('Lithium batteries by air from an unknown shipper');
    await editor.getByLabel('HS code prefixes').fill('8507');
    await editor.getByLabel('Transport modes').fill('air');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    const row = page.locator('tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('v1');
    expect(await row.textContent()).toContain('HS 8507 · air');

    await row.getByRole('button', { name: `Edit ${name}` }).click();
    await page.getByLabel('Countries of origin').fill('CN, HK');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.locator('tr', { hasText: name }).filter({ hasText: 'v2' }).filter({ hasText: 'origin CN, HK' }).waitFor();

    await page.locator('tr', { hasText: name }).getByRole('button', { name: `Deactivate ${name}` }).click();
    await page.locator('tr', { hasText: name }).filter({ hasText: 'v3' }).waitFor();
    expect(await page.locator('tr', { hasText: name }).getByRole('button', { name: `Deactivate ${name}` }).count()).toBe(0);
    await context.close();
  });
});
