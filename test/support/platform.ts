import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { EXAMPLE_DECLARATION } from '../../src/modules/declarations/schema.ts';

export const FIXTURE_DATA_DIR = fileURLToPath(new URL('../fixtures/data', import.meta.url));
export const ADMIN_KEY = 'test-admin-key-0123456789';

export function testConfig(over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dbDir: 'memory://',
    natsUrl: undefined,
    dataDir: FIXTURE_DATA_DIR,
    adminKey: ADMIN_KEY,
    logLevel: 'silent',
    hmacSecret: 'test-hmac-secret-of-at-least-32-bytes',
    ...over,
  };
}

export interface TestPlatform {
  readonly platform: Platform;
  readonly keys: { admin: string; trader: string; trader2: string; officer: string; analyst: string };
}

/** An in-memory platform on the fixture data, with one principal of each role. */
export async function startTestPlatform(over: Partial<Config> = {}): Promise<TestPlatform> {
  const platform = await createPlatform(testConfig(over));
  const mk = async (role: 'trader' | 'officer' | 'analyst') => (await platform.ctx.principals.create({ role, name: `${role} test` })).key;
  return {
    platform,
    keys: { admin: ADMIN_KEY, trader: await mk('trader'), trader2: await mk('trader'), officer: await mk('officer'), analyst: await mk('analyst') },
  };
}

/** A valid import declaration on the fixture data (coffee from Brazil, by sea into Tokyo). */
export function sampleDeclaration(over: Record<string, unknown> = {}): Record<string, unknown> {
  // The API documents' example; a deep copy, since tests change what they are given.
  return { ...(structuredClone(EXAMPLE_DECLARATION) as unknown as Record<string, unknown>), ...over };
}
