import type { DeclarationInput } from '../../declarations/index.ts';
import { declarationFacts, type DeclarationFacts } from './facts.ts';
import type { RuleDraft } from './rule.ts';

/** A small hand-written import declaration: two items, CN → Tokyo by sea (test fixture, not reference data). */
export const sampleDeclaration: DeclarationInput = {
  kind: 'import',
  customsOffice: '1A',
  declarant: { partyId: 'broker-1' },
  importer: { partyId: 'imp-1' },
  seller: { partyId: 'sup-1' },
  transport: {
    mode: 'sea',
    date: '2026-11-20',
    portOfLoading: 'CNSHA',
    port: 'JPTYO',
    transportDocument: { type: 'BL', number: 'MAEU123456789' },
  },
  items: [
    {
      code9: '851762000',
      description: 'network switches',
      originCountry: 'CN',
      quantities: [{ amount: '100', unit: 'NO' }],
      invoiceValue: { amount: '5000', currency: 'USD' },
    },
    {
      code9: '610910000',
      description: 'cotton T-shirts',
      originCountry: 'VN',
      quantities: [{ amount: '2000', unit: 'DZ' }],
      invoiceValue: { amount: '3000', currency: 'USD' },
    },
  ],
};

export const sampleFacts = (over: Partial<DeclarationFacts> = {}, aeo: readonly string[] = []): DeclarationFacts => ({
  ...declarationFacts(sampleDeclaration, {
    declarationId: 'dec-1',
    isAeo: (id) => aeo.includes(id),
    itemValuesYen: [750_000, 450_000],
  }),
  ...over,
});

export const ruleDraft = (over: Partial<RuleDraft> = {}): RuleDraft => ({
  name: 'switches from CN',
  lane: 'red',
  reason: 'Undervaluation seen on network switches',
  criteria: { hsPrefixes: ['8517'] },
  validFrom: '2026-01-01',
  active: true,
  ...over,
});
