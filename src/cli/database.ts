import { DomainError, defineError } from '../kernel/index.ts';
import type { Config } from '../config.ts';
import { openStore, type Store } from '../adapters/store/connect.ts';
import { currentHolder } from '../adapters/store/lock.ts';

export const CliErrors = {
  serverNeedsAdminKey: defineError(
    'CLI.SERVER_NEEDS_ADMIN_KEY',
    422,
    'A running server holds the embedded database; set SMART_CUSTOMS_ADMIN_KEY (the server’s admin key) so the command can go through its API',
  ),
  usage: defineError('CLI.USAGE', 422, 'The command line is invalid (see customs --help)'),
  unknownCommand: defineError('CLI.UNKNOWN_COMMAND', 422, 'No such command (see customs --help)'),
  remoteFailed: defineError('CLI.REMOTE_FAILED', 502, 'The running server answered with an error'),
} as const;

export type Target = { kind: 'local'; store: Store } | { kind: 'remote'; apiUrl: string; adminKey: string };

/**
 * PGlite allows one process per data folder: when a server holds it, commands go through the server's API with the
 * admin key; otherwise they open the database themselves (PostgreSQL is always opened directly).
 */
export async function databaseTarget(config: Config): Promise<Target> {
  if (!config.databaseUrl) {
    const holder = currentHolder(config.dbDir);
    if (holder && holder.pid !== process.pid) {
      if (!holder.apiUrl) throw new Error(`The database folder is held by process ${holder.pid}, which serves no API; stop it first.`);
      if (!config.adminKey) throw CliErrors.serverNeedsAdminKey(undefined, { server: holder.apiUrl, pid: holder.pid });
      return { kind: 'remote', apiUrl: holder.apiUrl, adminKey: config.adminKey };
    }
  }
  return { kind: 'local', store: await openStore({ databaseUrl: config.databaseUrl, dbDir: config.dbDir, role: 'cli' }) };
}

export async function callApi(t: { apiUrl: string; adminKey: string }, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${t.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${t.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
  if (!res.ok) {
    if (json?.code) throw new DomainError(json.code, res.status, json.message ?? 'error', json.details);
    throw CliErrors.remoteFailed(`${method} ${path} answered ${res.status}`);
  }
  return json;
}
