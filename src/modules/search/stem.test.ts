import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';

describe('stem', () => {
  it.each([
    ['bananas', 'banana'],
    ['banana', 'banana'],
    ['berries', 'berry'],
    ['boxes', 'box'],
    ['dresses', 'dress'],
    ['glasses', 'glass'],
    ['matches', 'match'],
    ['tomatoes', 'tomato'],
  ])('folds the plural %s onto %s', (word, key) => {
    expect(stem(word)).toBe(key);
  });

  it('folds irregular plurals onto their singular', () => {
    expect(stem('knives')).toBe(stem('knife'));
    expect(stem('women')).toBe(stem('woman'));
    expect(stem('leaves')).toBe(stem('leaf'));
  });

  it('gives a word and its -ing / -ed forms one key', () => {
    expect(stem('knitted')).toBe(stem('knit'));
    expect(stem('heating')).toBe(stem('heat'));
    expect(stem('making')).toBe(stem('make'));
    expect(stem('dried')).toBe(stem('dry'));
    expect(stem('clothing')).toBe(stem('clothes'));
    expect(stem('bedding')).toBe(stem('bed'));
  });

  it('gives singular and plural of a word ending in silent e one key', () => {
    expect(stem('machines')).toBe(stem('machine'));
    expect(stem('shoes')).toBe(stem('shoe'));
    expect(stem('tubes')).toBe(stem('tube'));
  });

  it('leaves words that only look inflected alone', () => {
    expect(stem('glass')).toBe('glass');
    expect(stem('gas')).toBe('gas');
    expect(stem('asparagus')).toBe('asparagus');
    expect(stem('breed')).toBe('breed');
    expect(stem('breeding')).toBe('breed');
    expect(stem('string')).toBe('string');
    expect(stem('spring')).toBe('spring');
  });

  it('keeps -ing / -ed words apart from an unrelated word they would fold onto', () => {
    expect(stem('earrings')).not.toBe(stem('ear'));
    expect(stem('paintings')).not.toBe(stem('paints'));
    expect(stem('coated')).not.toBe(stem('coats'));
    expect(stem('clothing')).not.toBe(stem('cloth'));
  });

  it('does not shorten very short words', () => {
    expect(stem('gas')).toBe('gas');
    expect(stem('tea')).toBe('tea');
    expect(stem('ice')).toBe('ice');
  });

  it('passes tokens with digits through unchanged', () => {
    expect(stem('3d')).toBe('3d');
  });
});
