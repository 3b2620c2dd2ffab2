import { Decimal, scaled } from '../../kernel/index.ts';
import { num, parseFormula, parseSentence } from './rate-formula.ts';
import { parseLabel } from './rate-label.ts';
import type { Branch, Marker, ParsedCell, Rate, RateUnit } from './rate-types.ts';

/**
 * Parses one cell of the applied tariff schedule as printed (`無税`, `8.5%＋12.5円/kg`, `10%又は125円/kgのうちいずれか
 * 高い税率`, `(524円−課税価格)/kg`, quota / party / season branches, `(5%)`, `●無税〜5%`, `◆2` …).
 * Returns `undefined` when the text is not understood, so coverage can list it: a cell is never guessed.
 */
export function parseCell(text: string): ParsedCell | undefined {
  const raw = text.trim();
  if (raw === '') return undefined;
  const ctx: Ctx = { bound: false, markers: [] };
  // A rate broken over lines (`(1,200円\n/kg)`, `8.5%+\n12.5円/kg`, `…税率\nただし…`) parses once the breaks go.
  const joined = parseRate(normalize(raw.replace(/\s*\n\s*/g, '')), ctx);
  if (joined) return { text, rate: joined, bound: ctx.bound, markers: ctx.markers };

  const branchCtx: Ctx = { bound: false, markers: [] };
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const branches: Branch[] = [];
  for (const [i, line] of lines.entries()) {
    const b = parseBranch(line, i + 1, branchCtx);
    if (!b) return undefined;
    branches.push(b);
  }
  return { text, rate: { kind: 'branches', branches }, bound: branchCtx.bound, markers: branchCtx.markers };
}

interface Ctx {
  bound: boolean;
  markers: Marker[];
}

const FULLWIDTH: Record<string, string> = {
  '％': '%',
  '＋': '+',
  '（': '(',
  '）': ')',
  '−': '-',
  '－': '-',
  '‐': '-',
  '～': '〜',
  '\u3000': ' ',
  '＊': '*',
};

function normalize(s: string): string {
  return s.replace(/[％＋（）−－‐～\u3000＊]/g, (c) => FULLWIDTH[c] ?? c).trim();
}

/** `label␣rate`: the label is the text before the first space after which a rate parses. */
function parseBranch(line: string, index: number, ctx: Ctx): Branch | undefined {
  const s = normalize(line);
  for (let i = s.indexOf(' '); i > 0; i = s.indexOf(' ', i + 1)) {
    const trial: Ctx = { bound: false, markers: [] };
    const rate = parseRate(s.slice(i + 1), trial);
    if (!rate) continue;
    const label = parseLabel(s.slice(0, i).trim());
    if (!label) return undefined;
    ctx.bound ||= trial.bound;
    ctx.markers.push(...trial.markers);
    return { index, label: s.slice(0, i).trim(), ...label, rate };
  }
  return undefined;
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const AD_VALOREM = new RegExp(`^(${NUM})%$`);
const SPECIFIC = new RegExp(`^(${NUM})(万)?円/((?:\\d[\\d,]*)?)(kg|kl|l|MT|㎡|足|頭|本|枚|個)$`);
const UNITS: Record<string, RateUnit> = {
  kg: 'KG',
  l: 'L',
  kl: 'KL',
  MT: 'MT',
  '㎡': 'SM',
  足: 'PR',
  頭: 'NO',
  本: 'NO',
  枚: 'NO',
  個: 'NO',
};

function parseRate(input: string, ctx: Ctx): Rate | undefined {
  let s = input.trim();
  if (s === '') return undefined;
  const note = /^(.*?)\s*◆\s*(\d+)$/.exec(s);
  if (note) {
    if (note[1] === '') return { kind: 'seeNote', note: `◆${note[2]!}` };
    ctx.markers.push(`◆${note[2]!}`);
    s = note[1]!;
  }
  const proviso = /^(.*?)\(?ただしその税率が(.+?)を(上回る|下回る)場合は(.+?)(?:とする)?\)?$/.exec(s);
  if (proviso) {
    const base = parseRate(proviso[1]!, ctx);
    const limit = parseRate(proviso[4]!, ctx);
    if (!base || !limit) return undefined;
    // "if it exceeds 50 %, 50 %" caps the rate; "if it falls below 93円/l, 93円/l" is a floor.
    return { kind: proviso[3] === '上回る' ? 'min' : 'max', options: [base, limit] };
  }
  const sentence = parseSentence(s);
  if (sentence) return sentence;
  const whichever = /^(.*)のうちいずれか(高い|低い)税率$/.exec(s);
  if (whichever) {
    const options = all(splitTop(whichever[1]!, '又は'), ctx);
    if (!options || options.length < 2) return undefined;
    return { kind: whichever[2] === '高い' ? 'max' : 'min', options };
  }
  for (const sep of ['、', '又は', '〜']) {
    const parts = splitTop(s, sep);
    if (parts.length > 1) {
      const options = all(parts, ctx);
      return options ? { kind: 'varies', options } : undefined;
    }
  }
  const marker = /^(\*\*|\*|※|◎|●)(.+)$/.exec(s);
  if (marker) {
    ctx.markers.push(marker[1] as Marker);
    return parseRate(marker[2]!, ctx);
  }
  const partly = /^\(一部(.*)\)$/.exec(s);
  if (partly) {
    ctx.bound = true;
    const inner = parseRate(partly[1]!, ctx);
    return inner ? { kind: 'varies', options: [inner, { kind: 'excluded' }] } : undefined;
  }
  if (s.startsWith('(') && closingParen(s, 0) === s.length - 1 && !s.includes('課税価格')) {
    ctx.bound = true;
    return parseRate(s.slice(1, -1), ctx);
  }
  if (s.includes('課税価格')) return parseFormula(s);
  const plus = splitTop(s, '+');
  if (plus.length > 1) {
    const parts = all(plus, ctx);
    return parts ? { kind: 'sum', parts } : undefined;
  }
  return parseAtom(s);
}

function parseAtom(s: string): Rate | undefined {
  if (s === '無税' || s === '免税') return { kind: 'free' };
  if (s === '非譲許') return { kind: 'excluded' };
  const av = AD_VALOREM.exec(s);
  if (av) {
    const percent = num(av[1]!);
    const fraction = percent.dividedBy(100);
    return { kind: 'adValorem', percent, fraction, exact: scaled(fraction.toFixed()) };
  }
  const sp = SPECIFIC.exec(s);
  if (sp) {
    const yen = num(sp[1]!).times(sp[2] ? 10_000 : 1);
    const per = sp[3] ? num(sp[3]) : new Decimal(1);
    return { kind: 'specific', yen, basis: { unit: UNITS[sp[4]!]!, per } };
  }
  return undefined;
}

function all(parts: readonly string[], ctx: Ctx): Rate[] | undefined {
  const out: Rate[] = [];
  for (const p of parts) {
    const r = parseRate(p, ctx);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

/** Splits on `sep` outside parentheses. */
export function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim());
}

function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
