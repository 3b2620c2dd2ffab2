import { describe, expect, it } from 'vitest';
import { validate } from '../../components/validators.ts';
import { declarationRequest, declarationRules } from './declaration-form.ts';

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
