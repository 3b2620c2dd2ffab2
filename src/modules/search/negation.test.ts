import { describe, expect, it } from 'vitest';
import { deniedKeys } from './negation.ts';

const keys = (sub: string, heading?: string): string[] => [...deniedKeys(sub, heading)].sort();

describe('deniedKeys', () => {
  it('takes the words after "not", "other than", "excluding" and "except" up to the next comma or parenthesis', () => {
    expect(keys('Coffee; not roasted or decaffeinated')).toEqual(['decaffeinat', 'roast']);
    expect(keys('Coffee; roasted, not decaffeinated')).toEqual(['decaffeinat']);
    expect(keys('Shirts; of cotton (not knitted or crocheted)')).toEqual(['crochet', 'knit']);
    expect(keys('Fruit, edible; bananas, other than plantains, fresh or dried')).toEqual(['plantain']);
  });

  it('reads "whether or not", limits and contents as no denial', () => {
    expect(keys('Coffee, whether or not roasted or decaffeinated')).toEqual([]);
    expect(keys('Switches; for a voltage not exceeding 1000 volts')).toEqual([]);
    expect(keys('Juice; orange, not containing added sugar')).toEqual([]);
  });

  it('leaves a word the text affirms elsewhere: the mirrors of "(excluding rear-view mirrors)"', () => {
    expect(keys('Mirrors; glass, framed (excluding rear-view mirrors)')).toEqual(['rear', 'rearview', 'view']);
  });

  it("takes the heading's denials unless either text affirms the word, and lets the subheading's own denial win", () => {
    expect(keys('Electrical resistors; fixed carbon', 'Electrical resistors, excluding heating resistors')).toEqual(['heat']);
    expect(keys('Coffee; not roasted or decaffeinated', 'Coffee, whether or not roasted or decaffeinated')).toEqual(['decaffeinat', 'roast']);
    expect(keys('Coffee; roasted', 'Coffee, other than decaffeinated')).toEqual(['decaffeinat']);
  });
});
