import type { Problem } from '../../kernel/index.ts';
import { ConsignmentErrors as E } from './errors.ts';
import { CONSIGNMENT_COLUMNS, CSV_COLUMNS, OPTIONAL_COLUMNS, splitCsvRecord } from './csv-format.ts';
import type { CsvColumn } from './csv-format.ts';
import { csvGroupToRaw, problemColumn } from './csv-mapping.ts';
import { DEFAULT_MAX_LINE_BYTES, splitLines } from './lines.ts';
import type { Chunk } from './lines.ts';
import { DEFAULT_MAX_ITEMS } from './model.ts';
import type { ParsedRecord, ParseOptions } from './records.ts';
import { validateConsignment } from './validate.ts';

/** Consecutive rows sharing a consignment_id; only the first row's consignment fields and at most maxItems rows kept. */
interface Group {
  readonly id: string;
  readonly firstLine: number;
  lastLine: number;
  head: string[] | undefined;
  readonly rows: string[][];
  readonly rowLines: number[];
  rowCount: number;
  readonly problems: Problem[];
  readonly inconsistent: Set<CsvColumn>;
}

type Header = ReadonlyMap<CsvColumn, number>;

/**
 * CSV consignment batches (one row per item line, see csv-format.ts). A row that cannot be read rejects the
 * consignment it belongs to when its id can still be made out — a consignment silently missing an item would be
 * undervalued — and is reported on its own otherwise. A bad header stops the stream: no row can be read without it.
 */
export async function* parseCsv(source: AsyncIterable<Chunk>, opts: ParseOptions): AsyncGenerator<ParsedRecord> {
  const maxBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  let header: Header | undefined;
  let width = 0;
  let idIdx = 0;
  let group: Group | undefined;
  let pending: { lineNo: number; text: string } | undefined;

  const flush = (): ParsedRecord | undefined => {
    const g = group;
    group = undefined;
    return g && header ? finishGroup(g, header, opts, maxItems) : undefined;
  };
  /** Routes a row to its group; yields the previous group when the id changes. */
  const route = (id: string, lineNo: number): ParsedRecord | undefined => {
    if (group && id !== '' && group.id === id) {
      group.lastLine = lineNo;
      return undefined;
    }
    const done = flush();
    group = { id, firstLine: lineNo, lastLine: lineNo, head: undefined, rows: [], rowLines: [], rowCount: 0, problems: [], inconsistent: new Set() };
    return done;
  };
  const broken = function* (lineNo: number, problem: Problem, text: string): Generator<ParsedRecord> {
    const id = idFromBrokenRow(text, idIdx);
    if (id === undefined) {
      const done = flush();
      if (done) yield done;
      yield { lineNo, lastLineNo: lineNo, problems: [{ ...problem, lineNo }] };
      return;
    }
    const done = route(id, lineNo);
    if (done) yield done;
    group!.problems.push({ ...problem, lineNo });
  };

  for await (const line of splitLines(source, maxBytes)) {
    const { lineNo } = line;
    if ('tooLong' in line) {
      const problem = E.lineTooLong.problem('$', `The line has ${line.bytes} bytes; the limit is ${maxBytes}`);
      if (pending) yield* broken(pending.lineNo, problem, pending.text);
      else if (header) yield* broken(lineNo, problem, line.head);
      else return yield { lineNo, lastLineNo: lineNo, problems: [E.csvHeader.problem('$', 'The header line is too long')] };
      pending = undefined;
      continue;
    }
    let text = line.text;
    let first = lineNo;
    if (pending) {
      text = `${pending.text}\n${text}`;
      first = pending.lineNo;
      pending = undefined;
    }
    if (text.trim() === '') continue;
    const fields = splitCsvRecord(text);
    if (fields === 'open') {
      // A quoted field spanning lines: bounded by the same limit as a single line.
      if (text.length > maxBytes) yield* broken(first, E.lineTooLong.problem('$', 'The quoted field runs past the line limit'), text);
      else pending = { lineNo: first, text };
      continue;
    }
    if (!header) {
      const h = readHeader(fields);
      if ('problem' in h) return yield { lineNo, lastLineNo: lineNo, problems: [h.problem] };
      header = h.header;
      width = h.width;
      idIdx = header.get('consignment_id')!;
      continue;
    }
    if (!fields || fields.length !== width) {
      const why = fields ? `Expected ${width} fields, got ${fields.length}` : 'A quote is misplaced';
      yield* broken(first, E.malformedLine.problem('$', why), text);
      continue;
    }
    const done = route(fields[idIdx]!.trim(), first);
    if (done) yield done;
    group!.lastLine = lineNo;
    addRow(group!, fields, first, header, maxItems);
  }
  if (pending) yield* broken(pending.lineNo, E.malformedLine.problem('$', 'A quoted field is never closed'), pending.text);
  const done = flush();
  if (done) yield done;
}

