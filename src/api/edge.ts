import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { CommonErrors, defineError, findIllFormed, isIllFormedText, type Problem } from '../kernel/index.ts';
import { isRoleGuard } from './auth.ts';

/** Codes of answers given before a route runs: by Node's HTTP parser, Fastify's router, or the edge checks here. */
export const EdgeErrors = {
  invalidCursor: defineError('REQUEST.INVALID_CURSOR', 422, 'The pagination cursor is not one this server gave out'),
  headersTooLarge: defineError('REQUEST.HEADERS_TOO_LARGE', 431, 'The request headers are larger than the server accepts'),
  timeout: defineError('REQUEST.TIMEOUT', 408, 'The request was not received in time'),
  uriTooLong: defineError('REQUEST.URI_TOO_LONG', 414, 'A path parameter is longer than the server accepts'),
} as const;

function illFormed(path: string) {
  const problem: Problem = CommonErrors.invalidValue.problem(path, 'Text must not contain NUL (U+0000) or an unpaired UTF-16 surrogate');
  return CommonErrors.invalidValue(`${path}: text must not contain NUL (U+0000) or an unpaired UTF-16 surrogate`, { path, problems: [problem] });
}

/** Node's answers to requests its HTTP parser refuses, in the API's `{code, message, details}` shape. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const e =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? EdgeErrors.headersTooLarge()
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? EdgeErrors.timeout()
        : CommonErrors.badRequest('The HTTP request cannot be parsed');
  const body = JSON.stringify(e.toJSON());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Fastify's router errors (a path that is not valid percent-encoding, an over-long parameter) in the API's shape. */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const e =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? EdgeErrors.uriTooLong()
      : error.code === 'FST_ERR_BAD_URL'
        ? CommonErrors.badRequest('The path is not valid percent-encoded UTF-8')
        : CommonErrors.badRequest(error.message);
  void reply.status(e.status).send(e.toJSON());
}

/**
 * Checks every request makes before its route runs:
 * - HTTP/1.1 requests name a Host (as Node would insist, but answered in the API's shape);
 * - role guards (`requireRole`) run as soon as the headers are in, before the body is read or validated, so an
 *   anonymous caller gets a 401 for the price of its headers;
 * - text with NUL or lone surrogates (which PostgreSQL cannot store), in the path, the query or the body, is a 422
 *   naming where it is.
 */
export function installEdgeChecks(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) throw CommonErrors.badRequest('An HTTP/1.1 request needs a Host header');
  });
  app.addHook('onRoute', (route) => {
    const pre = route.preHandler;
    const list = pre === undefined ? [] : Array.isArray(pre) ? pre : [pre];
    const guards = list.filter(isRoleGuard);
    if (guards.length === 0) return;
    const rest = list.filter((h) => !isRoleGuard(h));
    if (rest.length === 0) delete route.preHandler;
    else route.preHandler = rest;
    const on = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...on, ...(guards as typeof on)];
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const path =
      findIllFormed(request.params, '$params') ??
      findIllFormed(request.query, '$querystring') ??
      (typeof request.body === 'string' ? (isIllFormedText(request.body) ? '$' : undefined) : findIllFormed(request.body, '$'));
    if (path !== undefined) throw illFormed(path);
  });
}
