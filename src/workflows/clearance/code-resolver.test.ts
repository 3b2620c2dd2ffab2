import { describe, expect, it } from 'vitest';
import { CodeResolver } from './code-resolver.ts';

const lines = ['851713000', '851830100', '851830900', '610910020'];

describe('CodeResolver', () => {
  it('uses a declared 9-digit line of the schedule as sent, not flagged as suggested', async () => {
    const r = new CodeResolver(lines, async () => undefined);
    expect(await r.resolve({ hsCode: '851713000', description: 'phone' })).toEqual({ code9: '851713000', source: 'declared', suggested: false });
  });

  it('takes the first statistical line under an HS6 code and flags it as suggested', async () => {
    const r = new CodeResolver(lines, async () => undefined);
    expect(await r.resolve({ hsCode: '851830', description: 'earphones' })).toEqual({ code9: '851830100', source: 'hs6-first-line', suggested: true });
  });

  it('asks the search once per wording when no code was sent, and flags the answer as suggested', async () => {
    let calls = 0;
    const r = new CodeResolver(lines, async (q) => {
      calls++;
      return q === 't-shirt, cotton' ? '610910020' : undefined;
    });
    expect(await r.resolve({ description: 'T-shirt, cotton' })).toEqual({ code9: '610910020', source: 'search', suggested: true });
    await r.resolve({ description: ' t-shirt, cotton ' });
    expect(calls).toBe(1);
    expect(await r.resolve({ description: 'Gift' })).toBeUndefined();
  });

  it('refuses a search answer that is not a line of the schedule', async () => {
    const r = new CodeResolver(lines, async () => '999999999');
    expect(await r.resolve({ description: 'mystery' })).toBeUndefined();
  });

  it('answers at once what needs no search, and a wording once its search has settled (null when it found none)', async () => {
    const r = new CodeResolver(lines, async (q) => (q === 'speaker' ? '851830900' : undefined));
    expect(r.resolveNow({ hsCode: '851713000', description: 'phone' })?.source).toBe('declared');
    expect(r.resolveNow({ hsCode: '851830', description: 'x' })?.code9).toBe('851830100');
    expect(r.resolveNow({ description: 'Speaker' })).toBeUndefined();
    expect(await r.resolve({ description: 'Speaker' })).toEqual({ code9: '851830900', source: 'search', suggested: true });
    expect(r.resolveNow({ description: ' speaker ' })).toEqual({ code9: '851830900', source: 'search', suggested: true });
    await r.resolve({ description: 'Gift' });
    expect(r.resolveNow({ description: 'gift' })).toBeNull();
  });
});

