import { describe, expect, it } from 'vitest';
import { validate } from '../../components/validators.ts';
import { alignQuantities, ifMatch, isVersionConflict, declarationLabels, declarationRequest, declarationRules, declarationValues, placeQuantityProblems, quantitySlots } from './declaration-form.ts';

const filled = {
  kind: 'import',
  lrn: 'LRN-7',
  customsOffice: '1a',
  'declarant.name': 'Yamato Customs Brokers KK',
  'declarant.corporateNumber': '7000012050002',
  'importer.name': 'Kissa Trading KK',
  'seller.name': 'Fazenda Boa Vista',
  'seller.country': 'br',
  'transport.mode': 'sea',
  'transport.date': '2026-11-20',
  'transport.port': 'jptyo',
  'transport.portOfLoading': 'BRSSZ',
  'transport.transportDocument.type': 'BL',
  'transport.transportDocument.number': 'MSCU1234567',
  incoterm: 'CIF',
  'items.0.code9': '090111000',
  'items.0.description': 'Green coffee beans',
  'items.0.originCountry': 'BR',
  'items.0.quantities.0.amount': '1200',
  'items.0.quantities.0.unit': 'KG',
  'items.0.invoiceValue.amount': '5400.00',
  'items.0.invoiceValue.currency': 'USD',
};

describe('the declaration form', () => {
  it('builds the API body with upper-cased codes and the importer in Japan', () => {
    const body = declarationRequest(filled, 1);
    expect(body).toMatchObject({
      kind: 'import',
      lrn: 'LRN-7',
      customsOffice: '1A',
      importer: { name: 'Kissa Trading KK', country: 'JP' },
      seller: { name: 'Fazenda Boa Vista', country: 'BR' },
      transport: { port: 'JPTYO', transportDocument: { type: 'BL', number: 'MSCU1234567' } },
      items: [{ code9: '090111000', quantities: [{ amount: '1200', unit: 'KG' }], invoiceValue: { amount: '5400.00', currency: 'USD' } }],
    });
    expect(body).not.toHaveProperty('freight');
  });

  it('puts the trader as exporter and the counterparty as buyer on an export', () => {
    const body = declarationRequest({ ...filled, kind: 'export' }, 1);
    expect(body).toHaveProperty('exporter');
    expect(body).toHaveProperty('buyer');
    expect(body).not.toHaveProperty('importer');
  });

  it('checks every item added, not only the first', () => {
    const errs = validate(filled, declarationRules(2));
    expect(errs.has('items.0.code9')).toBe(false);
    expect(errs.get('items.1.code9')).toBe('v.required');
  });

  it('refuses a corporate number that is not 13 digits', () => {
    expect(validate({ ...filled, 'declarant.corporateNumber': '12345' }, declarationRules(1)).get('declarant.corporateNumber')).toBe('v.corporateNumber');
  });
});

describe('a line counted in two units (T-shirts: number and kilograms)', () => {
  const tshirt = {
    ...filled,
    'items.0.code9': '610910010',
    'items.0.description': 'Printed cotton T-shirts',
    'items.0.quantities.0.amount': '500',
    'items.0.quantities.1.amount': '110.5',
  };

  it('sends one quantity per unit of the line, each with its unit', () => {
    const body = declarationRequest(tshirt, 1, [['NO', 'KG']]) as { items: { quantities: unknown }[] };
    expect(body.items[0]?.quantities).toEqual([
      { amount: '500', unit: 'NO' },
      { amount: '110.5', unit: 'KG' },
    ]);
  });

  it('asks for every quantity of the line before anything is sent', () => {
    const errs = validate({ ...tshirt, 'items.0.quantities.1.amount': '' }, declarationRules(1, [['NO', 'KG']]));
    expect(errs.get('items.0.quantities.1.amount')).toBe('v.required');
    expect(errs.has('items.0.quantities.0.amount')).toBe(false);
  });

  it('asks for no quantity when the line has no unit, and one with a unit picked while the line is unknown', () => {
    expect(Object.keys(declarationRules(1, [[]])).filter((k) => k.includes('quantities'))).toEqual([]);
    expect(quantitySlots(undefined, { 'items.0.quantities.0.unit': 'l' }, 0)).toEqual([{ unit: 'L', fixed: false }]);
    expect(quantitySlots(['PR', 'KG'], {}, 0)).toEqual([
      { unit: 'PR', fixed: true },
      { unit: 'KG', fixed: true },
    ]);
  });

  it('names the unit in the label of each quantity', () => {
    const labels = declarationLabels(1, [['NO', 'KG']]);
    const t = (key: string, vars?: Record<string, string | number>) => `${key}${vars ? JSON.stringify(vars) : ''}`;
    const label = labels['items.0.quantities.1.amount'];
    expect(typeof label).toBe('function');
    expect(typeof label === 'function' ? label(t as never) : label).toBe('f.quantityIn{"unit":"unit.KG","code":"KG"}');
  });

  it('puts the server\'s "needs a quantity in KG" on the KG input, and a refused unit on its amount', () => {
    const problems = [
      { path: '$.items[0].quantities', code: 'DECLARATION.MISSING_QUANTITY', message: 'Line 610910010 needs a quantity in KG', unit: 'KG' },
      { path: '$.items[1].quantities', code: 'DECLARATION.MISSING_QUANTITY', message: 'needs NO', params: { unit: 'NO' } },
      { path: '$.items[1].quantities[1].unit', code: 'DECLARATION.UNIT_MISMATCH', message: 'not L' },
      { path: '$.items[0].code9', code: 'X', message: 'x' },
    ];
    const placed = placeQuantityProblems(problems, [['NO', 'KG'], ['NO', 'KG']]).map((p) => p.path);
    expect(placed).toEqual(['$.items[0].quantities[1].amount', '$.items[1].quantities[0].amount', '$.items[1].quantities[1].amount', '$.items[0].code9']);
    // While the line is unknown the unit is the trader's choice, so the problem stays on the unit.
    expect(placeQuantityProblems([problems[2]!], [['NO', 'KG'], undefined])[0]?.path).toBe('$.items[1].quantities[1].unit');
  });
});

