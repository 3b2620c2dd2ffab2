import { err, ok, type DomainError, type Result } from '../../kernel/index.ts';
import { comp, tokenizeEdifact, type Segment } from './edifact.ts';
import { ediDateTime } from './edifact-dates.ts';
import { PassengerErrors } from './errors.ts';

/**
 * UN/EDIFACT PAXLST (advance passenger information, D:02B / D:05B, IATA implementation guide) → passengers with
 * name, birth date, nationality, travel documents, flight and arrival. Holds document numbers in clear only until
 * `protectPassenger` (watch-rules.ts) replaces them with keyed hashes; do not store these records as they are.
 */
export interface FlightLeg {
  readonly flight: string;
  readonly carrier?: string;
  readonly departureAirport?: string;
  readonly departureAt?: string;
  readonly arrivalAirport?: string;
  readonly arrivalAt?: string;
}

export interface TravelDocument {
  readonly type: string;
  readonly number: string;
  readonly expiry?: string;
  readonly issuingCountry?: string;
}

export interface ApiPassenger {
  readonly role: 'passenger' | 'crew';
  readonly familyName: string;
  readonly givenNames: string;
  readonly gender?: string;
  readonly birthDate?: string;
  readonly nationality?: string;
  readonly residence?: string;
  readonly embarkation?: string;
  readonly debarkation?: string;
  readonly bookingRef?: string;
  readonly documents: readonly TravelDocument[];
  /** The leg that reaches the passenger's debarkation airport (else the last leg). */
  readonly flight?: string;
  readonly arrivalAirport?: string;
  /** Local time at arrival, ISO `YYYY-MM-DDTHH:MM`. */
  readonly arrivalAt?: string;
}

export interface PaxlstMessage {
  readonly reference: string;
  /** BGM document name code: 745 passenger list, 250 crew list, … */
  readonly documentName: string;
  readonly legs: readonly FlightLeg[];
  readonly passengers: readonly ApiPassenger[];
  readonly warnings: readonly string[];
}

export interface PaxlstInterchange {
  readonly sender: string;
  readonly recipient: string;
  readonly preparedAt?: string;
  readonly messages: readonly PaxlstMessage[];
}

const PERSON_QUALIFIERS: Record<string, ApiPassenger['role']> = {
  FL: 'passenger',
  DDU: 'passenger',
  FM: 'crew',
  DDT: 'crew',
  COT: 'crew',
};

function parseMessage(segs: readonly Segment[], refYear: number): PaxlstMessage {
  const warnings: string[] = [];
  const legs: (FlightLeg & { routing: number })[] = [];
  const people: { p: Record<string, unknown>; docs: Record<string, string>[] }[] = [];
  let documentName = '';
  let leg: Record<string, unknown> | null = null;
  let person: (typeof people)[number] | null = null;
  let doc: Record<string, string> | null = null;
  let declaredCount: number | undefined;
  const set = (o: Record<string, unknown>, k: string, v: string | undefined): void => {
    if (v !== undefined && v !== '') o[k] = v;
  };
  for (const s of segs) {
    const q = comp(s, 1);
    switch (s.tag) {
      case 'BGM':
        documentName = q;
        break;
      case 'TDT':
        leg = { flight: comp(s, 2).replace(/\s+/g, ''), routing: 0 };
        set(leg, 'carrier', comp(s, 5) || undefined);
        legs.push(leg as unknown as FlightLeg & { routing: number });
        person = null;
        break;
      case 'NAD':
        if (PERSON_QUALIFIERS[q]) {
          const given = (s.elements[4] ?? [])
            .slice(1)
            .map((x) => x.trim())
            .filter(Boolean)
            .join(' ');
          person = { p: { role: PERSON_QUALIFIERS[q], familyName: comp(s, 4).trim(), givenNames: given }, docs: [] };
          people.push(person);
          doc = null;
          leg = null;
        }
        break;
      case 'ATT':
        if (person && q === '2') set(person.p, 'gender', comp(s, 3));
        break;
      case 'NAT':
        if (person) set(person.p, 'nationality', comp(s, 2));
        break;
      case 'RFF':
        if (person && q === 'AVF') set(person.p, 'bookingRef', comp(s, 1, 1));
        break;
      case 'DOC':
        if (person) {
          doc = { type: q, number: comp(s, 2).trim() };
          person.docs.push(doc);
        }
        break;
      case 'DTM': {
        const when = ediDateTime(comp(s, 1, 1), comp(s, 1, 2), refYear, q === '329');
        if (person && q === '329') set(person.p, 'birthDate', when);
        else if (person && doc && q === '36') set(doc, 'expiry', when);
        else if (!person && leg && q === '189') set(leg, 'departureAt', when);
        else if (!person && leg && q === '232') set(leg, 'arrivalAt', when);
        break;
      }
      case 'LOC': {
        const place = comp(s, 2) || comp(s, 2, 3);
        if (person) {
          const key = ({ 178: 'embarkation', 179: 'debarkation', 174: 'residence' } as Record<string, string>)[q];
          if (key) set(person.p, key, place);
          if (q === '91' && doc) set(doc, 'issuingCountry', place);
        } else if (leg) {
          // 125 departure / 87 arrival; 92 (routing) lists departure first, then arrival.
          const routing = leg['routing'] as number;
          const key =
            q === '125'
              ? 'departureAirport'
              : q === '87'
                ? 'arrivalAirport'
                : q === '92'
                  ? routing === 0
                    ? 'departureAirport'
                    : 'arrivalAirport'
                  : null;
          if (q === '92') leg['routing'] = routing + 1;
          if (key) set(leg, key, place);
        }
        break;
      }
      case 'CNT':
        if (comp(s, 1) === '42' || comp(s, 1) === '41') declaredCount = Number(comp(s, 1, 1) || comp(s, 2));
        break;
    }
  }
  const finalLegs: FlightLeg[] = legs.map(({ routing: _r, ...l }) => l);
  const passengers = people.map(({ p, docs }): ApiPassenger => {
    const arriving =
      finalLegs.find((l) => l.arrivalAirport !== undefined && l.arrivalAirport === p['debarkation']) ??
      finalLegs.at(-1);
    const out: Record<string, unknown> = { ...p, documents: docs };
    if (arriving) {
      set(out, 'flight', arriving.flight);
      set(out, 'arrivalAirport', arriving.arrivalAirport);
      set(out, 'arrivalAt', arriving.arrivalAt);
    }
    return out as unknown as ApiPassenger;
  });
  if (declaredCount !== undefined && declaredCount !== passengers.length) {
    warnings.push(`CNT declares ${declaredCount} persons, the message lists ${passengers.length}`);
  }
  if (passengers.some((p) => p.birthDate === undefined)) warnings.push('Some persons have no date of birth');
  return { reference: '', documentName, legs: finalLegs, passengers, warnings };
}

