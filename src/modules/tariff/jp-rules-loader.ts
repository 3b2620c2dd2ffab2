import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgreements, parseGsp, type JpRules } from './jp-rules.ts';

/** The only file reading of this module: `jp-rules/agreements.json` and `jp-rules/gsp.json` from the data folder. */
export function loadJpRules(dataDir: string): JpRules {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, 'jp-rules', name), 'utf8'));
  const agreements = read('agreements.json');
  const retrieved =
    typeof agreements === 'object' && agreements !== null && 'retrieved' in agreements ? String(agreements.retrieved) : '?';
  return {
    agreements: parseAgreements(agreements),
    gsp: parseGsp(read('gsp.json')),
    source: `jp-rules/agreements.json and gsp.json (retrieved ${retrieved})`,
  };
}
