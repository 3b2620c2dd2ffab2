import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotencyRepo } from '../adapters/store/idempotency.repo.ts';
import { CommonErrors, DomainError } from '../kernel/index.ts';

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Runs a create handler under the `Idempotency-Key` header: same key and body → the stored response; same key with
 * another body → 409. Without the header the handler simply runs. Expected failures (4xx) are stored too, so a retry
 * sees the same answer; unexpected ones release the key for a retry.
 */
export async function idempotent(
  repo: IdempotencyRepo,
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<unknown> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') {
    const r = await run();
    return reply.status(r.status).send(r.body);
  }
  if (key.length > 200) throw CommonErrors.invalidValue('Idempotency-Key is at most 200 characters');
  const owner = request.principal?.id ?? `anon:${request.ip}`;
  const hash = createHash('sha256').update(`${request.method} ${request.routeOptions.url} ${stableStringify(request.body)}`).digest('hex');
  const claim = await repo.claim(owner, key, hash);
  if (claim.kind === 'conflict') throw CommonErrors.idempotencyConflict(undefined, { key });
  if (claim.kind === 'in_flight') throw CommonErrors.idempotencyInFlight(undefined, { key });
  if (claim.kind === 'replay') {
    reply.header('idempotent-replayed', 'true');
    return reply.status(claim.statusCode).send(claim.response);
  }
  try {
    const r = await run();
    await repo.complete(owner, key, r.status, r.body);
    return reply.status(r.status).send(r.body);
  } catch (e) {
    if (e instanceof DomainError && e.status < 500) {
      await repo.complete(owner, key, e.status, e.toJSON());
    } else {
      await repo.release(owner, key);
    }
    throw e;
  }
}
