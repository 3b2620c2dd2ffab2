import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { acquireLock } from './lock.ts';

export type Schema = typeof schema;
/** The database handle shared by both drivers: repositories are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Store {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  health(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… for the scaled mode; unset for embedded PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database (tests). */
  readonly dbDir?: string;
  readonly role?: 'server' | 'cli';
  readonly poolSize?: number;
}

const MIGRATIONS = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export async function openStore(opts: StoreOptions): Promise<Store> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts);
}

async function openPglite(opts: StoreOptions): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = opts.dbDir ?? 'memory://';
  let release = (): void => {};
  if (!dir.startsWith('memory://')) {
    mkdirSync(dir, { recursive: true });
    release = acquireLock(dir, opts.role ?? 'server');
  }
  try {
    const client = await PGlite.create(dir);
    const db = drizzle({ client, schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder: MIGRATIONS });
    return {
      db,
      kind: 'pglite',
      health: async () => {
        await client.query('select 1');
        return true;
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection the server ends (a restart, an administrator's terminate) emits 'error' on the pool;
  // unhandled, that would stop the process. The pool drops the connection and the next query opens a new one.
  pool.on('error', (e) => process.stderr.write(`store: an idle PostgreSQL connection ended: ${e.message}\n`));
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  // Several API nodes may start at once: serialise migrations with an advisory lock.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727372)');
    await migrate(drizzle({ client, schema }) as never, { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query('select pg_advisory_unlock(727372)').catch(() => undefined);
    client.release();
  }
  return {
    db,
    kind: 'postgres',
    health: async () => {
      await db.execute(sql`select 1`);
      return true;
    },
    close: () => pool.end(),
  };
}
