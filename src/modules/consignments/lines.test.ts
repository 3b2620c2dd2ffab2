import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';
import type { Chunk, RawLine } from './lines.ts';

async function* chunks(...parts: Chunk[]): AsyncGenerator<Chunk> {
  for (const p of parts) yield p;
}
const collect = async (src: AsyncIterable<RawLine[]>): Promise<RawLine[]> => {
  const out: RawLine[] = [];
  for await (const batch of src) out.push(...batch);
  return out;
};

describe('line splitting', () => {
  it('joins lines cut across chunks, including a multi-byte character split in two', async () => {
    const bytes = Buffer.from('a,東京\nb\n', 'utf8');
    const lines = await collect(splitLines(chunks(bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7))));
    expect(lines).toEqual([
      { lineNo: 1, text: 'a,東京' },
      { lineNo: 2, text: 'b' },
    ]);
  });

  it('strips CR of CRLF, a leading byte-order mark, and yields a last line without newline', async () => {
    const lines = await collect(splitLines(chunks('\uFEFFx\r\n', '', 'y\r\nz')));
    expect(lines.map((l) => ('text' in l ? l.text : '!'))).toEqual(['x', 'y', 'z']);
  });

  it('counts blank lines so that line numbers match an editor', async () => {
    const lines = await collect(splitLines(chunks('a\n\nb\n')));
    expect(lines).toEqual([
      { lineNo: 1, text: 'a' },
      { lineNo: 2, text: '' },
      { lineNo: 3, text: 'b' },
    ]);
  });

  it('reports a line over the byte limit and carries on with the next one', async () => {
    const lines = await collect(
      splitLines(chunks('ok\n' + 'x'.repeat(6), 'x'.repeat(6) + '\nnext\n', 'y'.repeat(20)), 10),
    );
    expect(lines).toEqual([
      { lineNo: 1, text: 'ok' },
      { lineNo: 2, tooLong: true, bytes: 12, head: 'x'.repeat(12) },
      { lineNo: 3, text: 'next' },
      { lineNo: 4, tooLong: true, bytes: 20, head: 'y'.repeat(20) },
    ]);
  });

  it('measures the limit in bytes, not characters', async () => {
    const lines = await collect(splitLines(chunks('東京\n'), 5));
    expect(lines).toEqual([{ lineNo: 1, tooLong: true, bytes: 6, head: '東京' }]);
  });

  it('keeps only the first 256 bytes of a too-long line', async () => {
    const lines = await collect(splitLines(chunks('z'.repeat(300), 'z'.repeat(300) + '\n'), 100));
    expect(lines).toEqual([{ lineNo: 1, tooLong: true, bytes: 600, head: 'z'.repeat(256) }]);
  });
});
