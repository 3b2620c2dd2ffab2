import type { Problem } from '../../kernel/index.ts';
import { ConsignmentErrors as E } from './errors.ts';
import { flattenBatches } from './flatten.ts';
import { DEFAULT_MAX_LINE_BYTES, splitLines } from './lines.ts';
import type { Chunk, RawLine } from './lines.ts';
import type { ParsedRecord, ParseOptions } from './records.ts';
import { validateConsignment } from './validate.ts';

/**
 * NDJSON consignment batches: one JSON consignment per line, blank lines ignored. A line that is too long, not JSON
 * or not a valid consignment yields a problems record and the stream goes on.
 */
export function parseNdjson(source: AsyncIterable<Chunk>, opts: ParseOptions): AsyncIterableIterator<ParsedRecord> {
  return flattenBatches(parseNdjsonBatches(source, opts));
}

/** The same records in batches, one per input chunk: for callers that process batches anyway (fewer awaits). */
export async function* parseNdjsonBatches(
  source: AsyncIterable<Chunk>,
  opts: ParseOptions,
): AsyncGenerator<ParsedRecord[]> {
  const maxBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  for await (const lines of splitLines(source, maxBytes)) {
    const out: ParsedRecord[] = [];
    for (const line of lines) {
      const r = ndjsonLine(line, opts, maxBytes);
      if (r) out.push(r);
    }
    if (out.length > 0) yield out;
  }
}

function ndjsonLine(line: RawLine, opts: ParseOptions, maxBytes: number): ParsedRecord | undefined {
  const { lineNo } = line;
  if ('tooLong' in line) {
    return rejected(
      lineNo,
      [E.lineTooLong.problem('$', `The line has ${line.bytes} bytes; the limit is ${maxBytes}`)],
      claimedId(line.head),
    );
  }
  if (isBlank(line.text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (e) {
    return rejected(
      lineNo,
      [E.malformedLine.problem('$', `Not valid JSON: ${(e as Error).message}`)],
      claimedId(line.text),
    );
  }
  const r = validateConsignment(value, opts);
  if (r.ok) return { lineNo, lastLineNo: lineNo, consignment: r.value };
  const id = (value as { consignmentId?: unknown } | null)?.consignmentId;
  return rejected(lineNo, r.error, typeof id === 'string' && CLAIMED_ID.test(id) ? id : undefined);
}

function rejected(lineNo: number, problems: Problem[], consignmentId: string | undefined): ParsedRecord {
  return consignmentId === undefined
    ? { lineNo, lastLineNo: lineNo, problems }
    : { lineNo, lastLineNo: lineNo, problems, consignmentId };
}

const ID_IN_TEXT = /"consignmentId"\s*:\s*"([A-Za-z0-9][A-Za-z0-9._/-]{0,63})"/;
/** A rejected line's id is kept only when it is one that could be valid (it is stored, and shown back). */
const CLAIMED_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/** The id of a line we could not parse, if its text shows one. */
function claimedId(text: string): string | undefined {
  return ID_IN_TEXT.exec(text)?.[1];
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
