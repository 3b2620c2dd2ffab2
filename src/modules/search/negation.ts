import { analyze } from './english-text.ts';

/**
 * What a tariff text denies: "Coffee; not roasted or decaffeinated" is no answer to "roasted coffee", "Shirts; of
 * cotton (not knitted or crocheted)" none to "knitted shirt", "Bananas, other than plantains" none to "plantains". The
 * words after "not", "other than", "excluding" or "except", up to the next comma, semicolon or parenthesis, are the
 * denied ones. Not a denial: "whether or not roasted" (both), and limits or contents ("not exceeding 1000 V", "not more
 * than", "not containing added sugar", which is what a "sugar-free" query wants).
 */
const DENIAL = /(\bwhether or )?\b(?:not|other than|excluding|except)\s+([^;,()]+)/gi;
const NOT_A_DENIAL = /^(?:exceeding|more|less|over|under|elsewhere|further|containing|incorporating|including|in|put|for|with|of)\b/i;

/**
 * The index keys a subheading denies: those its own text denies and nowhere affirms ("Mirrors; glass, framed
 * (excluding rear-view mirrors)" denies rear-view, not mirrors), and those its heading denies that neither text
 * affirms ("Electrical resistors …, excluding heating resistors"). The subheading's own denial wins over its heading:
 * "Coffee; not roasted or decaffeinated" under "Coffee, whether or not roasted or decaffeinated".
 */
export function deniedKeys(sub: string, heading = ''): Set<string> {
  const own = split(sub);
  const above = split(heading);
  const out = new Set<string>();
  for (const k of own.denied) if (!own.affirmed.has(k)) out.add(k);
  for (const k of above.denied) if (!above.affirmed.has(k) && !own.affirmed.has(k)) out.add(k);
  return out;
}

/** A text's keys, as denied and as affirmed (the rest of the text). */
function split(text: string): { denied: Set<string>; affirmed: Set<string> } {
  const denied = new Set<string>();
  let rest = text;
  for (const m of text.matchAll(DENIAL)) {
    const phrase = m[2] ?? '';
    if (m[1] !== undefined || NOT_A_DENIAL.test(phrase)) continue;
    for (const k of analyze(phrase)) denied.add(k);
    rest = rest.replace(m[0], ' ');
  }
  return { denied, affirmed: new Set(analyze(rest)) };
}
