import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { StartupFailure, explainStartupFailure, starting } from './startup-failure.ts';

const pgUrl = process.env['TEST_DATABASE_URL'];

/** A real error from a real attempt: the explanations are matched against what the drivers actually throw. */
async function caught(attempt: () => Promise<unknown>): Promise<unknown> {
  try {
    await attempt();
  } catch (e) {
    return e;
  }
  throw new Error('the attempt did not fail');
}

describe('start-up failures end in one line', () => {
  it('names the port in use and how to choose another', async () => {
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as { port: number }).port;
    const e = await caught(() => new Promise((_, reject) => createServer().once('error', reject).listen(port, '127.0.0.1')));
    holder.close();
    const line = explainStartupFailure(e, { host: '127.0.0.1', port });
    expect(line).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(line).not.toContain('\n');
  });

  it('says NATS is unreachable and names NATS_URL', async () => {
    const { connect } = await import('@nats-io/transport-node');
    const natsUrl = 'nats://127.0.0.1:1';
    const e = await caught(() => connect({ servers: natsUrl, reconnect: false, timeout: 2000 }));
    expect(explainStartupFailure(e, { natsUrl, databaseUrl: 'postgres://u@127.0.0.1/x', host: '127.0.0.1', port: 8080 })).toMatch(
      /^Cannot reach NATS at nats:\/\/127\.0\.0\.1:1 .*NATS_URL\.$/,
    );
  });

  it('says PostgreSQL is unreachable without showing the password', async () => {
    const pg = await import('pg');
    const databaseUrl = 'postgres://customs:secret@127.0.0.1:1/customs';
    const e = await caught(async () => {
      const c = new pg.default.Client({ connectionString: databaseUrl });
      await c.connect();
    });
    const line = explainStartupFailure(e, { databaseUrl, host: '127.0.0.1', port: 8080 });
    expect(line).toMatch(/^Cannot reach PostgreSQL at postgres:\/\/customs:\*\*\*@127\.0\.0\.1:1\/customs \(ECONNREFUSED\)/);
    expect(line).not.toContain('secret');
  });

  it.skipIf(!pgUrl)('says how to create a database that does not exist', async () => {
    const pg = await import('pg');
    const u = new URL(pgUrl!);
    u.pathname = '/customs_no_such_database';
    const databaseUrl = u.toString();
    const e = await caught(async () => {
      const c = new pg.default.Client({ connectionString: databaseUrl });
      try {
        await c.connect();
      } finally {
        await c.end().catch(() => undefined);
      }
    });
    expect(explainStartupFailure(e, { databaseUrl, host: '127.0.0.1', port: 8080 })).toContain(
      `does not exist: create it with \`createdb -h ${u.hostname} -p ${u.port || '5432'}${u.username ? ` -U ${u.username}` : ''} customs_no_such_database\``,
    );
  });

  it('leaves other failures alone, with their stack', async () => {
    const bug = new TypeError('x is undefined');
    expect(explainStartupFailure(bug, { host: '127.0.0.1', port: 8080 })).toBeNull();
    await expect(starting({ host: '127.0.0.1', port: 8080 }, () => Promise.reject(bug))).rejects.toBe(bug);
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', syscall: 'listen' });
    await expect(starting({ host: '127.0.0.1', port: 8080 }, () => Promise.reject(taken))).rejects.toBeInstanceOf(StartupFailure);
  });
});
