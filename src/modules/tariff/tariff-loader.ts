import { readTariffRows } from '../reference/index.ts';
import { loadJpRules } from './jp-rules-loader.ts';
import type { JpRules } from './jp-rules.ts';
import { buildTariffIndex, type TariffIndex } from './tariff-index.ts';

/** Reads the schedule and the jp-rules lists once (≈1–3 s) for the API, the spine and the CLI; pass to `assess`. */
export function loadTariffEngine(dataDir: string): { index: TariffIndex; jpRules: JpRules } {
  return { index: buildTariffIndex(readTariffRows(dataDir)), jpRules: loadJpRules(dataDir) };
}
