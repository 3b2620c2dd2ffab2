import { describe, expect, it } from 'vitest';
import { diversify } from './diversify.ts';

const heading = (code: string): string => code.slice(0, 4);

describe('diversify', () => {
  it('puts the best item of each heading first, in rank order', () => {
    expect(diversify(['640299', '640291', '640411', '640319'], heading, 3)).toEqual(['640299', '640411', '640319']);
  });

  it('fills the remaining places with the next best items when there are fewer headings than places', () => {
    expect(diversify(['640299', '640291', '640411', '640212'], heading, 4)).toEqual(['640299', '640411', '640291', '640212']);
  });

  it('returns nothing for a zero limit', () => {
    expect(diversify(['640299'], heading, 0)).toEqual([]);
  });
});
