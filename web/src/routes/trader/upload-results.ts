/** One line of a batch as `GET /api/v1/consignment-batches/{id}/lines` returns it. */
export interface BatchLine {
  readonly lineNo: number;
  readonly consignmentId: string | null;
  readonly accepted: boolean;
  readonly problems?: readonly { readonly code: string; readonly message: string; readonly path?: string; readonly column?: string; readonly lineNo?: number }[];
  readonly status?: string | null;
  readonly lane?: string | null;
  readonly assessment?: { readonly totalYen?: number; readonly valueYen?: number } | null;
}

/**
 * How many records the batch will report: NDJSON has one consignment a line; CSV one item a row, consecutive rows of
 * a consignment sharing its `consignment_id` (counted as the server groups them), so CSV uploads get a progress bar too.
 */
export function recordCount(text: string, csv: boolean): number {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!csv) return lines.length;
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const idx = header.indexOf('consignment_id');
  if (idx < 0) return Math.max(0, lines.length - 1);
  let n = 0;
  let previous: string | undefined;
  for (const line of lines.slice(1)) {
    const id = splitCsvLine(line)[idx] ?? '';
    if (id !== previous) n++;
    previous = id;
  }
  return n;
}

/** One CSV line into its fields (quotes with doubled quotes inside; no line breaks inside fields). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const cell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would be run as a formula by a spreadsheet: quoted with an apostrophe.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The results of a batch as a CSV file: one row per line, or per problem of a rejected line. */
export function resultsCsv(lines: readonly BatchLine[]): string {
  const rows = [['line', 'consignment_id', 'accepted', 'status', 'lane', 'total_yen', 'problem_code', 'problem_field', 'problem_message']];
  for (const l of lines) {
    const base = [String(l.lineNo), l.consignmentId ?? '', l.accepted ? 'yes' : 'no', l.status ?? '', l.lane ?? ''];
    const total = l.assessment?.totalYen;
    if (l.accepted || !l.problems || l.problems.length === 0) rows.push([...base, total === undefined ? '' : String(total), '', '', '']);
    else for (const p of l.problems) rows.push([...base, '', p.code, p.column ?? p.path ?? '', p.message]);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
