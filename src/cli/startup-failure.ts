/**
 * Failures an operator causes by starting the platform against something that is not there (a database not yet
 * created, NATS not running, the port taken). They are expected, so they end in one line that says what to do and
 * exit 1, not in a driver's stack trace.
 */
export class StartupFailure extends Error {
  override readonly name = 'StartupFailure';
}

export interface StartupTargets {
  readonly databaseUrl?: string | undefined;
  readonly natsUrl?: string | undefined;
  readonly host: string;
  readonly port: number;
}

/** The URL without its password, for messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return 'postgres';
  }
}

function createdbCommand(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || '127.0.0.1';
    const port = u.port || '5432';
    const user = u.username ? ` -U ${decodeURIComponent(u.username)}` : '';
    return `createdb -h ${host} -p ${port}${user} ${databaseName(url)}`;
  } catch {
    return `createdb ${databaseName(url)}`;
  }
}

const field = (e: unknown, name: string): unknown =>
  typeof e === 'object' && e !== null && name in e ? (e as Record<string, unknown>)[name] : undefined;

/** One line saying what went wrong and what to do, or null for failures that are not the operator's to fix. */
export function explainStartupFailure(e: unknown, t: StartupTargets): string | null {
  const code = field(e, 'code');
  const syscall = field(e, 'syscall');
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'EADDRINUSE' && syscall === 'listen') {
    return `Port ${t.port} on ${t.host} is already in use: stop the process that holds it, or start with another PORT (e.g. PORT=${t.port + 1} npm start).`;
  }
  if (code === 'EADDRNOTAVAIL' && syscall === 'listen') {
    return `HOST=${t.host} is not an address of this machine: use 127.0.0.1 (the default) or one of its interfaces.`;
  }
  const name = String(field(e, 'name') ?? '');
  // The NATS client's dial failures are ConnectionErrors ("connection refused", "timeout").
  if (t.natsUrl && name === 'ConnectionError') {
    return `Cannot reach NATS at ${t.natsUrl} (${message}): start nats-server with JetStream (-js), or correct NATS_URL.`;
  }
  if (t.databaseUrl) {
    // PostgreSQL's SQLSTATE: 3D000 invalid_catalog_name, 28000/28P01 authentication.
    if (code === '3D000') {
      return `The PostgreSQL database "${databaseName(t.databaseUrl)}" does not exist: create it with \`${createdbCommand(t.databaseUrl)}\`, or point DATABASE_URL at an existing database.`;
    }
    if (code === '28000' || code === '28P01') {
      return `PostgreSQL refused the login for ${shown(t.databaseUrl)}: ${message}. Check the user and password in DATABASE_URL.`;
    }
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT') {
      return `Cannot reach PostgreSQL at ${shown(t.databaseUrl)} (${String(code)}): start it, or correct DATABASE_URL.`;
    }
  }
  return null;
}

/** Runs a start-up step; an operator's failure becomes a StartupFailure with its one-line explanation. */
export async function starting<T>(t: StartupTargets, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const line = explainStartupFailure(e, t);
    throw line === null ? e : new StartupFailure(line, { cause: e });
  }
}
