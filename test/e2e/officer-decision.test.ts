import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../support/platform.ts';
import { apiCall, newPage, startE2E, uniqueLrn, type E2E } from './support/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe("an officer's decision sticks to the version on screen", () => {
  it('refuses a decision on a version the officer has not seen (in Japanese), shows what changed, and closes the form once decided', async () => {
    const lrn = uniqueLrn('E2E-VERSION');
    const filed = await apiCall<{ id: string; version: number }>(e, 'POST', '/api/v1/declarations', e.tp.keys.trader, sampleDeclaration({ lrn }));
    expect(filed.status).toBe(201);
    const id = filed.body.id;

    const { context, page } = await newPage(e, { lang: 'ja', apiKey: e.tp.keys.officer });
    await page.goto(`/officer/declarations/${id}`);
    await page.locator('[data-testid=version]', { hasText: '1' }).waitFor();

    // The trader amends while the officer reads version 1.
    const amended = await apiCall<{ version: number }>(e, 'PUT', `/api/v1/declarations/${id}`, e.tp.keys.trader, sampleDeclaration({ lrn: `${lrn}-B` }));
    expect(amended.body.version).toBe(2);

    const form = page.locator('[data-testid=decision-form]');
    await form.getByLabel('保留').check();
    await form.getByLabel('理由（記録に残ります）').fill('インボイス価格の根拠資料を確認するため');
    await form.getByRole('button', { name: '処分を記録' }).click();
    const conflict = page.locator('[data-testid=version-conflict]');
    await conflict.getByText('この申告は、画面を開いた後に変更されています。').waitFor();
    await expect.poll(async () => (await apiCall<{ status: string }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.officer)).body.status).not.toBe('held');

    await conflict.getByRole('button', { name: '申告を再読み込み' }).click();
    await page.locator('[data-testid=version]', { hasText: '2' }).waitFor();
    const changes = page.locator('[data-testid=amendment-changes]');
    await changes.getByText('$.lrn').waitFor();
    expect(await changes.textContent()).toContain(`${lrn}-B`);

    await form.getByLabel('保留').check();
    await form.getByLabel('理由（記録に残ります）').fill('インボイス価格の根拠資料を確認するため');
    await form.getByRole('button', { name: '処分を記録' }).click();
    await page.locator('[data-testid=decision-done]').waitFor();
    await expect.poll(() => page.locator('[data-testid=status] [data-status]').getAttribute('data-status')).toBe('held');
    expect(await page.locator('[data-testid=decision-form]').count()).toBe(0);

    // Held: release or reject remain, hold does not.
    await page.getByRole('button', { name: '別の処分を行う' }).click();
    expect(await form.getByLabel('保留').count()).toBe(0);
    await form.getByLabel('却下').check();
    await form.getByLabel('理由（記録に残ります）').fill('申告者から取下げの申出があったため');
    await form.getByRole('button', { name: '処分を記録' }).click();
    await page.locator('[data-testid=decision-closed]', { hasText: 'これ以上処分できません' }).waitFor();
    expect(await page.locator('[data-testid=decision-form]').count()).toBe(0);
    await context.close();
  });

  it('records a payment on the version shown, and the amount paid survives an amendment', async () => {
    const lrn = uniqueLrn('E2E-PAY');
    const filed = await apiCall<{ id: string; assessment: { totalYen: number } }>(e, 'POST', '/api/v1/declarations', e.tp.keys.trader, sampleDeclaration({ lrn }));
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    const { context, page } = await newPage(e, { lang: 'en', apiKey: e.tp.keys.officer });
    await page.goto(`/officer/declarations/${id}`);
    const pay = page.locator('[data-testid=payment-form]');
    await pay.getByText('Still owed: ¥64,700').waitFor();
    await pay.getByLabel('Amount received (yen)').fill('60000');
    await pay.getByLabel('Reference (receipt or transfer number)').fill('MPN-E2E-1');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('The payment has been recorded.').waitFor();
    await page.locator('[data-testid=paid]', { hasText: '¥60,000' }).waitFor();

    const amended = await apiCall<{ version: number; paidYen: number }>(e, 'PUT', `/api/v1/declarations/${id}`, e.tp.keys.trader, sampleDeclaration({ lrn: `${lrn}-B` }));
    expect(amended.body).toMatchObject({ version: 2, paidYen: 60_000 });
    await page.reload();
    await page.locator('[data-testid=version]', { hasText: '2' }).waitFor();
    expect(await page.locator('[data-testid=paid]').textContent()).toContain('¥60,000');
    await pay.getByText('Still owed: ¥4,700').waitFor();
    await context.close();
  });
});
