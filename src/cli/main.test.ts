import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const customs = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/customs.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

describe('customs CLI contract', () => {
  it('exits 2 with {code, message, details} on stdout for an unknown command', () => {
    const r = customs(['no-such-command']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'CLI.UNKNOWN_COMMAND' });
  });

  it('names every invalid setting of the environment and exits 2', () => {
    const r = customs(['serve'], { PORT: 'abc', DATABASE_URL: 'mysql://x', SMART_CUSTOMS_ADMIN_KEY: 'short' });
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { code: string; details: { problems: string[] } };
    expect(out.code).toBe('CONFIG.INVALID');
    expect(out.details.problems).toHaveLength(3);
    expect(r.stderr).toContain('PORT must be a number');
  });
});
