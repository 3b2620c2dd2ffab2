import type { Values } from '../../components/validators.ts';

/** The estimator's flat form values → the assessment request of `POST /api/v1/assessments` (issue 3, item 4). */
export function estimateRequest(v: Values): Record<string, unknown> {
  const s = (k: string): string => (v[k] ?? '').trim();
  const item: Record<string, unknown> = {
    code9: s('items.0.code9'),
    originCountry: s('items.0.originCountry').toUpperCase(),
    value: { amount: s('items.0.value.amount'), currency: s('items.0.value.currency').toUpperCase() },
  };
  if (s('items.0.preference')) item['preference'] = s('items.0.preference');
  if (s('items.0.quantities.0.amount')) item['quantities'] = [{ amount: s('items.0.quantities.0.amount'), unit: s('items.0.quantities.0.unit') || 'KG' }];
  if (s('items.0.personalUse') === 'yes') item['personalUse'] = true;
  const req: Record<string, unknown> = { items: [item] };
  if (s('date')) req['date'] = s('date');
  if (s('incoterm')) req['incoterm'] = s('incoterm');
  const cur = s('items.0.value.currency').toUpperCase();
  if (s('freight.amount')) req['freight'] = { amount: s('freight.amount'), currency: cur };
  if (s('insurance.amount')) req['insurance'] = { amount: s('insurance.amount'), currency: cur };
  if (cur && cur !== 'JPY' && s('exchangeRate')) req['exchangeRates'] = { [cur]: s('exchangeRate') };
  return req;
}
