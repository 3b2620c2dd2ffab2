import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, MAX_DOCUMENT_BYTES, readDocument } from './document.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const code = (f: () => unknown): string => {
  try {
    f();
    return 'none';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('a document sent for a declaration', () => {
  it('is decoded, fingerprinted and named safely', () => {
    const d = readDocument({ fileName: 'C:\\scans\\certificate of origin.pdf', contentType: 'Application/PDF', contentBase64: PDF.toString('base64'), note: '  Form D  ' });
    expect(d.content.equals(PDF)).toBe(true);
    expect([d.fileName, d.contentType, d.note, d.sha256.length]).toEqual(['certificate of origin.pdf', 'application/pdf', 'Form D', 64]);
    expect(readDocument({ fileName: 'x.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }).note).toBeNull();
  });

  it('is refused when it is not a PDF, JPEG or PNG, or its bytes are not what it claims', () => {
    expect(code(() => readDocument({ fileName: 'a.html', contentType: 'text/html', contentBase64: PDF.toString('base64') }))).toBe('DOCUMENT.UNSUPPORTED_TYPE');
    expect(code(() => readDocument({ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('<script>').toString('base64') }))).toBe('DOCUMENT.INVALID_CONTENT');
    expect(code(() => readDocument({ fileName: 'a.jpg', contentType: 'image/jpeg', contentBase64: PNG.toString('base64') }))).toBe('DOCUMENT.INVALID_CONTENT');
  });

  it('is refused when the content is not base64 or is empty', () => {
    for (const contentBase64 of ['', 'not base64!', 'JVBER', '====']) {
      expect(code(() => readDocument({ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64 }))).toBe('DOCUMENT.INVALID_CONTENT');
    }
  });

  it('is refused above 5 MiB, before and after decoding', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect(code(() => readDocument({ fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: big.toString('base64') }))).toBe('DOCUMENT.TOO_LARGE');
    const justUnder = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES - PDF.length)]);
    expect(readDocument({ fileName: 'ok.pdf', contentType: 'application/pdf', contentBase64: justUnder.toString('base64') }).content.length).toBe(MAX_DOCUMENT_BYTES);
  });

  it('keeps no folder, control character or quote in the name, and names it in both forms for the download', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b"c\r\n.pdf')).toBe('abc.pdf');
    expect(cleanFileName('..')).toBe('document');
    expect(contentDisposition('原産地証明書.pdf')).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('原産地証明書.pdf')}`);
  });
});
