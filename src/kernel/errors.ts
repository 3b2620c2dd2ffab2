import { EN } from './messages/en.ts';
import { fill, isLocalised, type Localised, type MessageParams } from './messages/template.ts';

export { msg, type Localised, type MessageParams } from './messages/template.ts';

/**
 * The error catalogue. Every expected failure has a stable code (`MODULE.REASON`) and an HTTP status.
 * Codes are declared with `defineError` so that `docs/errors.md` can be checked against the sources by a test
 * (src/kernel/errors-catalogue.test.ts scans for `defineError('…'` calls).
 */
export interface Problem {
  /** JSON path of the offending value, e.g. `$.items[0].code9`. */
  readonly path?: string;
  readonly code: string;
  /** In English; the API re-renders it in the reader's language from `messageKey ?? code` and `params`. */
  readonly message: string;
  readonly params?: MessageParams;
  /** Set when the wording is a variant of the code's (`DECLARATION.MISSING_QUANTITY.line`). */
  readonly messageKey?: string;
  readonly [extra: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** The catalogue key and parameters the message was rendered from, to render it again in another language. */
    readonly localised?: Localised,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toJSON(): { code: string; message: string; details: unknown } {
    return { code: this.code, message: this.message, details: this.details ?? null };
  }
}

export interface ErrorDefinition {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  /** A message as English text (kept as is in English, the code's own wording in other languages) or as `msg(key, params)`. */
  (message?: string | Localised, details?: unknown): DomainError;
  /** A problem entry for a validation list (several problems in one 422). */
  problem(path: string, message?: string | Localised, extra?: Record<string, unknown>): Problem;
}

const registry = new Map<string, ErrorDefinition>();

/** The English text of a catalogue key: its template, or the title of the code it names. */
export function englishText(key: string, params: MessageParams): string | undefined {
  const template = EN[key] ?? registry.get(key)?.title;
  return template === undefined ? undefined : fill(template, params, (k) => EN[k]);
}

export function defineError(code: string, status: number, title: string): ErrorDefinition {
  const text = (m: Localised): string => englishText(m.key, m.params) ?? title;
  const make = (message?: string | Localised, details?: unknown): DomainError =>
    isLocalised(message)
      ? new DomainError(code, status, text(message), details, message)
      : new DomainError(code, status, message ?? title, details);
  const def = Object.assign(make, {
    code,
    status,
    title,
    problem: (path: string, message?: string | Localised, extra?: Record<string, unknown>): Problem =>
      isLocalised(message)
        ? { ...extra, path, code, message: text(message), params: message.params, ...(message.key === code ? {} : { messageKey: message.key }) }
        : { ...extra, path, code, message: message ?? title },
  });
  registry.set(code, def);
  return def;
}

export function registeredErrors(): readonly ErrorDefinition[] {
  return [...registry.values()];
}

/**
 * A note that is not an error (`{code, message}` in an answer), worded from the catalogue so that the API can give it
 * in the reader's language. `key` is the note's code (`STANDARD_RATE`) or a variant of its wording
 * (`STANDARD_RATE.default`); note codes have no dot.
 */
export function note(key: string, params: MessageParams = {}): { code: string; message: string; params: MessageParams; messageKey?: string } {
  const code = key.split('.')[0]!;
  return { code, message: englishText(key, params) ?? code, params, ...(key === code ? {} : { messageKey: key }) };
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

// Codes shared by every module.
export const CommonErrors = {
  validation: defineError('REQUEST.VALIDATION_FAILED', 422, 'The request is invalid'),
  unknownField: defineError('REQUEST.UNKNOWN_FIELD', 422, 'The body has a field this endpoint does not know'),
  missingField: defineError('REQUEST.MISSING_FIELD', 422, 'A required field is missing'),
  invalidValue: defineError('REQUEST.INVALID_VALUE', 422, 'A value has the wrong type or format'),
  badRequest: defineError('REQUEST.BAD_REQUEST', 400, 'The request is malformed'),
  malformed: defineError('REQUEST.MALFORMED_JSON', 400, 'The request body is not valid JSON'),
  tooLarge: defineError('REQUEST.BODY_TOO_LARGE', 413, 'The request body is too large'),
  unsupportedMedia: defineError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 415, 'The content type is not supported'),
  notFound: defineError('REQUEST.NOT_FOUND', 404, 'No such resource'),
  rateLimited: defineError('REQUEST.RATE_LIMITED', 429, 'Too many requests'),
  idempotencyConflict: defineError(
    'REQUEST.IDEMPOTENCY_KEY_REUSED',
    409,
    'This Idempotency-Key was already used with a different request',
  ),
  idempotencyInFlight: defineError(
    'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT',
    409,
    'A request with this Idempotency-Key is still being processed',
  ),
  unauthenticated: defineError('AUTH.UNAUTHENTICATED', 401, 'A valid API key is required (Authorization: Bearer <key>)'),
  forbidden: defineError('AUTH.FORBIDDEN', 403, 'Your role does not allow this action'),
  internal: defineError('INTERNAL', 500, 'Internal error'),
  unavailable: defineError('SERVICE.UNAVAILABLE', 503, 'A dependency is not available'),
  config: defineError('CONFIG.INVALID', 500, 'The configuration is invalid'),
} as const;