/** Persons accepted in one interchange: ten wide-body flights' worth; more is split into several uploads. */
export const PAXLST_MAX_PERSONS = 10_000;
/** The longest name part (NAD family or given names) accepted; the IATA guide allows an..35 per name component. */
export const PAXLST_MAX_NAME = 70;

/** A person's name longer than PAXLST allows, as a message naming the segment (the tokenizer caps other values). */
function oversized(segs: readonly Segment[]): string | undefined {
  const s = segs.find((x) => x.tag === 'NAD' && (x.elements[4] ?? []).some((c) => c.length > PAXLST_MAX_NAME));
  return s ? `Segment ${s.position} (NAD) has a name longer than ${PAXLST_MAX_NAME} characters` : undefined;
}

/**
 * Reads a PAXLST interchange. Refused as PAXLST_MALFORMED: values longer than the standard allows, messages
 * without a flight (TDT) or its arrival time (DTM+232), which could never be matched to a declaration; refused as
 * PAXLST_TOO_MANY_PERSONS: more than PAXLST_MAX_PERSONS persons.
 */
export function parsePaxlst(text: string): Result<PaxlstInterchange, DomainError> {
  const t = tokenizeEdifact(text);
  if (!t.ok) return t;
  const segs = t.value.segments;
  const tooLong = oversized(segs);
  if (tooLong) return err(PassengerErrors.paxlstMalformed(tooLong));
  const persons = segs.reduce((n, s) => (s.tag === 'NAD' && PERSON_QUALIFIERS[comp(s, 1)] ? n + 1 : n), 0);
  if (persons > PAXLST_MAX_PERSONS) {
    return err(
      PassengerErrors.paxlstTooManyPersons(`The interchange lists ${persons} persons; at most ${PAXLST_MAX_PERSONS} are accepted per upload`, {
        persons,
        limit: PAXLST_MAX_PERSONS,
      }),
    );
  }
  const unb = segs.find((s) => s.tag === 'UNB');
  const preparedAt = unb ? ediDateTime(`${comp(unb, 4)}${comp(unb, 4, 1)}`, '201', 9999, false) : undefined;
  const refYear = preparedAt ? Number(preparedAt.slice(0, 4)) : new Date().getUTCFullYear();
  const messages: PaxlstMessage[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.tag !== 'UNH') continue;
    if (comp(s, 2) !== 'PAXLST')
      return err(PassengerErrors.paxlstMalformed(`Message ${comp(s, 1)} is ${comp(s, 2) || 'untyped'}, not PAXLST`));
    const end = segs.findIndex((x, j) => j > i && x.tag === 'UNT');
    const body = segs.slice(i + 1, end === -1 ? segs.length : end);
    const message = { ...parseMessage(body, refYear), reference: comp(s, 1) };
    if (message.legs.length === 0 || message.legs.every((l) => !l.flight)) {
      return err(PassengerErrors.paxlstMalformed(`Message ${message.reference} names no flight (TDT segment)`));
    }
    if (message.passengers.length > 0 && message.passengers.some((p) => !p.flight || !p.arrivalAt)) {
      return err(PassengerErrors.paxlstMalformed(`Message ${message.reference} gives no arrival date and time (DTM+232) for its flight`));
    }
    messages.push(message);
    if (end === -1) break;
    i = end;
  }
  if (messages.length === 0) return err(PassengerErrors.paxlstMalformed('No PAXLST message (UNH) in the interchange'));
  return ok({
    sender: unb ? comp(unb, 2) : '',
    recipient: unb ? comp(unb, 3) : '',
    ...(preparedAt ? { preparedAt } : {}),
    messages,
  });
}
