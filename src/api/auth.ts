import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Principal, PrincipalsRepo, Role } from '../adapters/store/principals.repo.ts';
import { CommonErrors } from '../kernel/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Reads `Authorization: Bearer <key>`; a missing header leaves the request anonymous, a wrong key is refused. */
export function authenticate(principals: PrincipalsRepo): preHandlerAsyncHookHandler {
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

/** Route guard: the caller must be signed in with one of the roles. */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.principal) throw CommonErrors.unauthenticated();
    if (!roles.includes(request.principal.role)) {
      throw CommonErrors.forbidden(`This needs the role ${roles.join(' or ')}; you are ${request.principal.role}`, { required: roles });
    }
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw CommonErrors.unauthenticated();
  return request.principal;
}
