/**
 * Splits a byte stream (an HTTP request, a file stream) into lines without ever holding more than one line and one
 * chunk: a batch of 100,000 consignments is never buffered whole. The limit is in bytes so that it bounds memory
 * whatever the encoding; a line over it is reported and skipped, never truncated into something that parses.
 * Lines come out in batches, one per input chunk, so that the per-line cost is a loop step rather than a promise.
 */
export type Chunk = Buffer | Uint8Array | string;

export type RawLine =
  | { readonly lineNo: number; readonly text: string }
  | { readonly lineNo: number; readonly tooLong: true; readonly bytes: number; readonly head: string };

/** 64 KiB: a consignment with 100 item lines fits in about 30 KiB. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

/** How much of a too-long line is kept, so that the caller can still name the consignment it rejects. */
const HEAD_BYTES = 256;
const headOf = (parts: Buffer[]): string => Buffer.concat(parts).subarray(0, HEAD_BYTES).toString('utf8');
const NL = 10;
const EMPTY = Buffer.alloc(0);

export class LineSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  private overflow = false;
  private overflowHead = '';
  private lineNo = 0;

  constructor(private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES) {}

  /** The lines completed by this chunk. */
  push(chunk: Chunk): RawLine[] {
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: RawLine[] = [];
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) {
        const rest = buf.length - pos;
        if (rest > 0) {
          if (!this.overflow && this.carryLen + rest > this.maxLineBytes) {
            this.overflow = true;
            this.overflowHead = headOf([...this.carry, buf.subarray(pos)]);
            this.carry = [];
          }
          // Copy: the producer may reuse its buffer, and a subarray would pin the whole chunk.
          if (!this.overflow) this.carry.push(Buffer.from(buf.subarray(pos)));
          this.carryLen += rest;
        }
        return out;
      }
      out.push(this.finish(buf, pos, nl));
      pos = nl + 1;
    }
  }

  /** The last line, when the input does not end with a newline. */
  end(): RawLine[] {
    return this.carryLen > 0 || this.overflow ? [this.finish(EMPTY, 0, 0)] : [];
  }

  private finish(buf: Buffer, start: number, end: number): RawLine {
    const lineNo = ++this.lineNo;
    const bytes = this.carryLen + (end - start);
    let line: RawLine;
    if (this.overflow) line = { lineNo, tooLong: true, bytes, head: this.overflowHead };
    else if (bytes > this.maxLineBytes)
      line = { lineNo, tooLong: true, bytes, head: headOf([...this.carry, buf.subarray(start, end)]) };
    else {
      let text =
        this.carry.length === 0
          ? buf.toString('utf8', start, end)
          : Buffer.concat([...this.carry, buf.subarray(start, end)]).toString('utf8');
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      // A UTF-8 byte-order mark (spreadsheet exports) would otherwise corrupt the first field of the first line.
      if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      line = { lineNo, text };
    }
    this.carry = [];
    this.carryLen = 0;
    this.overflow = false;
    return line;
  }
}

/** The lines of a stream, in batches (one per chunk that completes at least one line). */
export async function* splitLines(
  source: AsyncIterable<Chunk>,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<RawLine[]> {
  const splitter = new LineSplitter(maxLineBytes);
  for await (const chunk of source) {
    const lines = splitter.push(chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}
