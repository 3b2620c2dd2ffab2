import cliProgress from 'cli-progress';
import type { LoadProgress } from '../adapters/store/reference.repo.ts';

/** A progress bar per reference dataset, drawn on stderr so stdout stays clean for results. */
export function datasetProgress(): LoadProgress & { stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  const fn = ((e) => {
    if (e.skipped) {
      process.stderr.write(`  ${e.dataset.padEnd(12)} up to date (${e.total} rows)\n`);
      return;
    }
    if (e.dataset !== current) {
      bar?.stop();
      current = e.dataset;
      bar = new cliProgress.SingleBar(
        { format: `  ${e.dataset.padEnd(12)} [{bar}] {percentage}% {value}/{total} rows`, stream: process.stderr, hideCursor: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(e.total, 0);
    }
    bar?.update(e.done);
  }) as LoadProgress & { stop(): void };
  fn.stop = () => bar?.stop();
  return fn;
}
