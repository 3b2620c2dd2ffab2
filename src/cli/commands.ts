import type { Args } from './args.ts';

/** A CLI command: gets its own arguments (after the command words) and returns the exit code. */
export type Command = (args: Args) => Promise<number>;

interface Entry {
  readonly summary: string;
  readonly booleanFlags?: readonly string[];
  readonly load: () => Promise<{ run: Command }>;
}

/** The command table. Lazy imports keep `customs --help` and small commands fast. */
export const COMMANDS: Record<string, Entry> = {
  serve: { summary: 'serve the whole platform (API, web app) on PORT', load: () => import('./serve.command.ts') },
  'data load': { summary: 'load the reference data (idempotent; --force reloads)', booleanFlags: ['json', 'force'], load: () => import('./data-load.command.ts') },
  'exchange-rates load': { summary: 'load weekly customs exchange rates from FILE (.json {rates:[…]} or .csv)', load: () => import('./exchange-rates-load.command.ts') },
  'search-references load': { summary: "load officers' search references from FILE (.json {references:[…]} or .csv term,codes,note; codes ;-separated)", load: () => import('./search-references-load.command.ts') },
  'principals create': { summary: 'create a principal: --role trader|officer|analyst|admin [--name N] [--party ID]; prints {id, role, key}', load: () => import('./principals-create.command.ts') },
  'principals authorise': {
    summary: 'record that a party authorised a principal to declare for it as broker: --principal ID --party ID [--revoke]; prints its authorisations',
    booleanFlags: ['revoke'],
    load: () => import('./principals-authorise.command.ts'),
  },
  'tariff coverage': { summary: 'per rate column of the tariff schedule, how many cells parse; lists those that do not', load: () => import('./tariff-coverage.command.ts') },
  assess: { summary: 'assess duty and consumption tax: request JSON on stdin, response JSON on stdout [--rates FILE]', load: () => import('./assess.command.ts') },
  'passenger assess': { summary: "a traveller's allowances and duty on the excess: {declaration, exchangeRates} on stdin, assessment JSON on stdout", load: () => import('./passenger-assess.command.ts') },
  'passengers purge': { summary: 'delete passenger data past its retention period (SMART_CUSTOMS_PASSENGER_RETENTION_DAYS, default 30); prints {declarations, arrivals, gateUses}', load: () => import('./passengers-purge.command.ts') },
  'risk benchmark': { summary: 'risk model on the Korean benchmark: --train A.csv --valid B.csv --test C.csv [--seeds 3] [--save-model FILE]; last line {precisionAt5,…}', load: () => import('./risk-benchmark.command.ts') },
  'consignments import': { summary: 'upload a consignment batch FILE (NDJSON or CSV) with a progress bar; prints the batch [--format ndjson|csv] [--json]', load: () => import('./consignments-import.command.ts') },
  worker: { summary: 'clearance worker for the scaled mode (DATABASE_URL + NATS_URL): clears consignments from the durable JetStream consumer', load: () => import('./worker.command.ts') },
  'risk train': { summary: 'retrain the risk model from the recorded inspection findings, register it as a candidate [--promote] [--json]', booleanFlags: ['json', 'promote'], load: () => import('./risk-train.command.ts') },
  'risk history import': { summary: 'train a risk model from FILE, a history of past declarations with inspection outcomes (docs/risk-history.md); registers a candidate [--promote] [--yen-per-unit N]; prints {modelId, rowsUsed, auc, …}', booleanFlags: ['json', 'promote'], load: () => import('./risk-history-import.command.ts') },
};
