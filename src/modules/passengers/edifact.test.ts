import { describe, expect, it } from 'vitest';
import { tokenizeEdifact } from './edifact.ts';

const tags = (text: string): string[] => {
  const r = tokenizeEdifact(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.segments.map((s) => s.tag);
};

describe('tokenizeEdifact', () => {
  it('uses the separators the UNA advice sets and ignores line breaks between segments', () => {
    const r = tokenizeEdifact('UNA:*.? $\r\nUNB*UNOA:4*SND$\r\nNAD*FL***DOE:JANE$\r\nUNZ*1*1$\r\n');
    expect(r.ok && r.value.segments[1]!.elements).toEqual([['NAD'], ['FL'], [''], [''], ['DOE', 'JANE']]);
  });

  it('takes a released separator as data', () => {
    const r = tokenizeEdifact("NAD+FL+++O?'BRIEN?+SMITH:ANN?:MARIE??'UNZ+1'");
    expect(r.ok && r.value.segments[0]!.elements[4]).toEqual(["O'BRIEN+SMITH", 'ANN:MARIE?']);
  });

  it('falls back to the default separators without UNA and stops at UNZ', () => {
    expect(tags("UNB+UNOA:4+X'UNH+1+PAXLST:D:02B:UN:IATA'UNT+2+1'UNZ+1+1'13Nov09")).toEqual([
      'UNB',
      'UNH',
      'UNT',
      'UNZ',
    ]);
  });

  it('rejects text that is not EDIFACT', () => {
    const r = tokenizeEdifact('{"json": true}');
    expect(r.ok ? null : r.error.code).toBe('PASSENGER.PAXLST_MALFORMED');
    expect(tokenizeEdifact('UNH+1?').ok).toBe(false);
  });
});
