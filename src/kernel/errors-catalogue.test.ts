import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const DEFINE = /defineError\(\s*'([A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*)'/g;

describe('error catalogue', () => {
  const codes = new Set<string>();
  for (const file of sources('src')) for (const m of readFileSync(file, 'utf8').matchAll(DEFINE)) codes.add(m[1]!);
  const doc = readFileSync('docs/errors.md', 'utf8');

  it('finds the error definitions in the sources', () => {
    expect(codes.size).toBeGreaterThan(10);
  });

  it('documents every error code in docs/errors.md', () => {
    const missing = [...codes].filter((c) => !doc.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });

  it('documents no code that the sources no longer define', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z][A-Z0-9_.]*)`/gm)].map((m) => m[1]!);
    expect(documented.filter((c) => !codes.has(c))).toEqual([]);
  });
});
