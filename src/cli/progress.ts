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

/** What training reports as it grows each feature set's trees. */
export interface TrainingProgressEvent {
  readonly featureSet: string;
  readonly iteration: number;
  readonly maxIterations: number;
}

/**
 * A bar per feature set while a risk model trains, on stderr. Redirected to a file or a CI log it still writes a
 * line every few seconds, so the work is seen to move. `onFirst` runs once, when training starts.
 */
export function trainingProgress(onFirst?: () => void): { onProgress(e: TrainingProgressEvent): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      format: '  training {featureSet} [{bar}] {value}/{total} trees (early stopping may end sooner)',
      stream: process.stderr,
      hideCursor: false,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    onProgress: (e) => {
      if (e.featureSet !== current) {
        if (current !== '') bar.stop();
        else onFirst?.();
        current = e.featureSet;
        bar.start(e.maxIterations, 0, { featureSet: e.featureSet.padEnd(12) });
      }
      bar.update(e.iteration);
    },
    stop: () => {
      if (current !== '') bar.stop();
    },
  };
}
