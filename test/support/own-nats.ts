import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATS_SERVER_BIN = process.env['NATS_SERVER_BIN'] ?? '/usr/sbin/nats-server';
export const hasNatsServer = (): boolean => existsSync(NATS_SERVER_BIN);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A nats-server of our own (own port, own JetStream store dir): its streams are nobody else's, and it can be
 * restarted or killed mid-run without touching other people's tests. `stop` keeps the store (a restart resumes it);
 * `dispose` kills the server and removes the store.
 */
export class OwnNats {
  private proc: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    readonly storeDir: string,
  ) {}

  /** The server's process id while it runs (for CPU accounting in benchmarks). */
  get pid(): number | undefined {
    return this.proc?.exitCode === null ? this.proc.pid : undefined;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnNats> {
    const s = new OwnNats(await freePort(), mkdtempSync(join(tmpdir(), 'own-nats-')));
    await s.start();
    return s;
  }

  async start(): Promise<void> {
    const p = spawn(NATS_SERVER_BIN, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'pipe' });
    this.proc = p;
    let log = '';
    p.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const t0 = Date.now();
    while (!log.includes('Server is ready')) {
      if (p.exitCode !== null || Date.now() - t0 > 15_000) throw new Error(`nats-server did not start: ${log.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
