import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import type { ErrorDefinition, Problem } from '../../../kernel/index.ts';

/** TypeBox pointer `/criteria/hsPrefixes/0` → the JSON path `$.criteria.hsPrefixes[0]` used in problem lists. */
export function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
      .join('')
  );
}

/** Shape problems of a value against a schema, one per offending path (the first message for each). */
export function schemaProblems(schema: TSchema, value: unknown, def: ErrorDefinition): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of Value.Errors(schema, value)) {
    const path = jsonPath(e.path);
    if (seen.has(path)) continue;
    seen.add(path);
    out.push(def.problem(path, e.message));
  }
  return out;
}
