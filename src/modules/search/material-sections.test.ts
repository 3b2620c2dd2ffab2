import { describe, expect, it } from 'vitest';
import { MaterialSections } from './material-sections.ts';

// A made-up nomenclature: four material sections and one (XVI) ordered by function.
const hs = [
  { code: '39', description: 'Plastics and articles thereof', level: 2, section: 'VII' },
  { code: '42', description: 'Articles of leather; handbags', level: 2, section: 'VIII' },
  { code: '44', description: 'Wood and articles of wood', level: 2, section: 'IX' },
  { code: '73', description: 'Iron or steel articles', level: 2, section: 'XV' },
  { code: '83', description: 'Metal; miscellaneous products of base metal', level: 2, section: 'XV' },
  { code: '85', description: 'Electrical machinery and equipment', level: 2, section: 'XVI' },
];
const residual = new Map([
  ['plastic', '392690'],
  ['leather', '420500'],
  ['wood', '442199'],
  ['iron', '732690'],
  ['steel', '732690'],
]);
const docs = [
  { id: '441900', sub: 'Tableware and kitchenware, of wood', heading: 'Tableware and kitchenware, of wood' },
  { id: '732393', sub: 'Table, kitchen or other household articles', heading: 'Household articles, of iron or steel' },
  { id: '420221', sub: 'Handbags; with outer surface of leather or of plastics', heading: 'Trunks, handbags' },
  { id: '851640', sub: 'Electric smoothing irons', heading: 'Electric domestic appliances' },
];
const materials = MaterialSections.build(hs, residual, docs);
const thesaurus = new Map([['pvc', ['plastic']]]);
const equal = docs.map((d) => ({ hs6: d.id, score: 10 }));
const order = (words: { word: string; weight: number }[]): string[] => (materials?.demote(equal, words, thesaurus) ?? []).map((h) => h.hs6);

describe('MaterialSections', () => {
  it('ranks another material section\'s goods below: a metal bowl is not wooden tableware', () => {
    const ranked = order([
      { word: 'metal', weight: 0.6 },
      { word: 'bowl', weight: 1 },
    ]);
    expect(ranked).toEqual(['732393', '851640', '441900', '420221']);
  });

  it('keeps goods whose text names the material, and knows a material through the thesaurus ("pvc" is plastics)', () => {
    const ranked = order([
      { word: 'pvc', weight: 0.6 },
      { word: 'handbag', weight: 1 },
    ]);
    expect(ranked.slice(0, 2)).toEqual(expect.arrayContaining(['420221', '851640']));
  });

  it('reads a material only in a modifier ("power lead" is a cable) and never lowers sections ordered by function', () => {
    expect(order([{ word: 'power', weight: 0.6 }, { word: 'steel', weight: 1 }])).toEqual(docs.map((d) => d.id));
    expect(order([{ word: 'wood', weight: 0.6 }, { word: 'iron', weight: 1 }]).slice(0, 2)).toEqual(['441900', '851640']);
  });

  it('is off for records without sections', () => {
    expect(MaterialSections.build(hs.map(({ section: _, ...r }) => r), residual, docs)).toBeUndefined();
  });
});
