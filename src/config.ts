import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment and validated with messages a newcomer can act on. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset → embedded PGlite in `dbDir`. */
  readonly databaseUrl: string | undefined;
  readonly dbDir: string;
  /** Unset → in-process event bus. */
  readonly natsUrl: string | undefined;
  readonly dataDir: string;
  readonly adminKey: string | undefined;
  readonly logLevel: string;
  /** Secret for keyed hashes of personal identifiers (passport numbers). */
  readonly hmacSecret: string | undefined;
  /** Anonymous assessments and tariff searches per minute per IP (each route counted on its own); default 120. */
  readonly publicRateLimitPerMinute?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const portRaw = env['PORT'] ?? '8080';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 1 || port > 65535) problems.push(`PORT must be a number 1-65535, got "${portRaw}"`);

  const databaseUrl = env['DATABASE_URL']?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL must start with postgres:// or postgresql://, got "${databaseUrl}"`);
  }
  const natsUrl = env['NATS_URL']?.trim() || undefined;
  if (natsUrl && !/^(nats|tls|ws|wss):\/\//.test(natsUrl)) {
    problems.push(`NATS_URL must start with nats:// (or tls://, ws://), got "${natsUrl}"`);
  }
  const dataDir = resolve(cwd, env['SMART_CUSTOMS_DATA_DIR'] ?? '../shared/data');
  if (!existsSync(dataDir)) {
    problems.push(`SMART_CUSTOMS_DATA_DIR: no reference data folder at ${dataDir} (set SMART_CUSTOMS_DATA_DIR)`);
  }
  const adminKey = env['SMART_CUSTOMS_ADMIN_KEY'] || undefined;
  if (adminKey !== undefined && adminKey.length < 16) {
    problems.push('SMART_CUSTOMS_ADMIN_KEY must be at least 16 characters');
  }
  const publicRateRaw = env['SMART_CUSTOMS_PUBLIC_RATE_LIMIT'] ?? '120';
  if (!/^\d{1,6}$/.test(publicRateRaw) || Number(publicRateRaw) < 1) {
    problems.push(`SMART_CUSTOMS_PUBLIC_RATE_LIMIT must be a whole number of requests per minute (1 or more), got "${publicRateRaw}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    // Loopback unless told otherwise: a platform started on a laptop is not reachable from the network by surprise.
    host: env['HOST']?.trim() || '127.0.0.1',
    databaseUrl,
    dbDir: resolve(cwd, env['SMART_CUSTOMS_DB_DIR'] ?? 'var/db'),
    natsUrl,
    dataDir,
    adminKey,
    logLevel: env['LOG_LEVEL'] ?? 'info',
    hmacSecret: env['SMART_CUSTOMS_HMAC_SECRET'] || undefined,
    publicRateLimitPerMinute: Number(publicRateRaw),
  };
}

/** The data folder for tools and tests that need no other configuration. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env['SMART_CUSTOMS_DATA_DIR'] ?? '../shared/data');
}
