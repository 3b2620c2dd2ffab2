import { describe, expect, it } from 'vitest';
import type { Warning } from '../../modules/declarations/index.ts';
import { requestedFor } from './requested.ts';

const permits: Warning[] = [{ path: '$.items[0].code9', code: 'DECLARATION.OTHER_LAWS_PERMIT_REQUIRED', message: 'x', permits: [{ code: 'FD', law: '', documents: '' }, { code: 'PL', law: '', documents: '' }] }];
const PRESENT = { red: 'Present the goods for examination.', yellow: 'Present the commercial documents.' };
const d = (over: Partial<Parameters<typeof requestedFor>[0]>) => requestedFor({ status: 'lane_assigned', lane: 'green', assessment: { totalYen: 0 }, warnings: [], ...over }, PRESENT);

describe('what an API client is told to do', () => {
  it('asks nothing once released, even on a red lane', () => {
    expect(d({ status: 'released', lane: 'red', warnings: permits })).toMatch(/^The goods are released/);
  });

  it('tells a held declaration to answer the officer, never "nothing to present"', () => {
    const text = d({ status: 'held', assessment: { totalYen: 64700 } });
    expect(text).toMatch(/held the declaration/);
    expect(text).toContain('Pay ¥64700 of duty and taxes.');
    expect(text).not.toMatch(/nothing|released once/i);
  });

  it('names the permits of a green coffee line instead of "nothing to present"', () => {
    const text = d({ warnings: permits, assessment: { totalYen: 64700, paidYen: 700 } });
    expect(text).toContain('(FD, PL)');
    expect(text).toContain('Pay ¥64000 of duty and taxes: the goods are released once it is paid.');
    expect(d({})).toBe('There are no documents or goods to present, and nothing to pay.');
  });

  it('asks for the goods on red and the documents on yellow until release; nothing while being checked', () => {
    expect(d({ lane: 'red' })).toMatch(/^Present the goods/);
    expect(d({ lane: 'yellow' })).toMatch(/^Present the commercial documents/);
    expect(d({ status: 'accepted', lane: null })).toMatch(/nothing to do yet/);
    expect(d({ status: 'rejected' })).toMatch(/rejected/);
  });
});
