import { parseArgs } from './args.ts';
import { COMMANDS } from './commands.ts';
import { EXIT_INVALID, log, printJson, reportError } from './io.ts';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, e]) => `  customs ${name.padEnd(width)}  ${e.summary}`);
  return `Smart Customs command line\n\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    log(usage());
    return argv.length === 0 ? EXIT_INVALID : 0;
  }
  // Longest matching command name wins ("risk train" before "risk").
  const names = Object.keys(COMMANDS).sort((a, b) => b.split(' ').length - a.split(' ').length);
  for (const name of names) {
    const words = name.split(' ');
    if (words.every((w, i) => argv[i] === w)) {
      const entry = COMMANDS[name]!;
      const { run } = await entry.load();
      return run(parseArgs(argv.slice(words.length), entry.booleanFlags ?? ['json']));
    }
  }
  printJson({ code: 'CLI.UNKNOWN_COMMAND', message: `Unknown command "${argv.join(' ')}"`, details: { usage: usage() } });
  return EXIT_INVALID;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e);
  },
);
