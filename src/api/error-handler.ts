import type { FastifyError, FastifyInstance } from 'fastify';
import { CommonErrors, DomainError, type Problem } from '../kernel/index.ts';

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns an Ajv error path (`/items/0/code9`) into our JSON path (`$.items[0].code9`). */
function jsonPath(base: string, instancePath: string, params: Record<string, unknown> | undefined): string {
  let p = base;
  for (const seg of instancePath.split('/').slice(1)) p += /^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`;
  const extra = params?.['missingProperty'] ?? params?.['additionalProperty'];
  return typeof extra === 'string' ? `${p}.${extra}` : p;
}

function problemsOf(e: FastifyError): Problem[] {
  const ctx = (e as { validationContext?: string }).validationContext ?? 'body';
  const base = ctx === 'body' ? '$' : `$${ctx}`;
  return ((e.validation ?? []) as AjvError[]).map((v) => ({
    path: jsonPath(base, v.instancePath ?? '', v.params),
    code:
      v.keyword === 'additionalProperties'
        ? CommonErrors.unknownField.code
        : v.keyword === 'required'
          ? CommonErrors.missingField.code
          : CommonErrors.invalidValue.code,
    message:
      v.keyword === 'additionalProperties'
        ? `Unknown field "${String(v.params?.['additionalProperty'])}"`
        : (v.message ?? 'invalid value'),
  }));
}

/**
 * One place maps every failure to `{code, message, details}` with a stable code. Unknown errors become a 500 that
 * discloses nothing; the log keeps the detail.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      if (error.status >= 500) request.log.error({ err: error }, 'domain error');
      return reply.status(error.status).send(error.toJSON());
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const problems = problemsOf(fe);
      return reply.status(422).send(CommonErrors.validation(`The request has ${problems.length} problem(s)`, { problems }).toJSON());
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(CommonErrors.tooLarge(undefined, { limitBytes: request.routeOptions.bodyLimit ?? null }).toJSON());
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(CommonErrors.unsupportedMedia(`Content-Type "${request.headers['content-type'] ?? ''}" is not accepted here`).toJSON());
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(CommonErrors.malformed(fe.message).toJSON());
      default:
        break;
    }
    if (fe instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
      return reply.status(400).send(CommonErrors.malformed(fe.message).toJSON());
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send(CommonErrors.rateLimited(fe.message).toJSON());
    }
    if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Other client errors from Fastify itself (e.g. bad content-length): keep the status, give a stable code.
      return reply.status(fe.statusCode).send(CommonErrors.badRequest(fe.message, { fastifyCode: fe.code ?? null }).toJSON());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(CommonErrors.internal().toJSON());
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(CommonErrors.notFound(`No route ${request.method} ${request.url.split('?')[0]}`).toJSON()),
  );
}
