/**
 * Splits a byte stream (an HTTP request, a file stream) into lines without ever holding more than one line and one
 * chunk: a batch of 100,000 consignments is never buffered whole. The limit is in bytes so that it bounds memory
 * whatever the encoding; a line over it is reported and skipped, never truncated into something that parses.
 */
export type Chunk = Buffer | Uint8Array | string;

export type RawLine =
  | { readonly lineNo: number; readonly text: string }
  | { readonly lineNo: number; readonly tooLong: true; readonly bytes: number; readonly head: string };

/** How much of a too-long line is kept, so that the caller can still name the consignment it rejects. */
const HEAD_BYTES = 256;
const headOf = (parts: Buffer[]): string => Buffer.concat(parts).subarray(0, HEAD_BYTES).toString('utf8');

/** 64 KiB: a consignment with 100 item lines fits in about 30 KiB. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

const NL = 10;

export async function* splitLines(source: AsyncIterable<Chunk>, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<RawLine> {
  let carry: Buffer[] = [];
  let carryLen = 0;
  let overflow = false;
  let overflowHead = '';
  let lineNo = 0;

  const finish = (buf: Buffer, start: number, end: number): RawLine => {
    lineNo++;
    const bytes = carryLen + (end - start);
    let line: RawLine;
    if (overflow) line = { lineNo, tooLong: true, bytes, head: overflowHead };
    else if (bytes > maxLineBytes) line = { lineNo, tooLong: true, bytes, head: headOf([...carry, buf.subarray(start, end)]) };
    else {
      let text = carry.length === 0 ? buf.toString('utf8', start, end) : Buffer.concat([...carry, buf.subarray(start, end)]).toString('utf8');
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      // A UTF-8 byte-order mark (spreadsheet exports) would otherwise corrupt the first field of the first line.
      if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      line = { lineNo, text };
    }
    carry = [];
    carryLen = 0;
    overflow = false;
    return line;
  };

  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) {
        const rest = buf.length - pos;
        if (rest > 0) {
          if (!overflow && carryLen + rest > maxLineBytes) {
            overflow = true;
            overflowHead = headOf([...carry, buf.subarray(pos)]);
            carry = [];
          }
          // Copy: the producer may reuse its buffer, and a subarray would pin the whole chunk.
          if (!overflow) carry.push(Buffer.from(buf.subarray(pos)));
          carryLen += rest;
        }
        break;
      }
      yield finish(buf, pos, nl);
      pos = nl + 1;
    }
  }
  if (carryLen > 0 || overflow) yield finish(Buffer.alloc(0), 0, 0);
}
