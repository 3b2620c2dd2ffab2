import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('Scaled objects and V8 maps', () => {
  // A Scaled made from an object literal kept the map V8 deprecated when another site first stored a double n, and was
  // migrated on every read: the clearance valuation ran 6–9 µs instead of under 1 µs. Made by one class, every Scaled
  // has the current map. Checked in a child process, as V8's map identity is visible only with natives syntax.
  it('a Scaled made after a double n shares the current map', () => {
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', './bin/register.mjs', 'test/fixtures/v8/scaled-maps.ts'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ sameMap: true, n: 150, ran: true });
  });
});
