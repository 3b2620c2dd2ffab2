import { err, ok, type DomainError, type Result } from '../../kernel/index.ts';
import { PassengerErrors } from './errors.ts';

/**
 * UN/EDIFACT syntax (ISO 9735) tokenizer: the UNA service string advice sets the separators, the release character
 * escapes them, and line breaks between segments (which airlines add) are ignored. Anything after UNZ is ignored.
 */
export interface Delimiters {
  readonly component: string;
  readonly element: string;
  readonly decimal: string;
  readonly release: string;
  readonly segment: string;
}

export interface Segment {
  readonly tag: string;
  /** elements[0] is the tag's own element; each element is a list of components, release characters resolved. */
  readonly elements: readonly (readonly string[])[];
  /** 1-based position in the interchange, for messages about it. */
  readonly position: number;
}

export const DEFAULT_DELIMITERS: Delimiters = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  segment: "'",
};

/** Component `c` of element `e`, or '' when absent. */
export const comp = (s: Segment, e: number, c = 0): string => s.elements[e]?.[c] ?? '';

/** The longest data element value of the directories used here (free text is an..512). */
export const EDIFACT_MAX_COMPONENT = 512;

export function tokenizeEdifact(input: string): Result<{ delimiters: Delimiters; segments: Segment[] }, DomainError> {
  let text = input.replace(/^\uFEFF/, '').trimStart();
  let d = DEFAULT_DELIMITERS;
  if (text.startsWith('UNA')) {
    if (text.length < 9) return err(PassengerErrors.paxlstMalformed('The UNA service string advice is cut short'));
    const [component, element, decimal, release, , segment] = text.slice(3, 9) as unknown as string[];
    d = { component: component!, element: element!, decimal: decimal!, release: release!, segment: segment! };
    if (new Set([d.component, d.element, d.release, d.segment]).size !== 4) {
      return err(PassengerErrors.paxlstMalformed('The UNA separators are not distinct'));
    }
    text = text.slice(9);
  }
  const segments: Segment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  let current = '';
  let pending = false;
  const endSegment = (): boolean => {
    components.push(current);
    elements.push(components);
    const tag = (elements[0]?.[0] ?? '').trim();
    elements[0] = [tag, ...(elements[0]?.slice(1) ?? [])];
    // A stray terminator (an empty segment) carries nothing; senders emit them after UNA or at line ends.
    if (tag !== '' || elements.length > 1) segments.push({ tag, elements, position: segments.length + 1 });
    elements = [];
    components = [];
    current = '';
    pending = false;
    return tag === 'UNZ';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!pending && (ch === '\r' || ch === '\n' || ch === ' ' || ch === '\t')) continue; // between segments
    pending = true;
    if (ch === d.release && d.release !== ' ') {
      i++;
      if (i >= text.length) return err(PassengerErrors.paxlstMalformed('The message ends with a release character'));
      current += text[i]!;
    } else if (ch === d.segment) {
      if (endSegment()) break;
    } else if (ch === d.element) {
      components.push(current);
      elements.push(components);
      components = [];
      current = '';
    } else if (ch === d.component) {
      components.push(current);
      current = '';
    } else {
      current += ch;
      // Checked while reading, so that a body of one endless value costs no more than its first 512 characters.
      if (current.length > EDIFACT_MAX_COMPONENT) {
        return err(PassengerErrors.paxlstMalformed(`Segment ${segments.length + 1} has a value longer than ${EDIFACT_MAX_COMPONENT} characters`));
      }
    }
  }
  if (pending && !segments.some((s) => s.tag === 'UNZ')) endSegment();
  const bad = segments.find((s) => !/^[A-Z]{3}$/.test(s.tag));
  if (bad) {
    return err(
      PassengerErrors.paxlstMalformed(
        `Segment ${bad.position} has no valid tag (${JSON.stringify(bad.tag.slice(0, 10))})`,
      ),
    );
  }
  return ok({ delimiters: d, segments });
}
