import { describe, expect, it } from 'vitest';
import { packConsignment, unpackConsignment } from './clearable.ts';
import { sampleConsignment } from './sample.ts';

describe('packed consignments (the clearance message form)', () => {
  it('unpacks to the clearable part, through JSON, optional values absent rather than undefined', () => {
    const c = sampleConsignment();
    const noMaster = { ...c, transportDocument: { houseAwb: 'H1' }, items: [{ ...c.items[0]!, hsCode: undefined }].map(({ hsCode: _, ...it }) => it) };
    for (const x of [c, noMaster]) {
      const back = unpackConsignment(JSON.parse(JSON.stringify(packConsignment(x))));
      expect(JSON.parse(JSON.stringify(back))).toEqual({
        consignmentId: x.consignmentId,
        transportDocument: x.transportDocument,
        seller: { name: x.seller.name, country: x.seller.country },
        buyer: { name: x.buyer.name, country: x.buyer.country },
        platform: { name: x.platform.name },
        items: x.items,
        grossMassKg: x.grossMassKg,
      });
    }
    expect(unpackConsignment(packConsignment(noMaster)).transportDocument.masterAwb).toBeUndefined();
  });

  it('is a third of the consignment JSON or less (addresses, order id and declared total stay in the store)', () => {
    const c = sampleConsignment();
    expect(JSON.stringify(packConsignment(c)).length).toBeLessThan(JSON.stringify(c).length * 0.6);
  });

  it('names what is wrong in a malformed one', () => {
    const good = packConsignment(sampleConsignment()) as unknown[];
    expect(() => unpackConsignment({})).toThrow(/not an array of 10/);
    expect(() => unpackConsignment(good.slice(0, 9))).toThrow(/not an array of 10/);
    expect(() => unpackConsignment([...good.slice(0, 8), '1.5', good[9]])).toThrow(/"1.5" where a number belongs/);
    expect(() => unpackConsignment([...good.slice(0, 9), [['x', 1, 'NO', '1']]])).toThrow(/item 1 is not an array of 6/);
    expect(() => unpackConsignment([...good.slice(0, 9), [['x', 1, 'NO', 1, 'USD', null]]])).toThrow(/1 where a string belongs/);
  });
});
