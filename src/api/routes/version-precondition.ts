import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors } from '../../kernel/index.ts';

/**
 * The declaration version a request acted on: `If-Match` (`"3"`, `W/"3"` or `3`; `*` means any) and the body's
 * `expectedVersion`. Both, when given, must equal the current version (see DeclarationService).
 */
export function expectedVersions(req: FastifyRequest, bodyVersion?: number): number[] {
  const out: number[] = [];
  const raw = req.headers['if-match'];
  if (raw !== undefined) {
    const value = (Array.isArray(raw) ? raw.join(',') : raw).trim();
    if (value !== '*') {
      const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
      if (!m) {
        const message = 'If-Match must be one declaration version, such as "3" (the ETag of the declaration as read)';
        throw CommonErrors.invalidValue(message, { problems: [{ path: 'headers.if-match', code: CommonErrors.invalidValue.code, message }] });
      }
      out.push(Number(m[1]));
    }
  }
  if (bodyVersion !== undefined) out.push(bodyVersion);
  return out;
}

/** The declaration version as an entity tag, so that a client can send it back in If-Match. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}
