import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { DomainError } from '../kernel/index.ts';
import { loadConfig } from '../config.ts';
import { currentHolder } from '../adapters/store/lock.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { CliUsageError, stringFlag, type Args } from './args.ts';
import { CliErrors } from './database.ts';
import { EXIT_OK, log, printJson, reportError } from './io.ts';

interface BatchView {
  id: string;
  status: string;
  acceptedLines: number;
  rejectedLines: number;
  decided: number;
}

async function api(base: string, key: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) } });
  const json = (await res.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
  if (!res.ok) {
    if (json?.code) throw new DomainError(json.code, res.status, json.message ?? 'error', json.details);
    throw CliErrors.remoteFailed(`${init.method ?? 'GET'} ${path} answered ${res.status}`);
  }
  return json;
}

/**
 * `customs consignments import FILE [--format ndjson|csv] [--json]`: uploads a batch through the API — of the server
 * holding the embedded database when one runs, else of a platform this command starts on a loopback port — with a
 * progress bar on stderr while lines are stored and cleared, then prints the batch (stdout).
 */
export async function run(args: Args): Promise<number> {
  try {
    const file = args.positional[0];
    if (!file) throw new CliUsageError('usage: customs consignments import FILE [--format ndjson|csv] [--json]');
    if (!existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
    const format = stringFlag(args, 'format') ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
    if (format !== 'csv' && format !== 'ndjson') throw new CliUsageError('--format is ndjson or csv');
    const config = loadConfig();
    let platform: Platform | undefined;
    let base: string;
    let key: string;
    const holder = config.databaseUrl ? undefined : currentHolder(config.dbDir);
    if (holder && holder.pid !== process.pid && holder.apiUrl) {
      if (!config.adminKey) throw CliErrors.serverNeedsAdminKey(undefined, { server: holder.apiUrl, pid: holder.pid });
      base = holder.apiUrl;
      key = config.adminKey;
    } else {
      platform = await createPlatform(config, { role: 'cli' });
      base = await platform.app.listen({ port: 0, host: '127.0.0.1' });
      key = config.adminKey ?? (await platform.ctx.principals.create({ role: 'trader', name: 'consignments import (cli)' })).key;
    }
    try {
      return await importFile(base, key, file, format, args.flags['json'] === true);
    } finally {
      await platform?.close();
    }
  } catch (e) {
    return reportError(e);
  }
}

async function importFile(base: string, key: string, file: string, format: 'csv' | 'ndjson', json: boolean): Promise<number> {
  const id = `cb_cli_${randomBytes(9).toString('base64url')}`;
  const bar = new cliProgress.SingleBar(
    { format: '  {phase} [{bar}] {value}/{total} decided · {rejected} rejected', stream: process.stderr, hideCursor: false, noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { phase: 'uploading', rejected: 0 });
  let uploaded = false;
  let last: BatchView | undefined;
  const poll = async (): Promise<void> => {
    try {
      last = (await api(base, key, `/api/v1/consignment-batches/${id}`)) as BatchView;
      bar.setTotal(Math.max(1, last.acceptedLines));
      bar.update(last.decided, { phase: uploaded ? 'clearing ' : 'uploading', rejected: last.rejectedLines });
    } catch {
      // Not created yet (the upload's first bytes are on their way).
    }
  };
  const timer = setInterval(() => void poll(), 250);
  try {
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    await api(base, key, `/api/v1/consignment-batches?id=${id}`, {
      method: 'POST',
      headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit);
    uploaded = true;
    for (;;) {
      await poll();
      if (last && (last.status === 'completed' || last.status === 'failed')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    clearInterval(timer);
    bar.stop();
  }
  if (json) printJson(last);
  else log(`batch ${last!.id}: ${last!.acceptedLines} accepted, ${last!.rejectedLines} rejected, ${last!.decided} decided (${last!.status}); results: GET /api/v1/consignment-batches/${last!.id}/lines`);
  return EXIT_OK;
}
