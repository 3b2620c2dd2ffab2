import { describe, expect, it } from 'vitest';
import { parseCodes } from './search-reference-form.ts';

describe('parseCodes', () => {
  it('reads codes separated by commas, semicolons or spaces, without the dots and dashes of printed codes', () => {
    expect(parseCodes(' 8529, 8537;9202.90-300  0901 ')).toEqual(['8529', '8537', '920290300', '0901']);
  });

  it('is empty for an empty field', () => {
    expect(parseCodes(' , ')).toEqual([]);
  });
});
