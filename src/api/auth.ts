import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Principal, PrincipalsRepo, Role } from '../adapters/store/principals.repo.ts';
import { CommonErrors } from '../kernel/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Reads `Authorization: Bearer <key>`; a missing header leaves the request anonymous, a wrong key is refused. */
export function authenticate(principals: PrincipalsRepo): onRequestAsyncHookHandler {
  return async (request: FastifyRequest) => {
    request.principal = null;
    const header = request.headers.authorization;
    if (!header) return;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw CommonErrors.unauthenticated('The Authorization header must be "Bearer <key>"');
    const p = await principals.authenticate(m[1]!);
    if (!p) throw CommonErrors.unauthenticated('Unknown or disabled API key');
    request.principal = p;
  };
}

const ROLE_GUARD = Symbol('roleGuard');

/**
 * Route guard: the caller must be signed in with one of the roles. Routes name it as their `preHandler`; the app
 * (src/api/edge.ts) runs it as an `onRequest` hook instead, so the check comes before the body is read.
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  const guard = async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.principal) throw CommonErrors.unauthenticated();
    if (!roles.includes(request.principal.role)) {
      throw CommonErrors.forbidden(`This needs the role ${roles.join(' or ')}; you are ${request.principal.role}`, { required: roles });
    }
  };
  return Object.assign(guard, { [ROLE_GUARD]: true });
}

export const isRoleGuard = (h: unknown): boolean => typeof h === 'function' && (h as unknown as Record<symbol, unknown>)[ROLE_GUARD] === true;

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw CommonErrors.unauthenticated();
  return request.principal;
}
