import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { CommonErrors, DomainError, localise, msg, pickLanguage, wordingOf, type ApiLang, type Localised, type Problem } from '../kernel/index.ts';
import { discardUnread } from './unread-body.ts';

/** How much of an oversized body is read and dropped before the 413; past it the connection is closed. */
const OVERSIZE_DRAIN_BYTES = 16 * 1024 * 1024;

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The language the request asked for (Accept-Language: ja or en; English by default). */
export const requestLanguage = (request: FastifyRequest): ApiLang => pickLanguage(request.headers['accept-language']);

/** Turns an Ajv error path (`/items/0/code9`) into our JSON path (`$.items[0].code9`). */
function jsonPath(base: string, instancePath: string, params: Record<string, unknown> | undefined): string {
  let p = base;
  for (const seg of instancePath.split('/').slice(1)) p += /^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`;
  const extra = params?.['missingProperty'] ?? params?.['additionalProperty'];
  return typeof extra === 'string' ? `${p}.${extra}` : p;
}

const scalar = (v: unknown): string | number | undefined => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** The schema keyword as a catalogue key with its parameters, so the problem reads in the asker's language. */
function ajvMessage(v: AjvError): Localised | string {
  const p = v.params ?? {};
  const k = v.keyword ?? '';
  switch (k) {
    case 'additionalProperties':
      return msg('REQUEST.UNKNOWN_FIELD.name', { field: String(p['additionalProperty']) });
    case 'required':
      return msg('REQUEST.MISSING_FIELD.name', { field: String(p['missingProperty']) });
    case 'type':
      return msg('REQUEST.INVALID_VALUE.type', { type: Array.isArray(p['type']) ? p['type'].join(',') : String(p['type']) });
    case 'format':
    case 'pattern':
    case 'multipleOf': {
      const value = scalar(p[k]);
      if (value !== undefined) return msg(`REQUEST.INVALID_VALUE.${k}`, { [k]: value });
      break;
    }
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const limit = scalar(p['limit']);
      const comparison = scalar(p['comparison']);
      if (limit !== undefined && comparison !== undefined) return msg(`REQUEST.INVALID_VALUE.${k}`, { limit, comparison });
      break;
    }
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems': {
      const limit = scalar(p['limit']);
      if (limit !== undefined) return msg(`REQUEST.INVALID_VALUE.${k}`, { limit });
      break;
    }
    case 'enum':
    case 'const':
    case 'anyOf':
      return msg(`REQUEST.INVALID_VALUE.${k}`);
    default:
      break;
  }
  return v.message ?? 'invalid value';
}

function problemsOf(e: FastifyError): Problem[] {
  const ctx = (e as { validationContext?: string }).validationContext ?? 'body';
  const base = ctx === 'body' ? '$' : `$${ctx}`;
  return ((e.validation ?? []) as AjvError[]).map((v) => {
    const def =
      v.keyword === 'additionalProperties'
        ? CommonErrors.unknownField
        : v.keyword === 'required'
          ? CommonErrors.missingField
          : CommonErrors.invalidValue;
    return def.problem(jsonPath(base, v.instancePath ?? '', v.params), ajvMessage(v));
  });
}

/** `{code, message, details}` with the message and every problem in `details` worded in `lang`. */
function body(error: DomainError, lang: ApiLang): { code: string; message: string; details: unknown } {
  const json = error.toJSON();
  if (lang === 'en') return json;
  const l = error.localised;
  const message = wordingOf(lang, { code: json.code, message: json.message, ...(l ? { params: l.params, messageKey: l.key } : {}) });
  return { code: json.code, message, details: localise(json.details, lang) };
}

/**
 * One place maps every failure to `{code, message, details}` with a stable code, worded in the asker's language.
 * Unknown errors become a 500 that discloses nothing; the log keeps the detail.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    const lang = requestLanguage(request);
    const send = (status: number, e: DomainError) => reply.status(status).send(body(e, lang));
    if (error instanceof DomainError) {
      if (error.status >= 500) request.log.error({ err: error }, 'domain error');
      return send(error.status, error);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const problems = problemsOf(fe);
      return send(422, CommonErrors.validation(msg('REQUEST.VALIDATION_FAILED.count', { count: problems.length }), { problems }));
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        // The client is still sending: read a bounded rest so that the 413 reaches it instead of a reset.
        return discardUnread(request, reply, OVERSIZE_DRAIN_BYTES).then(() =>
          send(413, CommonErrors.tooLarge(undefined, { limitBytes: request.routeOptions.bodyLimit ?? null })),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, CommonErrors.unsupportedMedia(msg('REQUEST.UNSUPPORTED_MEDIA_TYPE.type', { contentType: request.headers['content-type'] ?? '' })));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, CommonErrors.malformed(fe.message));
      default:
        break;
    }
    if (fe instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
      return send(400, CommonErrors.malformed(fe.message));
    }
    if (fe.statusCode === 429) {
      return send(429, CommonErrors.rateLimited(fe.message));
    }
    if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Other client errors from Fastify itself (e.g. bad content-length): keep the status, give a stable code.
      return send(fe.statusCode, CommonErrors.badRequest(fe.message, { fastifyCode: fe.code ?? null }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, CommonErrors.internal());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(body(CommonErrors.notFound(msg('REQUEST.NOT_FOUND.route', { method: request.method, url: request.url.split('?')[0] ?? '' })), requestLanguage(request))),
  );
}

/**
 * Successful answers carry notes and warnings as `{code, message, params}`: word them in the asker's language before
 * they are serialised. Error answers are worded by the error handler.
 */
export function installAnswerLanguage(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (request.headers['accept-language'] !== undefined) void reply.header('vary', 'Accept-Language');
    if (reply.statusCode >= 400) return payload;
    return localise(payload, requestLanguage(request));
  });
}
