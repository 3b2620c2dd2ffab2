import { randomBytes } from 'node:crypto';
import { CommonErrors } from '../../kernel/index.ts';
import { IdentifierKeyer } from '../../modules/passengers/index.ts';

/** Settings of the travellers' feature, from the environment (documented in docs/passengers.md). */
export interface PassengerOptions {
  /** Days personal data is kept after arrival (or receipt, when later): SMART_CUSTOMS_PASSENGER_RETENTION_DAYS. */
  readonly retentionDays: number;
  /** Declarations per minute per client IP on the public endpoint: SMART_CUSTOMS_PASSENGER_RATE_LIMIT. */
  readonly rateLimitPerMinute: number;
  /** How often the retention job runs: SMART_CUSTOMS_PASSENGER_PURGE_MINUTES. */
  readonly purgeEveryMs: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw CommonErrors.config(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return Number(raw);
}

export function passengerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PassengerOptions {
  return {
    retentionDays: positiveInt(env, 'SMART_CUSTOMS_PASSENGER_RETENTION_DAYS', 30),
    rateLimitPerMinute: positiveInt(env, 'SMART_CUSTOMS_PASSENGER_RATE_LIMIT', 30),
    purgeEveryMs: positiveInt(env, 'SMART_CUSTOMS_PASSENGER_PURGE_MINUTES', 60) * 60_000,
  };
}

export const HMAC_SECRET_SETTING = 'passengers.hmacSecret';

/**
 * The keyer for passport numbers and names: the configured secret (SMART_CUSTOMS_HMAC_SECRET), or else a random
 * per-install secret kept in settings, so an embedded install is private without configuration. A configured secret
 * shorter than 32 bytes stops the start: a weak key would make every stored hash guessable.
 */
export async function identifierKeyer(
  configured: string | undefined,
  settingOnce: (name: string, value: string) => Promise<string>,
): Promise<IdentifierKeyer> {
  const secret = configured ?? (await settingOnce(HMAC_SECRET_SETTING, randomBytes(32).toString('base64url')));
  const keyer = IdentifierKeyer.create(secret);
  if (!keyer.ok) throw keyer.error;
  return keyer.value;
}
