import type { Problem } from '../../kernel/index.ts';
import { ConsignmentErrors as E } from './errors.ts';
import { flattenBatches } from './flatten.ts';
import { CONSIGNMENT_COLUMNS, splitCsvRecord } from './csv-format.ts';
import { idFromBrokenRow, readHeader } from './csv-header.ts';
import type { Header } from './csv-header.ts';
import type { CsvColumn } from './csv-format.ts';
import { columnIndex, csvGroupToRaw, problemColumn } from './csv-mapping.ts';
import type { ColumnIndex } from './csv-mapping.ts';
import { DEFAULT_MAX_LINE_BYTES, splitLines } from './lines.ts';
import type { Chunk, RawLine } from './lines.ts';
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
  /** Columns already reported as inconsistent (created on the first one: most groups never need it). */
  inconsistent: Set<CsvColumn> | undefined;
}

/**
 * CSV consignment batches (one row per item line, see csv-format.ts). A row that cannot be read rejects the
 * consignment it belongs to when its id can still be made out — a consignment silently missing an item would be
 * undervalued — and is reported on its own otherwise. A bad header stops the stream: no row can be read without it.
 */
export function parseCsv(source: AsyncIterable<Chunk>, opts: ParseOptions): AsyncIterableIterator<ParsedRecord> {
  return flattenBatches(parseCsvBatches(source, opts));
}

/** The same records in batches, one per input chunk that completes a consignment. */
export async function* parseCsvBatches(
  source: AsyncIterable<Chunk>,
  opts: ParseOptions,
): AsyncGenerator<ParsedRecord[]> {
  const reader = new CsvConsignmentReader(opts);
  for await (const lines of splitLines(source, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)) {
    const out: ParsedRecord[] = [];
    for (const line of lines) reader.line(line, out);
    if (out.length > 0) yield out;
    if (reader.stopped) return;
  }
  const out: ParsedRecord[] = [];
  reader.end(out);
  if (out.length > 0) yield out;
}

/** The grouping state machine, fed line by line; completed records are appended to `out`. */
class CsvConsignmentReader {
  stopped = false;
  private header: Header | undefined;
  private index: ColumnIndex | undefined;
  private consignmentCols: number[] = [];
  private width = 0;
  private idIdx = 0;
  private group: Group | undefined;
  private pending: { lineNo: number; text: string } | undefined;
  private readonly maxBytes: number;
  private readonly maxItems: number;

  constructor(private readonly opts: ParseOptions) {
    this.maxBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  }

  line(line: RawLine, out: ParsedRecord[]): void {
    if (this.stopped) return;
    const { lineNo } = line;
    if ('tooLong' in line) {
      const problem = E.lineTooLong.problem('$', `The line has ${line.bytes} bytes; the limit is ${this.maxBytes}`);
      if (this.pending) this.broken(this.pending.lineNo, problem, this.pending.text, out);
      else if (this.header) this.broken(lineNo, problem, line.head, out);
      else this.stop(lineNo, E.csvHeader.problem('$', 'The header line is too long'), out);
      this.pending = undefined;
      return;
    }
    let text = line.text;
    let first = lineNo;
    if (this.pending) {
      text = `${this.pending.text}\n${text}`;
      first = this.pending.lineNo;
      this.pending = undefined;
    }
    if (text.trim() === '') return;
    const fields = splitCsvRecord(text);
    if (fields === 'open') {
      // A quoted field spanning lines: bounded by the same limit as a single line.
      if (text.length > this.maxBytes)
        this.broken(first, E.lineTooLong.problem('$', 'The quoted field runs past the line limit'), text, out);
      else this.pending = { lineNo: first, text };
      return;
    }
    if (!this.header) {
      const h = readHeader(fields);
      if ('problem' in h) return this.stop(lineNo, h.problem, out);
      this.header = h.header;
      this.width = h.width;
      this.idIdx = h.header.get('consignment_id')!;
      this.index = columnIndex(h.header);
      this.consignmentCols = CONSIGNMENT_COLUMNS.map((c) => h.header.get(c) ?? -1);
      return;
    }
    if (!fields || fields.length !== this.width) {
      const why = fields ? `Expected ${this.width} fields, got ${fields.length}` : 'A quote is misplaced';
      return this.broken(first, E.malformedLine.problem('$', why), text, out);
    }
    const g = this.route(fields[this.idIdx]!.trim(), first, out);
    g.lastLine = lineNo;
    this.addRow(g, fields, first);
  }

