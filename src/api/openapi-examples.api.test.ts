import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

/**
 * The request examples of the OpenAPI document are what API users copy and what the hostile smoke test mutates:
 * each must pass its own route's schema (the route may still refuse it for what it names, e.g. an unknown id).
 */
let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => t?.platform.close());

type Op = { requestBody?: { content?: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> } };

describe('OpenAPI request examples', () => {
  it('pass the schema of their route', async () => {
    await t.platform.app.ready();
    const doc = t.platform.app.swagger() as { paths: Record<string, Record<string, Op>> };
    const schemaCodes = new Set(['REQUEST.VALIDATION_FAILED', 'REQUEST.UNKNOWN_FIELD', 'REQUEST.MISSING_FIELD', 'REQUEST.INVALID_VALUE']);
    const refused: string[] = [];
    let tried = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const media = op.requestBody?.content?.['application/json'];
        const examples = media ? [media.example, ...Object.values(media.examples ?? {}).map((e) => e.value)].filter((e) => e !== undefined) : [];
        for (const example of examples) {
          tried++;
          const res = await t.platform.app.inject({
            method: method.toUpperCase() as 'POST',
            url: path.replace(/\{[^}]+\}/g, 'example-id'),
            headers: { authorization: `Bearer ${t.keys.admin}` },
            payload: example as object,
          });
          const code = res.statusCode >= 400 ? (res.json() as { code?: string }).code : undefined;
          if (code && schemaCodes.has(code)) refused.push(`${method.toUpperCase()} ${path}: ${res.body.slice(0, 300)}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(5);
    expect(refused).toEqual([]);
  });
});
