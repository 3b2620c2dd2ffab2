import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../../test/support/platform.ts';
import { dataDirFromEnv } from '../../config.ts';
import { buildCatalog, readCountries, readCurrencies, readLocations } from '../reference/index.ts';
import type { DeclarationInput } from './model.ts';
import { validateDeclaration } from './validate.ts';

const dataDir = dataDirFromEnv();
const catalog = buildCatalog({ tariffRows: [], hsCodes: [], countries: readCountries(dataDir), currencies: readCurrencies(dataDir), locations: readLocations(dataDir) });
const deps = { catalog, party: () => undefined, isAgreement: () => true, otherLaw: () => undefined, today: '2026-12-08' };

/** The problems of a sample declaration with a change, except those of the (empty) tariff schedule. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test edits of nested sample fields
type Loose = Record<string, any>;
function problems(change: (d: Loose) => void): [string, string | undefined][] {
  const d = structuredClone(sampleDeclaration()) as Loose;
  change(d);
  return validateDeclaration(d as unknown as DeclarationInput, deps)
    .problems.filter((p) => !p.path?.endsWith('.code9') && !p.path?.includes('.quantities'))
    .map((p) => [p.code, p.path]);
}

describe('declaration plausibility', () => {
  it('accepts the sample', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it('refuses XXX (no currency) and XTS (testing) as invoice currencies', () => {
    for (const code of ['XXX', 'XTS']) {
      expect(problems((d) => (d['items'][0].invoiceValue.currency = code))).toEqual([['DECLARATION.UNKNOWN_CURRENCY', '$.items[0].invoiceValue.currency']]);
      expect(problems((d) => (d['freight'] = { amount: '10', currency: code }))).toEqual([['DECLARATION.UNKNOWN_CURRENCY', '$.freight.currency']]);
    }
  });

  it('refuses transport dates outside a plausible window (0000-01-01, 9999-12-31)', () => {
    for (const date of ['0000-01-01', '9999-12-31', '1999-12-31', '2027-12-10']) {
      expect(problems((d) => (d['transport'].date = date)), date).toEqual([['DECLARATION.INVALID_DATE', '$.transport.date']]);
    }
    for (const date of ['2000-01-01', '2027-12-09']) expect(problems((d) => (d['transport'].date = date)), date).toEqual([]);
  });
});
