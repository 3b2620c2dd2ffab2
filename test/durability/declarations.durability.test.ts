import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killHard, startChildServer, stopGracefully } from '../support/child-server.ts';
import { TEST_DATABASE_URL, createTempDatabase } from '../support/pg.ts';
import { ADMIN_KEY, FIXTURE_DATA_DIR, sampleDeclaration } from '../support/platform.ts';

/**
 * Every declaration that got a 2xx must survive a SIGKILL of the server, intact: submit concurrently, kill midway,
 * restart on the same storage, read each acknowledged one back.
 */
async function killMidLoad(env: Record<string, string>): Promise<{ acked: number; checked: number }> {
  let server = await startChildServer(env);
  const created = await fetch(`${server.url}/api/v1/principals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'trader', name: 'durability trader' }),
  });
  const { key } = (await created.json()) as { key: string };
  const acked = new Map<string, string>();
  let stop = false;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !stop; i++) {
      const lrn = `W${w}-${i}`;
      try {
        const r = await fetch(`${server.url}/api/v1/declarations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(sampleDeclaration({ lrn })),
        });
        if (r.status === 201) acked.set(((await r.json()) as { id: string }).id, lrn);
      } catch {
        return; // the server died under us: this request was never acknowledged
      }
    }
  };
  const workers = Array.from({ length: 8 }, (_, w) => worker(w));
  while (acked.size < 40) await new Promise((r) => setTimeout(r, 20));
  await killHard(server);
  stop = true;
  await Promise.all(workers);

  server = await startChildServer(env);
  let checked = 0;
  try {
    for (const [id, lrn] of acked) {
      const r = await fetch(`${server.url}/api/v1/declarations/${id}`, { headers: { authorization: `Bearer ${key}` } });
      expect(r.status, `declaration ${id} acknowledged before the kill`).toBe(200);
      const d = (await r.json()) as { lrn: string; data: { items: { code9: string }[] } };
      expect(d.lrn).toBe(lrn);
      expect(d.data.items[0]?.code9).toBe('090111000');
      checked++;
    }
  } finally {
    await stopGracefully(server);
  }
  return { acked: acked.size, checked };
}

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged declaration on PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-durability-'));
    try {
      const r = await killMidLoad({ SMART_CUSTOMS_DB_DIR: join(dir, 'db'), SMART_CUSTOMS_DATA_DIR: FIXTURE_DATA_DIR, SMART_CUSTOMS_ADMIN_KEY: ADMIN_KEY });
      expect(r.checked).toBe(r.acked);
      expect(r.acked).toBeGreaterThanOrEqual(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it.skipIf(!TEST_DATABASE_URL)('keeps every acknowledged declaration on PostgreSQL', async () => {
    const db = await createTempDatabase(TEST_DATABASE_URL!);
    try {
      const r = await killMidLoad({ DATABASE_URL: db.url, SMART_CUSTOMS_DATA_DIR: FIXTURE_DATA_DIR, SMART_CUSTOMS_ADMIN_KEY: ADMIN_KEY });
      expect(r.checked).toBe(r.acked);
    } finally {
      await db.drop();
    }
  }, 240_000);
});