describe('amending starts from what was filed', () => {
  it('turns a filed declaration back into the same request', () => {
    const lines = [['NO', 'KG']];
    const tshirt = { ...filled, 'items.0.code9': '610910010', 'items.0.quantities.0.amount': '500', 'items.0.quantities.1.amount': '110.5', 'items.0.preference': 'cptpp' };
    const filed = declarationRequest(tshirt, 1, lines);
    const { values, itemCount } = declarationValues({ ...filed, items: [{ ...(filed['items'] as object[])[0], reducedRate: true }] });
    expect(itemCount).toBe(1);
    const again = declarationRequest(values, itemCount, lines);
    expect(again).toEqual({ ...filed, items: [{ ...(filed['items'] as object[])[0], reducedRate: true }] });
  });

  it('keeps an export\'s exporter and buyer as the trader and the counterparty', () => {
    const filed = declarationRequest({ ...filled, kind: 'export' }, 1);
    const { values } = declarationValues(filed);
    expect(values['importer.name']).toBe('Kissa Trading KK');
    expect(declarationRequest(values, 1)).toEqual(filed);
  });
});

describe('quantities follow the line once it is known', () => {
  it('moves a KG amount typed before the lookup to the KG input of a NO + KG line', () => {
    const v = { 'items.0.quantities.0.unit': 'KG', 'items.0.quantities.0.amount': '110.5' };
    expect(alignQuantities(v, 0, ['NO', 'KG'])).toEqual({
      'items.0.quantities.0.unit': 'NO',
      'items.0.quantities.0.amount': '',
      'items.0.quantities.1.unit': 'KG',
      'items.0.quantities.1.amount': '110.5',
    });
  });

  it('puts amounts filed in another order under their units, and changes nothing already in order', () => {
    const filed = { 'items.1.quantities.0.unit': 'KG', 'items.1.quantities.0.amount': '12', 'items.1.quantities.1.unit': 'PR', 'items.1.quantities.1.amount': '40' };
    const moved = alignQuantities(filed, 1, ['PR', 'KG']);
    expect(moved).toEqual({ 'items.1.quantities.0.unit': 'PR', 'items.1.quantities.0.amount': '40', 'items.1.quantities.1.unit': 'KG', 'items.1.quantities.1.amount': '12' });
    expect(alignQuantities({ ...filed, ...moved }, 1, ['PR', 'KG'])).toBeNull();
  });

  it('drops quantities the new line does not count in', () => {
    const v = { 'items.0.quantities.0.unit': 'NO', 'items.0.quantities.0.amount': '500', 'items.0.quantities.1.unit': 'KG', 'items.0.quantities.1.amount': '110' };
    expect(alignQuantities(v, 0, ['KG'])).toEqual({ 'items.0.quantities.0.unit': 'KG', 'items.0.quantities.0.amount': '110', 'items.0.quantities.1.unit': '', 'items.0.quantities.1.amount': '' });
  });
});

describe('an amendment names the version it was made on', () => {
  it('sends the version as an entity tag and knows a stale one from other refusals', () => {
    expect(ifMatch(3)).toBe('"3"');
    expect(isVersionConflict({ status: 409, code: 'DECLARATION.VERSION_CONFLICT' })).toBe(true);
    expect(isVersionConflict({ status: 412, code: 'REQUEST.PRECONDITION_FAILED' })).toBe(true);
    expect(isVersionConflict({ status: 409, code: 'DECLARATION.INVALID_TRANSITION' })).toBe(false);
    expect(isVersionConflict({ status: 422, code: 'DECLARATION.INVALID' })).toBe(false);
  });
});