  end(out: ParsedRecord[]): void {
    if (this.stopped) return;
    if (this.pending)
      this.broken(
        this.pending.lineNo,
        E.malformedLine.problem('$', 'A quoted field is never closed'),
        this.pending.text,
        out,
      );
    this.pending = undefined;
    this.flush(out);
  }

  private stop(lineNo: number, problem: Problem, out: ParsedRecord[]): void {
    out.push({ lineNo, lastLineNo: lineNo, problems: [problem] });
    this.stopped = true;
  }

  /** The group this row belongs to; a new id closes the previous group. */
  private route(id: string, lineNo: number, out: ParsedRecord[]): Group {
    const g = this.group;
    if (g && id !== '' && g.id === id) return g;
    this.flush(out);
    const fresh: Group = {
      id,
      firstLine: lineNo,
      lastLine: lineNo,
      head: undefined,
      rows: [],
      rowLines: [],
      rowCount: 0,
      problems: [],
      inconsistent: undefined,
    };
    this.group = fresh;
    return fresh;
  }

  private broken(lineNo: number, problem: Problem, text: string, out: ParsedRecord[]): void {
    const id = idFromBrokenRow(text, this.idIdx);
    if (id === undefined) {
      this.flush(out);
      out.push({ lineNo, lastLineNo: lineNo, problems: [{ ...problem, lineNo }] });
      return;
    }
    const g = this.route(id, lineNo, out);
    g.lastLine = lineNo;
    g.problems.push({ ...problem, lineNo });
  }

  private addRow(g: Group, fields: string[], lineNo: number): void {
    g.rowCount++;
    if (!g.head) g.head = fields;
    else {
      const cols = this.consignmentCols;
      for (let c = 0; c < cols.length; c++) {
        const i = cols[c]!;
        if (i < 0 || fields[i] === g.head[i]) continue;
        const col = CONSIGNMENT_COLUMNS[c]!;
        g.inconsistent ??= new Set();
        if (g.inconsistent.has(col)) continue;
        g.inconsistent.add(col);
        g.problems.push(
          E.csvInconsistent.problem(
            '$',
            `Column ${col} differs from the consignment's first row (line ${g.firstLine})`,
            { column: col, lineNo },
          ),
        );
      }
    }
    if (g.rows.length < this.maxItems) {
      g.rows.push(fields);
      g.rowLines.push(lineNo);
    }
  }

  private flush(out: ParsedRecord[]): void {
    const g = this.group;
    this.group = undefined;
    if (!g || !this.header) return;
    const base = { lineNo: g.firstLine, lastLineNo: g.lastLine };
    const problems = [...g.problems];
    if (g.rowCount > this.maxItems)
      problems.push(E.tooManyItems.problem('$.items', `At most ${this.maxItems} item lines, got ${g.rowCount}`));
    if (g.head) {
      // With rows missing, the declared total cannot match: its check would only add noise to the real problem.
      const complete = problems.length === 0;
      const r = validateConsignment(csvGroupToRaw(g.head, g.rows, this.index!, complete), this.opts);
      if (r.ok && complete) {
        out.push({ ...base, consignment: r.value });
        return;
      }
      if (!r.ok) for (const p of r.error) problems.push(locate(p, g));
    }
    out.push(g.id === '' ? { ...base, problems } : { ...base, problems, consignmentId: g.id });
  }
}

/** Adds the CSV column and the row's line number to a model-path problem. */
function locate(p: Problem, g: Group): Problem {
  const m = /^\$\.items\[(\d+)\]/.exec(p.path ?? '');
  const lineNo = m ? (g.rowLines[Number(m[1])] ?? g.firstLine) : g.firstLine;
  const column = problemColumn(p.path ?? '');
  return column ? { ...p, column, lineNo } : { ...p, lineNo };
}
