import { describe, expect, it } from 'vitest';
import { rankByGroup } from './rank-by-group.ts';

const heading = (h: { code: string }): string => h.code.slice(0, 4);

describe('rankByGroup', () => {
  it('ranks a heading with several matching lines above one with a single slightly better line', () => {
    // 6402: 8 + 0.5·7 + 0.25·6 = 13 beats 9605: 10
    const ranked = rankByGroup(
      [
        { code: '960500', score: 10 },
        { code: '640299', score: 8 },
        { code: '640291', score: 7 },
        { code: '640219', score: 6 },
      ],
      heading,
    );
    expect(ranked.map((h) => h.code)).toEqual(['640299', '640291', '640219', '960500']);
    expect(ranked[0]?.score).toBe(13);
  });

  it('keeps a single strong line on top when the others are weak', () => {
    const ranked = rankByGroup(
      [
        { code: '090111', score: 20 },
        { code: '640299', score: 5 },
        { code: '640291', score: 5 },
      ],
      heading,
    );
    expect(ranked[0]?.code).toBe('090111');
  });
});
