import { dataDirFromEnv } from '../config.ts';
import { readTariffRows, TARIFF_SCHEDULE_FILE } from '../modules/reference/index.ts';
import { coverage } from '../modules/tariff/index.ts';
import type { Args } from './args.ts';
import { log, printJson } from './io.ts';

/** `customs tariff coverage [--json]`: per rate column, how many non-empty cells parse; lists every one that does not. */
export async function run(args: Args): Promise<number> {
  const dir = dataDirFromEnv();
  log(`Parsing every rate cell of ${TARIFF_SCHEDULE_FILE} in ${dir}`);
  const started = performance.now();
  const report = coverage(readTariffRows(dir));
  const ms = Math.round(performance.now() - started);
  if (args.flags['json']) {
    printJson({ ...report, file: TARIFF_SCHEDULE_FILE, ms });
    return 0;
  }
  const out: string[] = [`${'column'.padEnd(22)} ${'non-empty'.padStart(9)} ${'parsed'.padStart(9)}   share`];
  for (const c of report.columns) {
    const share = c.nonEmpty === 0 ? '-' : `${((100 * c.parsed) / c.nonEmpty).toFixed(2)} %`;
    out.push(`${c.column.padEnd(22)} ${String(c.nonEmpty).padStart(9)} ${String(c.parsed).padStart(9)}   ${share}`);
  }
  const t = report.totals;
  out.push(`${'total'.padEnd(22)} ${String(t.nonEmpty).padStart(9)} ${String(t.parsed).padStart(9)}   ${((100 * t.parsed) / t.nonEmpty).toFixed(2)} %`);
  out.push(`${t.distinctTexts} distinct cell texts; ${report.failures.length} cells do not parse${report.failures.length ? ':' : '.'}`);
  for (const f of report.failures) out.push(`  row ${f.rowId} ${f.code9 || '(group)'} ${f.column}: ${JSON.stringify(f.text)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  log(`(${ms} ms)`);
  return 0;
}
