import { describe, expect, it } from 'vitest';
import { EnglishIndex, type HsRecord } from './english-index.ts';

// A made-up nomenclature: six headings for hooks of base metal, the plastics catch-all, and a non-material
// "articles n.e.c." subheading.
const hooks = ['8301', '8302', '8303', '8304', '8305', '8306'];
const hs: HsRecord[] = [
  { code: '39', description: 'Plastics and articles thereof', level: 2 },
  { code: '3923', description: 'Articles for the conveyance or packing of goods, of plastics', level: 4 },
  { code: '392310', description: 'Plastics; boxes, cases and crates', level: 6 },
  { code: '3926', description: 'Other articles of plastics', level: 4 },
  { code: '392690', description: 'Plastics; other articles n.e.c. in chapter 39', level: 6 },
  { code: '83', description: 'Miscellaneous articles of base metal', level: 2 },
  ...hooks.flatMap((h, i) => [
    { code: h, description: `Hooks of base metal, kind ${i}`, level: 4 },
    { code: `${h}10`, description: `Hooks; of base metal, kind ${i}`, level: 6 },
  ]),
  { code: '90', description: 'Optical instruments and apparatus', level: 2 },
  { code: '9015', description: 'Surveying instruments and appliances', level: 4 },
  { code: '901580', description: 'Surveying equipment; articles n.e.c. in heading no. 9015', level: 6 },
];
const index = EnglishIndex.build(hs, () => true);
const headings = (q: string): string[] => [...new Set(index.search(q).map((h) => h.hs6.slice(0, 4)))].slice(0, 5);

describe('EnglishIndex: the residual heading of a stated material', () => {
  it('offers "articles n.e.c." of the material among the first five headings ("plastic hook" → 3926)', () => {
    expect(headings('plastic hook')).toContain('3926');
  });

  it('knows a material through the thesaurus ("pvc" is plastics)', () => {
    expect(headings('pvc hook')).toContain('3926');
  });

  it('takes only materials that name their chapter ("Surveying equipment; articles n.e.c." is no material)', () => {
    expect(headings('surveying hook')).toEqual(headings('hook').slice(0, 5));
  });
});

describe('EnglishIndex: what the query words matched, not how many expansion keys', () => {
  // "string" expands through the thesaurus to twine, cordage, ropes and cables: four keys of one typed word
  const strings = EnglishIndex.build(
    [
      { code: '56', description: 'Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables', level: 2 },
      { code: '5607', description: 'Twine, cordage, ropes and cables', level: 4 },
      { code: '560749', description: 'Twine, cordage, ropes and cables; of polyethylene or polypropylene', level: 6 },
      // more texts of twine and rope: their words are common here, as in the real nomenclature
      { code: '5608', description: 'Knotted netting of twine, cordage or rope', level: 4 },
      { code: '560811', description: 'Nets; of twine, cordage or rope, fishing nets', level: 6 },
      { code: '5609', description: 'Articles of yarn, twine, cordage, rope or cables', level: 4 },
      { code: '560900', description: 'Articles of yarn, twine, cordage, rope or cables n.e.c.', level: 6 },
      { code: '92', description: 'Musical instruments', level: 2 },
      { code: '9209', description: 'Strings, parts and accessories of musical instruments', level: 4 },
      { code: '920930', description: 'Musical instruments; strings', level: 6 },
    ],
    () => true,
  );

  it('ranks the text that has the typed word above one that matches four of its synonyms ("strings")', () => {
    // before, the cordage texts' scores were multiplied by the four keys they matched (×4 against ×1.75 now), and
    // 5607 came first at more than twice the strings' score
    expect(strings.search('strings')[0]?.hs6).toBe('920930');
  });

  it('still counts a text that matches two typed words twice ("polyethylene rope")', () => {
    expect(strings.search('polyethylene rope')[0]?.hs6).toBe('560749');
  });
});
