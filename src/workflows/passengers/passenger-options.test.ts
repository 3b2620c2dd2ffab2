import { describe, expect, it } from 'vitest';
import { HMAC_SECRET_SETTING, identifierKeyer, passengerOptionsFromEnv } from './passenger-options.ts';

describe('passenger options', () => {
  it('keeps passenger data 30 days unless SMART_CUSTOMS_PASSENGER_RETENTION_DAYS says otherwise', () => {
    expect(passengerOptionsFromEnv({}).retentionDays).toBe(30);
    expect(passengerOptionsFromEnv({ SMART_CUSTOMS_PASSENGER_RETENTION_DAYS: '7' }).retentionDays).toBe(7);
  });

  it('refuses a retention period that is not a whole number of days ≥ 1', () => {
    for (const bad of ['0', '-3', '1.5', 'month']) {
      expect(() => passengerOptionsFromEnv({ SMART_CUSTOMS_PASSENGER_RETENTION_DAYS: bad })).toThrow(/RETENTION_DAYS/);
    }
  });
});

describe('identifierKeyer', () => {
  it('makes and keeps a per-install secret when none is configured', async () => {
    const stored = new Map<string, string>();
    const once = async (name: string, value: string) => {
      if (!stored.has(name)) stored.set(name, value);
      return stored.get(name)!;
    };
    const a = await identifierKeyer(undefined, once);
    const b = await identifierKeyer(undefined, once);
    expect(stored.get(HMAC_SECRET_SETTING)!.length).toBeGreaterThanOrEqual(32);
    expect(a.document('JPN', 'TK1234567')).toBe(b.document('JPN', 'TK1234567'));
  });

  it('uses the configured secret and refuses one shorter than 32 bytes', async () => {
    const never = async (): Promise<string> => {
      throw new Error('settings must not be read when a secret is configured');
    };
    const k = await identifierKeyer('x'.repeat(32), never);
    expect(k.document('JPN', 'TK1234567')).not.toContain('TK1234567');
    await expect(identifierKeyer('short-secret', never)).rejects.toMatchObject({ code: 'PASSENGER.HMAC_SECRET_TOO_SHORT' });
  });
});
