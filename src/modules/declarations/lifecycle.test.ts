import { describe, expect, it } from 'vitest';
import { dataChanges, stricterLane, withOfficer } from './lifecycle.ts';

describe('declaration lifecycle helpers', () => {
  it('takes the stricter lane, so an amendment never lowers one', () => {
    expect(stricterLane('yellow', 'green')).toBe('yellow');
    expect(stricterLane('yellow', 'red')).toBe('red');
    expect(stricterLane(null, 'green')).toBe('green');
    expect(stricterLane('red', null)).toBe('red');
  });

  it('keeps held and selected declarations with the officer, not green or pending ones', () => {
    expect(withOfficer({ status: 'held', lane: 'green' })).toBe(true);
    expect(withOfficer({ status: 'held', lane: null })).toBe(true);
    expect(withOfficer({ status: 'lane_assigned', lane: 'yellow' })).toBe(true);
    expect(withOfficer({ status: 'lane_assigned', lane: 'red' })).toBe(true);
    expect(withOfficer({ status: 'lane_assigned', lane: 'green' })).toBe(false);
    expect(withOfficer({ status: 'accepted', lane: null })).toBe(false);
  });

  it('lists changed leaves with their JSON paths, added and removed ones included', () => {
    const before = { lrn: 'A', items: [{ originCountry: 'CN', quantities: [{ amount: '1', unit: 'KG' }] }], seller: { name: 'S' } };
    const after = { lrn: 'A', items: [{ originCountry: 'BR', quantities: [{ amount: '1', unit: 'KG' }] }, { originCountry: 'VN' }], buyer: { name: 'B' } };
    expect(dataChanges(before, after)).toEqual([
      { path: '$.items[0].originCountry', from: 'CN', to: 'BR' },
      { path: '$.items[1]', to: { originCountry: 'VN' } },
      { path: '$.seller', from: { name: 'S' } },
      { path: '$.buyer', to: { name: 'B' } },
    ]);
    expect(dataChanges(before, before)).toEqual([]);
  });
});
