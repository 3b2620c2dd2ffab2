import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../adapters/bus/memory.ts';
import { openStore, type Store } from '../../adapters/store/connect.ts';
import { ConsignmentsRepo } from '../../adapters/store/consignments.repo.ts';
import { DomainError } from '../../kernel/index.ts';
import { sampleConsignment, sampleLookups, toNdjson } from '../../modules/consignments/index.ts';
import { ClearancePipeline } from './pipeline.ts';
import { ingest } from './upload.ts';

const lines = (n: number, prefix: string): string =>
  toNdjson(Array.from({ length: n }, (_, i) => ({ ...sampleConsignment(), consignmentId: `${prefix}${i}` })));

describe('ingest (streamed batch upload)', () => {
  let store: Store;
  let bus: MemoryEventBus;
  let repo: ConsignmentsRepo;
  beforeAll(async () => {
    store = await openStore({ dbDir: 'memory://' });
    bus = new MemoryEventBus();
    repo = new ConsignmentsRepo(store.db);
  });
  afterAll(async () => {
    await bus.close();
    await store.close();
  });

  it('stops a body past its size limit, keeps the lines stored before it and marks the batch failed', async () => {
    await repo.createBatch({ id: 'cb_big', ownerId: 'o', format: 'ndjson' });
    const text = lines(40, 'BIG');
    const half = Buffer.from(text.slice(0, text.length / 2));
    async function* body(): AsyncGenerator<Buffer> {
      yield half;
      yield half;
      yield Buffer.from(text); // past the limit
    }
    const error = await ingest(repo, new ClearancePipeline(bus, repo), { id: 'cb_big', ownerId: 'o', format: 'ndjson' }, body(), {
      parse: sampleLookups,
      chunk: 5,
      maxBytes: text.length + 10,
    }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('CLEARANCE.UPLOAD_TOO_LARGE');
    const b = await repo.getBatch('cb_big');
    expect(b?.status).toBe('failed');
    expect(b?.acceptedLines).toBeGreaterThan(0);
    expect((await repo.lines('cb_big', 1, 1000)).filter((l) => l.accepted)).toHaveLength(b!.acceptedLines);
  });

  it('marks the batch failed with UPLOAD_INTERRUPTED when the stream breaks off', async () => {
    await repo.createBatch({ id: 'cb_cut', ownerId: 'o', format: 'ndjson' });
    async function* body(): AsyncGenerator<Buffer> {
      yield Buffer.from(lines(3, 'CUT'));
      throw new Error('socket closed');
    }
    const error = await ingest(repo, new ClearancePipeline(bus, repo), { id: 'cb_cut', ownerId: 'o', format: 'ndjson' }, body(), { parse: sampleLookups }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('CLEARANCE.UPLOAD_INTERRUPTED');
    expect((await repo.getBatch('cb_cut'))?.status).toBe('failed');
  });
});
