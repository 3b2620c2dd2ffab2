import { describe, expect, it } from 'vitest';
import { ok, type Problem, type Result } from '../../kernel/index.ts';
import { sampleConsignment, type Consignment } from '../../modules/consignments/index.ts';
import { OnlineSelector } from '../../modules/risk/index.ts';
import type { AssessmentResponse } from '../../modules/tariff/index.ts';
import { defaultPolicy } from '../risk.service.ts';
import { ClearanceEngine } from './clear-consignments.ts';
import { CodeResolver } from './code-resolver.ts';

const DATE = '2026-11-20';
const requests: unknown[] = [];
const quote = (body: unknown): Result<AssessmentResponse, Problem[]> => {
  requests.push(body);
  const items = (body as { items: { code9: string }[] }).items;
  return ok({
    date: DATE,
    scheduleVersion: 'test',
    items: items.map((it) => ({
      code9: it.code9,
      appliedRate: { column: 'de_minimis', text: 'free' },
      alternatives: [],
      customsValueYen: 0,
      dutyYen: 0,
      consumptionTaxYen: 0,
      localConsumptionTaxYen: 0,
      notes: [],
    })),
    totals: { customsValueYen: 4785, dutyYen: 0, consumptionTaxYen: 0, localConsumptionTaxYen: 0, totalYen: 0 },
    exchangeRates: [],
    assumptions: [],
  });
};

function engine(rates: Record<string, string> = { USD: '150' }): ClearanceEngine {
  return new ClearanceEngine({
    quote,
    rateFor: (c) => rates[c],
    codes: new CodeResolver(['851830100', '420212000'], async (q) => (q.includes('phone case') ? '420212000' : undefined)),
    model: null,
    selector: new OnlineSelector({ ...defaultPolicy('salt'), controlShare: 0, explorationShare: 0, budget: { red: 0, yellow: 0 } }),
  });
}
const one = (c: Consignment) => [{ consignmentId: c.consignmentId, data: c }];

describe('ClearanceEngine', () => {
  it('releases a small consignment on the green lane, with codes chosen for it flagged as suggested', async () => {
    const [d] = await engine().clear(one(sampleConsignment()), DATE);
    expect([d?.status, d?.lane]).toEqual(['released', 'green']);
    const a = d?.assessment as { valueYen: number; items: { code9: string; suggested: boolean; codeSource: string }[] };
    expect(a.valueYen).toBe(4785); // (25.90 + 6.00) × 150
    expect(a.items.map((i) => [i.code9, i.codeSource, i.suggested])).toEqual([
      ['851830100', 'hs6-first-line', true],
      ['420212000', 'search', true],
    ]);
    expect((requests.at(-1) as { exchangeRates: unknown }).exchangeRates).toEqual({ USD: '150' });
  });

  it('fails a consignment with no customs exchange rate for its currency, with the code', async () => {
    const [d] = await engine({}).clear(one(sampleConsignment()), DATE);
    expect([d?.status, d?.lane]).toEqual(['failed', null]);
    expect((d?.assessment as { problems: Problem[] }).problems[0]?.code).toBe('CONSIGNMENT.NO_EXCHANGE_RATE');
  });

  it('sends a consignment above 200,000 yen to a full declaration with the reason, and one at the ceiling through', async () => {
    const c = sampleConsignment();
    const at = { ...c, consignmentId: 'AT', items: [{ ...c.items[0]!, value: { amount: '200000', currency: 'JPY' } }] };
    delete (at as Partial<Consignment>).declaredTotal;
    const above = { ...at, consignmentId: 'ABOVE', items: [{ ...c.items[0]!, value: { amount: '200001', currency: 'JPY' } }] };
    const [a, b] = await engine().clear([...one(at), ...one(above)], DATE);
    expect(a?.status).toBe('released');
    expect(b?.status).toBe('full-declaration-required');
    expect((b?.assessment as { reason: Problem }).reason.code).toBe('CONSIGNMENT.ABOVE_MANIFEST_CEILING');
  });

  it('holds a consignment on yellow when no tariff line can be found for an item', async () => {
    const c = sampleConsignment();
    const vague = { ...c, items: [{ description: 'Gift', quantity: 1, unit: 'NO' as const, value: { amount: '5', currency: 'USD' } }] };
    delete (vague as Partial<Consignment>).declaredTotal;
    const [d] = await engine().clear(one(vague), DATE);
    expect([d?.status, d?.lane]).toEqual(['held', 'yellow']);
    expect((d?.assessment as { problems: Problem[] }).problems[0]?.code).toBe('CLEARANCE.NO_TARIFF_LINE');
  });
});
