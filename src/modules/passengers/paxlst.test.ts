import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { ediDateTime } from './edifact-dates.ts';
import { manyPersons } from './paxlst.fixture.ts';
import { PAXLST_MAX_PERSONS, parsePaxlst, type PaxlstInterchange } from './paxlst.ts';

// Our own fixture: a two-leg trip into Haneda, a name with a released apostrophe, no UNA (default separators).
const OWN =
  [
    'UNB+UNOA:4+NHAPIS:ZZ+JPCUSTOMS:ZZ+261130:2215+1++APIS',
    'UNH+1+PAXLST:D:05B:UN:IATA',
    'BGM+745',
    'TDT+20+NH212+++NH',
    'LOC+125+LHR',
    'DTM+189:2611301930:201',
    'LOC+87+HND',
    'DTM+232:2612011545:201',
    "NAD+FL+++O?'NEILL:MARY ANN",
    'ATT+2++F',
    'DTM+329:011224',
    'LOC+178+LHR',
    'LOC+179+HND',
    'NAT+2+IRL',
    'RFF+AVF:ABC123',
    'DOC+P:110:111+PA1234567',
    'DTM+36:310101',
    'LOC+91+IRL',
    'CNT+42:1',
    'UNT+19+1',
    'UNZ+1+1',
  ].join("'\n") + "'";

const parsed = (text: string): PaxlstInterchange => {
  const r = parsePaxlst(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('parsePaxlst', () => {
  it('reads flight, arrival and each passenger’s identity and document', () => {
    const m = parsed(OWN).messages[0]!;
    expect(m.legs).toEqual([
      {
        flight: 'NH212',
        carrier: 'NH',
        departureAirport: 'LHR',
        departureAt: '2026-11-30T19:30',
        arrivalAirport: 'HND',
        arrivalAt: '2026-12-01T15:45',
      },
    ]);
    expect(m.passengers).toEqual([
      {
        role: 'passenger',
        familyName: "O'NEILL",
        givenNames: 'MARY ANN',
        gender: 'F',
        birthDate: '2001-12-24',
        embarkation: 'LHR',
        debarkation: 'HND',
        nationality: 'IRL',
        bookingRef: 'ABC123',
        documents: [{ type: 'P', number: 'PA1234567', expiry: '2031-01-01', issuingCountry: 'IRL' }],
        flight: 'NH212',
        arrivalAirport: 'HND',
        arrivalAt: '2026-12-01T15:45',
      },
    ]);
    expect(m.warnings).toEqual([]);
  });

  it('puts two-digit birth years in the century that keeps them in the past', () => {
    expect(ediDateTime('541016', '', 2014, true)).toBe('1954-10-16');
    expect(ediDateTime('101016', '', 2014, true)).toBe('2010-10-16');
    expect(ediDateTime('180221', '', 2014, false)).toBe('2018-02-21');
    expect(ediDateTime('201401311200', '203', 2014, false)).toBe('2014-01-31T12:00');
    expect(ediDateTime('991399', '', 2014, true)).toBeUndefined();
  });

  it('refuses an interchange without a PAXLST message', () => {
    const r = parsePaxlst("UNB+UNOA:4+A+B+200101:0000+1'UNH+1+CUSDEC:D:96B:UN'UNT+2+1'UNZ+1+1'");
    expect(r.ok ? null : r.error.code).toBe('PASSENGER.PAXLST_MALFORMED');
  });
});

const dir = join(dataDirFromEnv(), 'messages', 'paxlst-pnrgov-gtas');
describe.skipIf(!existsSync(dir))('parsePaxlst on the GTAS fixtures (read from the data folder)', () => {
  const read = (f: string): PaxlstInterchange => parsed(readFileSync(join(dir, f), 'utf8'));

  it('reads a crew list with default separators (no UNA)', () => {
    const m = read('PAXLST_Test1.txt').messages[0]!;
    expect(m.documentName).toBe('250');
    expect(m.passengers).toHaveLength(8);
    expect(m.passengers[0]).toMatchObject({
      role: 'crew',
      familyName: 'Steur',
      birthDate: '1978-07-06',
      flight: 'UA0989',
      arrivalAt: '2017-01-28T07:10',
    });
  });

  it('honours UNA separators "*" and "$" with line breaks, and reports a count that does not add up', () => {
    const m = read('PAXLST_airline2.edi').messages[0]!;
    expect(m.passengers[0]).toMatchObject({
      familyName: 'BETTON',
      givenNames: 'DAVID',
      birthDate: '1954-10-16',
      nationality: 'USA',
    });
    expect(m.passengers[0]!.documents[0]).toMatchObject({ number: '178556534', issuingCountry: 'USA' });
    expect(m.warnings[0]).toMatch(/CNT declares 136/);
  });

  it('picks the leg that reaches each passenger’s debarkation airport', () => {
    const m = read('PAXLST_multiple_flight_leg_apis.txt').messages[0]!;
    expect(m.legs.map((l) => `${l.flight} ${l.departureAirport}-${l.arrivalAirport}`)).toEqual([
      'QQ877 MIA-IAD',
      'QQ827 IAD-JFK',
      'QQ827 JFK-CDG',
    ]);
    expect(m.passengers.map((p) => [p.familyName, p.flight, p.arrivalAt])).toEqual([
      ['BARRETT', 'QQ827', '2008-08-11T06:30'],
      ['LANG', 'QQ827', '2008-08-11T06:30'],
    ]);
    const routed = read('PAXLST_apisMessage.txt').messages[0]!;
    expect(routed.passengers.map((p) => p.flight)).toEqual(['AA124', 'AA124']);
  });
});

describe('parsePaxlst refuses what it cannot store or match', () => {
  const code = (text: string): string | undefined => {
    const r = parsePaxlst(text);
    return r.ok ? undefined : r.error.code;
  };

  it('refuses a family name of megabytes, and any value longer than PAXLST allows', () => {
    expect(code(manyPersons(1, 'X'.repeat(5 * 1024 * 1024)))).toBe('PASSENGER.PAXLST_MALFORMED');
    expect(code(manyPersons(1, 'X'.repeat(71)))).toBe('PASSENGER.PAXLST_MALFORMED');
    expect(code(manyPersons(1, 'X'.repeat(70)))).toBeUndefined();
    expect(code(OWN.replace('RFF+AVF:ABC123', `RFF+AVF:${'A'.repeat(600)}`))).toBe('PASSENGER.PAXLST_MALFORMED');
  });

  it('refuses a message without its flight (TDT) or without the arrival time (DTM+232)', () => {
    expect(code(OWN.replace("TDT+20+NH212+++NH'\n", ''))).toBe('PASSENGER.PAXLST_MALFORMED');
    expect(code(OWN.replace("DTM+232:2612011545:201'\n", ''))).toBe('PASSENGER.PAXLST_MALFORMED');
  });

  it(`reads ${PAXLST_MAX_PERSONS} persons and refuses one more with PAXLST_TOO_MANY_PERSONS`, () => {
    expect(parsed(manyPersons(PAXLST_MAX_PERSONS)).messages[0]!.passengers).toHaveLength(PAXLST_MAX_PERSONS);
    const r = parsePaxlst(manyPersons(PAXLST_MAX_PERSONS + 1));
    expect(r.ok ? undefined : [r.error.code, r.error.status]).toEqual(['PASSENGER.PAXLST_TOO_MANY_PERSONS', 413]);
  });
});

