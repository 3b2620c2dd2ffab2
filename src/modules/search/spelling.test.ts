import { describe, expect, it } from 'vitest';
import { editCost, Speller } from './spelling.ts';

describe('Speller', () => {
  const speller = new Speller();
  for (const w of ['coffee', 'coffees', 'toffee', 'bananas', 'accessories', 'tea']) speller.add(w);
  speller.add('coffee', 5);

  it('corrects a word one edit away', () => {
    expect(speller.correct('cofee')).toBe('coffee');
    expect(speller.correct('banannas')).toBe('bananas');
  });

  it('allows two edits on long words only', () => {
    expect(speller.correct('acessorries')).toBe('accessories');
    expect(speller.correct('cofea')).toBeNull();
  });

  it('leaves known and short words alone', () => {
    expect(speller.correct('coffee')).toBeNull();
    expect(speller.correct('teas')).toBeNull();
  });

  it('does not change the first letter', () => {
    // "goffee" is one edit from both "coffee" and "toffee", but starts like neither
    expect(speller.correct('goffee')).toBeNull();
    expect(speller.correct('cofee')).toBe('coffee');
  });

  it('prefers the more frequent of two equally close words', () => {
    // "coffeee" is one edit from "coffee" (weight 6) and from "coffees" (weight 1)
    expect(speller.correct('coffeee')).toBe('coffee');
  });

  it('completes a cut-off word, within a limit of added letters when one is given', () => {
    expect(speller.complete('acces')).toBe('accessories');
    expect(speller.complete('acces', 2)).toBeNull();
    expect(speller.complete('coffe', 2)).toBe('coffee');
  });
});

describe('editCost', () => {
  it('charges less for the usual misspellings than for arbitrary edits', () => {
    expect(editCost('alcahol', 'alcohol')).toBe(0.5);
    expect(editCost('cofee', 'coffee')).toBe(0.5);
    expect(editCost('exhibtion', 'exhibition')).toBe(0.7);
    expect(editCost('elecrtonics', 'electronics')).toBe(1);
    expect(editCost('brochers', 'brochures')).toBeLessThan(editCost('brochers', 'brooders'));
  });
});

describe('Speller with a general lexicon', () => {
  const speller = new Speller();
  for (const w of ['brochures', 'brooders']) speller.add(w);
  speller.add('brooders', 3);
  speller.add('hydrophyte', 1, 'lexicon');
  speller.add('cardboard', 1, 'lexicon');

  it('prefers the likelier misspelling to the more frequent word', () => {
    expect(speller.correct('brochers')).toBe('brochures');
  });

  it('trusts a lexicon word only within one edit', () => {
    expect(speller.correct('cardbord')).toBe('cardboard');
    expect(speller.correct('hydrophone')).toBeNull();
  });
});
