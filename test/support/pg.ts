import pg from 'pg';

/** A throw-away PostgreSQL database for one test file; the server comes from TEST_DATABASE_URL. */
export async function createTempDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sc_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];
