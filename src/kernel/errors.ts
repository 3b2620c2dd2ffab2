/**
 * The error catalogue. Every expected failure has a stable code (`MODULE.REASON`) and an HTTP status.
 * Codes are declared with `defineError` so that `docs/errors.md` can be checked against the sources by a test
 * (src/kernel/errors-catalogue.test.ts scans for `defineError('…'` calls).
 */
export interface Problem {
  /** JSON path of the offending value, e.g. `$.items[0].code9`. */
  readonly path?: string;
  readonly code: string;
  readonly message: string;
  readonly [extra: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
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
  (message?: string, details?: unknown): DomainError;
  /** A problem entry for a validation list (several problems in one 422). */
  problem(path: string, message?: string, extra?: Record<string, unknown>): Problem;
}

const registry = new Map<string, ErrorDefinition>();

export function defineError(code: string, status: number, title: string): ErrorDefinition {
  const make = (message?: string, details?: unknown): DomainError =>
    new DomainError(code, status, message ?? title, details);
  const def = Object.assign(make, {
    code,
    status,
    title,
    problem: (path: string, message?: string, extra?: Record<string, unknown>): Problem => ({
      ...extra,
      path,
      code,
      message: message ?? title,
    }),
  });
  registry.set(code, def);
  return def;
}

export function registeredErrors(): readonly ErrorDefinition[] {
  return [...registry.values()];
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
