/** A PAXLST interchange header for one flight into Haneda (NH212 from London, arriving 2026-12-01 15:45). */
const OWN_FLIGHT = [
  'UNB+UNOA:4+NHAPIS:ZZ+JPCUSTOMS:ZZ+261130:2215+1++APIS',
  'UNH+1+PAXLST:D:05B:UN:IATA',
  'BGM+745',
  'TDT+20+NH212+++NH',
  'LOC+125+LHR',
  'DTM+189:2611301930:201',
  'LOC+87+HND',
  'DTM+232:2612011545:201',
].join("'\n");

/** An interchange with `n` persons on that flight (name, birth date and passport each). */
export function manyPersons(n: number, family = 'TANAKA'): string {
  const person = (i: number) => [`NAD+FL+++${family}:HANAKO${i % 1000}`, 'DTM+329:011224', `DOC+P:110:111+TK${String(i).padStart(7, '0')}`, 'LOC+91+JPN'];
  const head = OWN_FLIGHT.split("'\n");
  const tail = ['CNT+42:' + n, 'UNT+1+1', "UNZ+1+1'"];
  return [...head, ...Array.from({ length: n }, (_, i) => person(i)).flat(), ...tail].join("'\n");
}

