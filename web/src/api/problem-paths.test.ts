import { describe, expect, it } from 'vitest';
import { fieldId, fieldKey, problemsByField } from './problem-paths.ts';

describe('server problem paths map to form fields', () => {
  it('turns JSON paths with indexes into dotted field keys', () => {
    expect(fieldKey('$.items[0].code9')).toBe('items.0.code9');
    expect(fieldKey('$.transport.port')).toBe('transport.port');
    expect(fieldKey('$')).toBe('');
  });

  it('makes ids that are valid in CSS selectors and fragment links', () => {
    expect(fieldId('items.0.invoiceValue.amount')).toBe('f-items-0-invoiceValue-amount');
  });

  it('attaches a problem about a hidden sub-field to its nearest shown parent, else to the form', () => {
    const known = new Set(['items.0.code9', 'transport']);
    const map = problemsByField(
      [
        { path: '$.items[0].code9', code: 'A' },
        { path: '$.transport.transportDocument.number', code: 'B' },
        { path: '$.lrn', code: 'C' },
      ],
      known,
    );
    expect(map.get('items.0.code9')?.map((p) => p.code)).toEqual(['A']);
    expect(map.get('transport')?.map((p) => p.code)).toEqual(['B']);
    expect(map.get('')?.map((p) => p.code)).toEqual(['C']);
  });
});
