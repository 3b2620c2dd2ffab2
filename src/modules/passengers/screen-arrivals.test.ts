import { describe, expect, it } from 'vitest';
import { IdentifierKeyer } from './identifier-keys.ts';
import { parsePaxlst } from './paxlst.ts';
import { screenArrivals } from './screen-arrivals.ts';
import { declarationFixture } from './test-fixtures.ts';
import { WatchList, documentWatchRule } from './watch-rules.ts';

const PAXLST =
  [
    "UNA:+.? '",
    'UNB+UNOA:4+NHAPIS+JPCUSTOMS+261201:0600+7',
    'UNH+1+PAXLST:D:05B:UN:IATA',
    'BGM+745',
    'TDT+20+NH12+++NH',
    'LOC+125+LHR',
    'DTM+189:2611301930:201',
    'LOC+87+HND',
    'DTM+232:2612011545:201',
    'NAD+FL+++YAMADA:HANAKO',
    'DTM+329:850401',
    'DOC+P+TK1234567',
    'LOC+91+JPN',
    'NAD+FL+++BROWN:SAM',
    'DTM+329:900101',
    'DOC+P+123456789',
    'LOC+91+GBR',
    'NAD+FM+++ITO:KEN',
    'DTM+329:800101',
    'UNT+18+1',
    'UNZ+1+7',
  ].join("'") + "'";

describe('screenArrivals', () => {
  it('matches, screens and suggests a channel per person, keeping only keyed document numbers', () => {
    const k = IdentifierKeyer.create('x'.repeat(32));
    if (!k.ok) throw new Error('secret');
    const parsed = parsePaxlst(PAXLST);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const watchList = new WatchList([
      documentWatchRule(k.value, 'W9', { issuingCountry: 'GBR', number: '123456789' }, 'Alert from partner agency'),
    ]);
    const out = screenArrivals({
      passengers: parsed.value.messages[0]!.passengers,
      declarations: [{ id: 'pdec_a', declaration: declarationFixture() }],
      keyer: k.value,
      watchList,
    });
    expect(
      out.map((s) => [
        s.passenger.familyName,
        s.declarationId ?? null,
        s.suggestion.channel,
        s.suggestion.reasons.map((r) => r.code),
      ]),
    ).toEqual([
      ['YAMADA', 'pdec_a', 'green', ['NOTHING_TO_DECLARE']],
      ['BROWN', null, 'red', ['WATCH_RULE', 'NO_DECLARATION']],
      ['ITO', null, 'green', ['CREW']],
    ]);
    expect(JSON.stringify(out)).not.toMatch(/TK1234567|123456789/);
  });
});