function addRow(g: Group, fields: string[], lineNo: number, header: Header, maxItems: number): void {
  g.rowCount++;
  if (!g.head) g.head = fields;
  else {
    for (const col of CONSIGNMENT_COLUMNS) {
      const i = header.get(col);
      if (i === undefined || fields[i] === g.head[i] || g.inconsistent.has(col)) continue;
      g.inconsistent.add(col);
      g.problems.push(
        E.csvInconsistent.problem('$', `Column ${col} differs from the consignment's first row (line ${g.firstLine})`, { column: col, lineNo }),
      );
    }
  }
  if (g.rows.length < maxItems) {
    g.rows.push(fields);
    g.rowLines.push(lineNo);
  }
}

function finishGroup(g: Group, header: Header, opts: ParseOptions, maxItems: number): ParsedRecord {
  const base = { lineNo: g.firstLine, lastLineNo: g.lastLine };
  const problems = [...g.problems];
  if (g.rowCount > maxItems) problems.push(E.tooManyItems.problem('$.items', `At most ${maxItems} item lines, got ${g.rowCount}`));
  if (g.head) {
    // With rows missing, the declared total cannot match: its check would only add noise to the real problem.
    const complete = problems.length === 0;
    const r = validateConsignment(csvGroupToRaw(g.head, g.rows, header, complete), opts);
    if (r.ok && problems.length === 0) return { ...base, consignment: r.value };
    if (!r.ok) for (const p of r.error) problems.push(locate(p, g));
  }
  return g.id === '' ? { ...base, problems } : { ...base, problems, consignmentId: g.id };
}

/** Adds the CSV column and the row's line number to a model-path problem. */
function locate(p: Problem, g: Group): Problem {
  const m = /^\$\.items\[(\d+)\]/.exec(p.path ?? '');
  const lineNo = m ? g.rowLines[Number(m[1])] ?? g.firstLine : g.firstLine;
  const column = problemColumn(p.path ?? '');
  return column ? { ...p, column, lineNo } : { ...p, lineNo };
}

function readHeader(fields: string[] | undefined): { header: Header; width: number } | { problem: Problem } {
  const names = fields?.map((s) => s.trim().toLowerCase());
  if (!names) return { problem: E.csvHeader.problem('$', 'The header line is not valid CSV') };
  const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
  const header = new Map<CsvColumn, number>();
  const problems: string[] = [];
  names.forEach((n, i) => {
    if (!known.has(n)) problems.push(`unknown column "${n}"`);
    else if (header.has(n as CsvColumn)) problems.push(`column "${n}" appears twice`);
    else header.set(n as CsvColumn, i);
  });
  const missing = CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !header.has(c));
  if (missing.length > 0) problems.push(`missing columns ${missing.join(', ')}`);
  if (!header.has('master_awb') && !header.has('house_awb')) problems.push('needs a master_awb or a house_awb column');
  if (problems.length > 0) return { problem: E.csvHeader.problem('$', `CSV header: ${problems.join('; ')}`) };
  return { header, width: names.length };
}

/** The consignment_id of a row that cannot be parsed, read leniently; undefined when it cannot be made out. */
function idFromBrokenRow(text: string, idIdx: number): string | undefined {
  const raw = text.split(',')[idIdx]?.trim().replace(/^"|"$/g, '');
  return raw && /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(raw) ? raw : undefined;
}
