import { describe, expect, it } from 'vitest';
import { KoreanCsvError, parseKoreanCsv } from './korean-csv.ts';

const HEADER =
  'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud';
export const KOREAN_FIXTURE = `${HEADER}
11111111,2020-01-01,30,B,11,21,11,10,DECL001,IMP0001,SELL001,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0
22222222,2020-01-02,40,B,11,21,11,40,DECL002,IMP0002,,DHL,90722,CN,CN,8.0,A,Y,11352.0,375751.2,1,2
`;

describe('Korean benchmark CSV', () => {
  it('maps the columns onto risk items and the Fraud column onto labels', () => {
    const { ids, items, labels } = parseKoreanCsv(KOREAN_FIXTURE);
    expect(ids).toEqual(['11111111', '22222222']);
    expect(Array.from(labels)).toEqual([0, 1]);
    expect(items[0]).toMatchObject({ office: '30', hs: '440890', origin: 'BE', taxRate: 0, netMassKg: 108, value: 372254.4 });
    expect(items[1]).toMatchObject({ seller: '', courier: 'DHL', taxType: 'A' });
  });

  it('restores the leading zeros older copies of the file lost in the HS code', () => {
    expect(parseKoreanCsv(KOREAN_FIXTURE).items[1]!.hs).toBe('090722');
  });

  it('reports missing columns and bad labels', () => {
    expect(() => parseKoreanCsv('a,b\n1,2\n')).toThrow(KoreanCsvError);
    expect(() => parseKoreanCsv(KOREAN_FIXTURE.replace(',1,2\n', ',x,2\n'))).toThrow(/Fraud is "x"/);
  });
});
