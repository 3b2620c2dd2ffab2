import { describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../test/support/platform.ts';

describe('health', () => {
  it('answers 503 naming the part that does not answer when the bus is down', async () => {
    const t = await startTestPlatform();
    try {
      expect((await t.platform.app.inject({ url: '/health' })).statusCode).toBe(200);
      await t.platform.bus.close();
      const res = await t.platform.app.inject({ url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', database: { ok: true }, bus: { ok: false } });
    } finally {
      await t.platform.close().catch(() => undefined);
    }
  });
});
