import { describe, expect, it } from 'vitest';
import { buildDeclaration, checkStep, labelOf, stepOf } from './traveller-form.ts';

const you = { 'traveller.familyName': 'smith', 'traveller.givenNames': 'jane', 'traveller.dateOfBirth': '1990-02-03', 'traveller.nationality': 'gbr' };

describe('the traveller declaration, one step per page', () => {
  it('checks only the step on screen', () => {
    expect(checkStep('you', you, { alcohol: 0, perfume: 0, other: 0 }).size).toBe(0);
    expect([...checkStep('flight', {}, { alcohol: 0, perfume: 0, other: 0 }).keys()]).toEqual(['flight.flightNumber', 'arrivalDate']);
  });

  it('needs every yes/no question answered, none assumed', () => {
    const e = checkStep('questions', { 'answers.goodsOverAllowance': 'yes' }, { alcohol: 0, perfume: 0, other: 0 });
    expect(e.size).toBe(5);
    expect(e.has('answers.goodsOverAllowance')).toBe(false);
  });

  it('sends the server step errors back to the page of the field', () => {
    expect(stepOf('goods.other.0.unitValue.amount')).toBe('goods');
    expect(stepOf('traveller.nationality')).toBe('you');
    expect(stepOf('arrivalDate')).toBe('flight');
  });

  it('builds the schema declaration: upper-case names and codes, yen by default, kinds for the 10,000-yen rule', () => {
    const d = buildDeclaration(
      {
        ...you,
        'flight.flightNumber': 'ba005',
        arrivalDate: '2026-12-01',
        familyAges: '12, 40',
        'answers.goodsOverAllowance': 'yes',
        'goods.alcohol.0.kind': 'whisky_brandy',
        'goods.alcohol.0.volumeMl': '700',
        'goods.alcohol.0.bottles': '4',
        'goods.other.0.description': 'Handbag',
        'goods.other.0.quantity': '1',
        'goods.other.0.unitValue.amount': '250000',
      },
      { alcohol: 1, perfume: 0, other: 1 },
    );
    expect(d).toMatchObject({
      traveller: { familyName: 'SMITH', givenNames: 'JANE', nationality: 'GBR' },
      flight: { flightNumber: 'BA005' },
      familyMembers: [{ age: 12 }, { age: 40 }],
      answers: { goodsOverAllowance: true, prohibitedOrRestrictedGoods: false },
      goods: {
        alcohol: [{ kind: 'whisky_brandy', volumeMl: 700, bottles: 4 }],
        other: [{ description: 'Handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '250000', currency: 'JPY' } }],
      },
    });
    expect(d).not.toHaveProperty('goods.tobacco');
  });
});

describe('the error summary names fields in words', () => {
  it('finds the label of fixed fields, questions and numbered goods rows', () => {
    expect(labelOf('traveller.nationality')).toEqual({ key: 'tr.nationality' });
    expect(labelOf('answers.cashOver1MillionYen')).toEqual({ key: 'tr.q.cashOver1MillionYen' });
    expect(labelOf('goods.other.1.unitValue.amount')).toEqual({ key: 'tr.other.unitValue', row: 2 });
    expect(labelOf('something.else')).toBeNull();
  });
});
