import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../kernel/index.ts';
import type { Store } from './connect.ts';
import { ConsignmentsRepo, type ConsignmentDecision } from './consignments.repo.ts';

const dup = (id: string): Problem => ({
  path: '$.consignmentId',
  code: 'CLEARANCE.DUPLICATE_CONSIGNMENT',
  message: id,
});
const decision = (id: string, lane = 'green'): ConsignmentDecision => ({
  consignmentId: id,
  status: lane === 'green' ? 'released' : 'held',
  lane,
  assessment: { totalYen: 0 },
  risk: { score: 0.1 },
});

/** The consignment storage contract, run against PGlite and PostgreSQL alike. */
export function consignmentsContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: () => Promise<void> = async () => {},
): void {
  describe(`consignments store contract: ${name}`, () => {
    let store: Store;
    let repo: ConsignmentsRepo;
    beforeAll(async () => {
      store = await open();
      repo = new ConsignmentsRepo(store.db);
    });
    afterAll(async () => {
      await store?.close();
      await cleanup();
    });

    it('counts accepted and rejected lines and returns only new consignments to clear', async () => {
      await repo.createBatch({ id: 'cb_1', ownerId: 'own_a', format: 'ndjson' });
      const fresh = await repo.recordChunk(
        'cb_1',
        'own_a',
        [
          { lineNo: 1, consignmentId: 'C1', data: { consignmentId: 'C1' } },
          {
            lineNo: 2,
            consignmentId: 'X',
            problems: [{ path: '$', code: 'CONSIGNMENT.MALFORMED_LINE', message: 'bad' }],
          },
          { lineNo: 3, consignmentId: 'C2', data: { consignmentId: 'C2' } },
          { lineNo: 4, consignmentId: 'C1', data: { consignmentId: 'C1' } },
        ],
        dup,
      );
      expect(fresh.fresh.sort()).toEqual(['C1', 'C2']);
      const b = await repo.getBatch('cb_1');
      expect([b?.status, b?.acceptedLines, b?.rejectedLines, b?.decided]).toEqual(['uploading', 2, 2, 0]);
      const lines = await repo.lines('cb_1', 1, 10);
      expect(lines.map((l) => [l.lineNo, l.accepted, l.problems?.[0]?.code ?? null])).toEqual([
        [1, true, null],
        [2, false, 'CONSIGNMENT.MALFORMED_LINE'],
        [3, true, null],
        [4, false, 'CLEARANCE.DUPLICATE_CONSIGNMENT'],
      ]);
    });

    it('never re-accepts a consignment id the owner sent before, even in another batch; other owners may use it', async () => {
      await repo.createBatch({ id: 'cb_2', ownerId: 'own_a', format: 'csv' });
      expect(
        (await repo.recordChunk('cb_2', 'own_a', [{ lineNo: 2, consignmentId: 'C1', data: {} }], dup)).fresh,
      ).toEqual([]);
      await repo.createBatch({ id: 'cb_3', ownerId: 'own_b', format: 'csv' });
      expect(
        (await repo.recordChunk('cb_3', 'own_b', [{ lineNo: 2, consignmentId: 'C1', data: {} }], dup)).fresh,
      ).toEqual(['C1']);
    });

    it('does not count a re-stored chunk twice', async () => {
      await repo.recordChunk('cb_1', 'own_a', [{ lineNo: 3, consignmentId: 'C2', data: {} }], dup);
      expect((await repo.getBatch('cb_1'))?.acceptedLines).toBe(2);
      expect((await repo.lines('cb_1', 3, 1)).map((l) => [l.lineNo, l.accepted])).toEqual([[3, true]]);
    });

    it('rejects an id sent again on a later line of the same batch, while its first line stays accepted', async () => {
      await repo.recordChunk('cb_1', 'own_a', [{ lineNo: 9, consignmentId: 'C2', data: {} }], dup);
      const b = await repo.getBatch('cb_1');
      expect([b?.acceptedLines, b?.rejectedLines]).toEqual([2, 3]);
      expect(
        (await repo.lines('cb_1', 3, 10)).map((l) => [l.lineNo, l.accepted, l.problems?.[0]?.code ?? null]),
      ).toEqual([
        [3, true, null],
        [4, false, 'CLEARANCE.DUPLICATE_CONSIGNMENT'],
        [9, false, 'CLEARANCE.DUPLICATE_CONSIGNMENT'],
      ]);
      // the same late line stored again is not counted again
      await repo.recordChunk('cb_1', 'own_a', [{ lineNo: 9, consignmentId: 'C2', data: {} }], dup);
      expect((await repo.getBatch('cb_1'))?.rejectedLines).toBe(3);
    });

    it('writes a decision once: a redelivery finds the consignment decided and writes nothing', async () => {
      expect((await repo.undecided('cb_1', '', 10)).pending.map((p) => p.consignmentId)).toEqual(['C1', 'C2']);
      expect(await repo.storeDecisions('cb_1', 'own_a', [decision('C1')])).toHaveLength(1);
      expect(await repo.storeDecisions('cb_1', 'own_a', [decision('C1', 'red')])).toHaveLength(0);
      expect((await repo.undecided('cb_1', '', 10)).pending.map((p) => p.consignmentId)).toEqual(['C2']);
      const line = (await repo.lines('cb_1', 1, 1))[0];
      expect([line?.status, line?.lane]).toEqual(['released', 'green']);
      expect((await repo.getBatch('cb_1'))?.decided).toBe(1);
    });

    it('stores documents exactly, whatever characters they hold, and a decision without a lane as null', async () => {
      // Columns travel as separator-joined text: quotes, backslashes, "\\N", control characters and non-Latin text
      // inside a document must come back unchanged, and a missing lane must not become text.
      const data = {
        consignmentId: 'D1',
        note: 'a "quoted" \\ back\\slash, \\N, tab\t, RS\u001e, 日本語 🎁',
        n: [1, 2.5, null],
      };
      await repo.createBatch({ id: 'cb_doc', ownerId: 'own_d', format: 'ndjson' });
      await repo.recordChunk(
        'cb_doc',
        'own_d',
        [
          { lineNo: 1, consignmentId: 'D1', data, json: JSON.stringify(data) },
          { lineNo: 2, problems: [{ path: '$', code: 'CONSIGNMENT.MALFORMED_LINE', message: 'bad \\N "x"\u001e' }] },
        ],
        dup,
      );
      const failed: ConsignmentDecision = {
        consignmentId: 'D1',
        status: 'failed',
        lane: null,
        assessment: { problems: [{ message: '\\N' }] },
        risk: null,
      };
      expect(await repo.storeDecisions('cb_doc', 'own_d', [failed])).toHaveLength(1);
      expect((await repo.undecided('cb_doc', '', 10)).pending).toEqual([]);
      const [one, two] = await repo.lines('cb_doc', 1, 10);
      expect([one?.status, one?.lane, one?.assessment, one?.risk]).toEqual(['failed', null, failed.assessment, null]);
      expect([two?.consignmentId, two?.problems?.[0]?.message]).toEqual([null, 'bad \\N "x"\u001e']);
      const stored = await store.db.execute(
        sql`select data from consignments where owner_id = 'own_d' and consignment_id = 'D1'`,
      );
      const raw = (stored as unknown as { rows: { data: unknown }[] }).rows[0]!.data;
      expect(typeof raw === 'string' ? JSON.parse(raw) : raw).toEqual(data);
    });

    it('refuses a key holding the column separator instead of shifting the columns', async () => {
      await expect(
        repo.storeDecisions('cb_doc', 'own_d', [{ ...decision('E\u001e1'), consignmentId: 'E\u001e1' }]),
      ).rejects.toThrow(/control character/);
    });

    it('completes the batch when the upload has ended and every accepted consignment is decided', async () => {
      expect((await repo.finishUpload('cb_1'))?.status).toBe('processing');
      await repo.storeDecisions('cb_1', 'own_a', [decision('C2', 'red')]);
      const b = await repo.getBatch('cb_1');
      expect([b?.status, b?.decided, b?.completedAt !== null]).toEqual(['completed', 2, true]);
      expect((await repo.finishUpload('cb_2'))?.status).toBe('completed');
      // What a worker re-announces: batches with undecided consignments (cb_3's C1), never completed ones.
      const stalled = await repo.claimStalledBatches(0);
      expect(stalled).toContain('cb_3');
      expect(stalled).not.toContain('cb_1');
    });

    it('stores consignments cleared before storing with their decisions, counted as decided at once', async () => {
      await repo.createBatch({ id: 'cb_4', ownerId: 'own_c', format: 'ndjson' });
      const r = await repo.recordChunk(
        'cb_4',
        'own_c',
        [
          { lineNo: 1, consignmentId: 'D1', data: {} },
          { lineNo: 2, consignmentId: 'D2', data: {} },
        ],
        dup,
        new Map([['D1', decision('D1', 'red')]]),
      );
      expect([r.fresh, r.decided.map((d) => d.consignmentId)]).toEqual([['D2'], ['D1']]);
      expect((await repo.lines('cb_4', 1, 1))[0]?.lane).toBe('red');
      expect((await repo.getBatch('cb_4'))?.decided).toBe(1);
      expect((await repo.undecided('cb_4', '', 10)).pending.map((p) => p.consignmentId)).toEqual(['D2']);
    });

    it('tells which consignments are decided, and pages through the undecided ones of a batch by consignment id', async () => {
      expect([...(await repo.decidedAmong('own_c', ['D1', 'D2', 'D9']))]).toEqual(['D1']);
      await repo.createBatch({ id: 'cb_5', ownerId: 'own_d', format: 'ndjson' });
      const ids = ['E1', 'E2', 'E3', 'E4', 'E5'];
      await repo.recordChunk(
        'cb_5',
        'own_d',
        ids.map((id, i) => ({ lineNo: i + 1, consignmentId: id, data: { consignmentId: id } })),
        dup,
      );
      await repo.storeDecisions('cb_5', 'own_d', [decision('E2')]);
      const first = await repo.undecided('cb_5', '', 2);
      expect([first.ownerId, first.pending.map((p) => p.consignmentId)]).toEqual(['own_d', ['E1', 'E3']]);
      expect(first.pending[0]?.data).toEqual({ consignmentId: 'E1' });
      expect((await repo.undecided('cb_5', 'E3', 2)).pending.map((p) => p.consignmentId)).toEqual(['E4', 'E5']);
      expect((await repo.undecided('cb_5', 'E5', 2)).pending).toEqual([]);
      // progressing (a decision stored just now): its consignments are queued already, a worker leaves it
      expect(await repo.claimStalledBatches(3_600_000)).not.toContain('cb_5');
      expect(await repo.claimStalledBatches(0)).toContain('cb_5');
    });

    it('sums progress written concurrently by several writers', async () => {
      await repo.createBatch({ id: 'cb_6', ownerId: 'own_e', format: 'ndjson' });
      const ids = Array.from({ length: 40 }, (_, i) => `F${String(i).padStart(2, '0')}`);
      await repo.recordChunk(
        'cb_6',
        'own_e',
        ids.map((id, i) => ({ lineNo: i + 1, consignmentId: id, data: {} })),
        dup,
      );
      await repo.finishUpload('cb_6');
      await Promise.all(
        Array.from({ length: 8 }, (_, w) =>
          repo.storeDecisions(
            'cb_6',
            'own_e',
            ids.slice(w * 5, w * 5 + 5).map((id) => decision(id)),
          ),
        ),
      );
      const b = await repo.getBatch('cb_6');
      expect([b?.status, b?.acceptedLines, b?.decided, b?.completedAt !== null]).toEqual(['completed', 40, 40, true]);
      expect(await repo.claimStalledBatches(0)).not.toContain('cb_6');
    });

    it('writes the decided event into the outbox with the decisions, and none for a redelivery', async () => {
      await repo.createBatch({ id: 'cb_7', ownerId: 'own_f', format: 'ndjson' });
      await repo.recordChunk('cb_7', 'own_f', [{ lineNo: 1, consignmentId: 'G1', data: {} }], dup);
      const event = (written: readonly ConsignmentDecision[]) => ({
        subject: 'customs.consignments.decided',
        msgId: `decided:cb_7:${written[0]!.consignmentId}`,
        payload: { ids: written.map((d) => d.consignmentId) },
      });
      const outboxRows = async () =>
        (
          (await store.db.execute(
            sql`select msg_id, payload from outbox where msg_id like 'decided:cb_7:%'`,
          )) as unknown as { rows: { msg_id: string; payload: unknown }[] }
        ).rows;
      await repo.storeDecisions('cb_7', 'own_f', [decision('G1')], event);
      await repo.storeDecisions('cb_7', 'own_f', [decision('G1', 'red')], event);
      expect(await outboxRows()).toEqual([{ msg_id: 'decided:cb_7:G1', payload: { ids: ['G1'] } }]);
    });

    it('fails uploads whose node stopped marking them alive, and lets one claimant take each failed upload once', async () => {
      await repo.createBatch({ id: 'cb_8', ownerId: 'own_g', format: 'ndjson' });
      await repo.heartbeat('cb_8');
      expect(await repo.abandonStaleUploads(60_000, { code: 'X' })).not.toContain('cb_8');
      await new Promise((r) => setTimeout(r, 30));
      expect(await repo.abandonStaleUploads(10, { code: 'CLEARANCE.UPLOAD_INTERRUPTED' })).toContain('cb_8');
      const b = await repo.getBatch('cb_8');
      expect([b?.status, (b?.error as { code?: string } | null)?.code]).toEqual([
        'failed',
        'CLEARANCE.UPLOAD_INTERRUPTED',
      ]);
      expect(await repo.claimFailedUploads(60_000)).not.toContain('cb_8');
      await new Promise((r) => setTimeout(r, 30));
      const claims = await Promise.all([repo.claimFailedUploads(10), repo.claimFailedUploads(10)]);
      expect(claims.flat().filter((id) => id === 'cb_8')).toEqual(['cb_8']);
      expect(await repo.claimFailedUploads(10)).not.toContain('cb_8');
    });

    it('lets one claimant take a stalled batch once per idle period', async () => {
      await repo.createBatch({ id: 'cb_9', ownerId: 'own_h', format: 'ndjson' });
      await repo.recordChunk('cb_9', 'own_h', [{ lineNo: 1, consignmentId: 'H1', data: {} }], dup);
      expect(await repo.claimStalledBatches(60_000)).not.toContain('cb_9');
      await new Promise((r) => setTimeout(r, 30));
      const claims = await Promise.all([repo.claimStalledBatches(10), repo.claimStalledBatches(10)]);
      expect(claims.flat().filter((id) => id === 'cb_9')).toEqual(['cb_9']);
      // claimed just now: not again within the idle period (a long one, so a slow host cannot outlast it), again once
      // a period has passed with the batch still stalled
      expect(await repo.claimStalledBatches(5_000)).not.toContain('cb_9');
      await new Promise((r) => setTimeout(r, 30));
      expect(await repo.claimStalledBatches(20)).toContain('cb_9');
    });

    it('stores advance cargo and marks it matched once', async () => {
      await repo.addAdvance([
        { id: 'adv_1', kind: 'XFZB', masterAwb: '131-12345675', houseAwb: 'H1', data: { houseAwb: 'H1' } },
      ]);
      expect((await repo.advanceFor(['131-12345675'])).map((a) => a.id)).toEqual(['adv_1']);
      await repo.markMatched([{ advanceId: 'adv_1', consignmentId: 'C1' }]);
      expect(await repo.advanceFor(['131-12345675'])).toEqual([]);
      expect((await repo.getAdvance('adv_1'))?.matchedConsignmentId).toBe('C1');
    });
  });
}
