import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';

async function answers(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await Promise.race([check(), new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())]);
  } catch {
    return false;
  }
}

/** 200 when the database and the bus answer, 503 otherwise. */
export function healthRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/health', { schema: { tags: ['platform'], summary: 'Liveness of the database and the event bus' } }, async (_req, reply) => {
      const [database, bus] = await Promise.all([answers(() => ctx.store.health()), answers(() => ctx.bus.health())]);
      const ok = database && bus;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'unavailable',
        database: { ok: database, kind: ctx.store.kind },
        bus: { ok: bus, kind: ctx.config.natsUrl ? 'nats' : 'in-process' },
        referenceData: ctx.catalog.counts,
      });
    });
  };
}
