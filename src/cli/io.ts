import { CommonErrors, DomainError } from '../kernel/index.ts';
import { ConfigError } from '../config.ts';
import { CliUsageError } from './args.ts';
import { StartupFailure } from './startup-failure.ts';

/**
 * The CLI's output contract: results (and, with --json, only results) on stdout; logs and progress on stderr.
 * Exit codes: 0 success, 2 invalid input (with {code, message, details} on stdout), 1 internal failure.
 */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Maps an error to the CLI contract and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ConfigError) {
    log(e.message);
    printJson(CommonErrors.config(e.message, { problems: e.problems }).toJSON());
    return EXIT_INVALID;
  }
  if (e instanceof DomainError) {
    printJson(e.toJSON());
    return e.status >= 500 ? EXIT_INTERNAL : EXIT_INVALID;
  }
  if (e instanceof CliUsageError) {
    printJson({ code: 'CLI.USAGE', message: e.message, details: null }); // CliErrors.usage
    return EXIT_INVALID;
  }
  if (e instanceof StartupFailure) {
    log(e.message);
    return EXIT_INTERNAL;
  }
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return EXIT_INTERNAL;
}
