import type { PassengerDeclaration } from './declaration.schema.ts';

/** A minimal valid declaration for tests; goods and people are added per case. */
export function declarationFixture(over: Partial<PassengerDeclaration> = {}): PassengerDeclaration {
  return {
    traveller: { familyName: 'YAMADA', givenNames: 'HANAKO', dateOfBirth: '1985-04-01', nationality: 'JPN' },
    flight: { flightNumber: 'NH012', departureAirport: 'LHR', arrivalAirport: 'HND' },
    arrivalDate: '2026-12-01',
    answers: {
      prohibitedOrRestrictedGoods: false,
      goodsOverAllowance: false,
      commercialGoodsOrSamples: false,
      goodsCarriedForOthers: false,
      cashOver1MillionYen: false,
      unaccompaniedBaggage: false,
    },
    ...over,
  };
}
