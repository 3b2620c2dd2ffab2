import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Problem } from '../../kernel/index.ts';
import { AssessmentErrors } from './errors.ts';
import { AssessmentRequestSchema, type AssessmentRequest } from './schema.ts';

const checker = TypeCompiler.Compile(AssessmentRequestSchema);

/** `/items/0/value/amount` → `$.items[0].value.amount`. */
export function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
      .join('')
  );
}

/** Structural check against the published schema: every problem at once, one per path. */
export function checkShape(body: unknown): { ok: true; value: AssessmentRequest } | { ok: false; problems: Problem[] } {
  if (checker.Check(body)) return { ok: true, value: body };
  const byPath = new Map<string, Problem>();
  for (const e of checker.Errors(body)) {
    const path = jsonPath(e.path);
    if (byPath.has(path)) continue;
    const invalid = typeof e.value === 'string' ? ` (got "${e.value.slice(0, 40)}")` : '';
    byPath.set(path, AssessmentErrors.field.problem(path, `${e.message}${invalid}`));
  }
  return { ok: false, problems: [...byPath.values()] };
}
