import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './connect.ts';
import { DocumentsRepo } from './documents.repo.ts';
import { declarations } from './schema.ts';

const pdf = (text: string) => {
  const content = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
  return { fileName: `${text}.pdf`, contentType: 'application/pdf' as const, content, sha256: createHash('sha256').update(content).digest('hex'), note: null };
};

/** The document store, the same on PGlite and PostgreSQL: bytes back exactly as sent, lists without bytes. */
export function documentsContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`declaration documents on ${name}`, () => {
    let store: Store;
    let repo: DocumentsRepo;
    beforeAll(async () => {
      store = await open();
      repo = new DocumentsRepo(store.db);
      for (const id of ['d_one', 'd_two']) {
        await store.db.insert(declarations).values({ id, kind: 'import', status: 'held', version: 1, ownerId: 'p_trader', data: {} });
      }
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('stores a document and gives back every byte, under its declaration only', async () => {
      // Every byte value, so that no driver turns the bytes into text on the way.
      const every = Buffer.concat([Buffer.from('%PDF-'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
      const doc = { ...pdf('x'), content: every, sha256: createHash('sha256').update(every).digest('hex'), note: '原産地証明書' };
      const stored = await repo.add('d_one', doc, 'p_trader', 20);
      if (typeof stored === 'string') throw new Error(stored);
      expect([stored.declarationId, stored.fileName, stored.contentType, stored.sizeBytes, stored.note, stored.uploadedBy]).toEqual(['d_one', 'x.pdf', 'application/pdf', every.length, '原産地証明書', 'p_trader']);
      expect(stored.id).toMatch(/^doc_/);
      const back = await repo.get('d_one', stored.id);
      expect(Buffer.isBuffer(back?.content)).toBe(true);
      expect(back?.content.equals(every)).toBe(true);
      expect(back?.sha256).toBe(doc.sha256);
      expect(await repo.get('d_two', stored.id)).toBeUndefined();
    });

    it('lists the documents oldest first, without their bytes', async () => {
      await repo.add('d_one', pdf('invoice'), 'p_trader', 20);
      const list = await repo.list('d_one');
      expect(list.map((d) => d.fileName)).toEqual(['x.pdf', 'invoice.pdf']);
      expect(list.every((d) => !('content' in d))).toBe(true);
      expect(await repo.list('d_two')).toEqual([]);
    });

    it('stops at the limit per declaration, and refuses a declaration that does not exist', async () => {
      expect(await repo.add('d_two', pdf('a'), 'p', 1)).toMatchObject({ fileName: 'a.pdf' });
      expect(await repo.add('d_two', pdf('b'), 'p', 1)).toBe('too_many');
      expect(await repo.add('d_nowhere', pdf('c'), 'p', 5)).toBe('no_declaration');
      expect((await repo.list('d_two')).length).toBe(1);
    });
  });
}
