import { describe, expect, it } from 'vitest';
import { recordCount, resultsCsv } from './upload-results.ts';

describe('upload results', () => {
  it('counts consignments in a CSV as the server groups its rows, and NDJSON lines', () => {
    const csv = 'consignment_id,item_description\nC1,"T-shirt, cotton"\nC1,Mug\nC2,Shoes\n\nC3,"Say ""hi"""\n';
    expect(recordCount(csv, true)).toBe(3);
    expect(recordCount('{"a":1}\n{"a":2}\n\n', false)).toBe(2);
    expect(recordCount('item\nx\ny\n', true)).toBe(2);
  });

  it('writes one row per accepted line and per problem of a rejected line, safe to open in a spreadsheet', () => {
    const text = resultsCsv([
      { lineNo: 1, consignmentId: 'C1', accepted: true, status: 'released', lane: 'green', assessment: { totalYen: 1200 } },
      { lineNo: 2, consignmentId: '=HYPERLINK("x")', accepted: false, problems: [{ code: 'CONSIGNMENT.INVALID', message: 'gross mass, negative', path: '$.grossMassKg' }, { code: 'X.Y', message: 'two' }] },
    ]);
    expect(text.split('\r\n')).toEqual([
      'line,consignment_id,accepted,status,lane,total_yen,problem_code,problem_field,problem_message',
      '1,C1,yes,released,green,1200,,,',
      '2,"\'=HYPERLINK(""x"")",no,,,,CONSIGNMENT.INVALID,$.grossMassKg,"gross mass, negative"',
      '2,"\'=HYPERLINK(""x"")",no,,,,X.Y,,two',
      '',
    ]);
  });
});
