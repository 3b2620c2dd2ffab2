import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Other-law (他法令) codes of the schedule: which law, which ministry, which document customs asks for. */
export interface OtherLawEntry {
  readonly code: string;
  readonly law: string;
  readonly ministry: string;
  readonly documents: string;
  readonly goods: string;
}

export function readOtherLaws(dataDir: string): Map<string, OtherLawEntry> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'jp-tariff/jp_other_laws_codes.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const out = new Map<string, OtherLawEntry>();
  for (const [code, v] of Object.entries(raw)) {
    out.set(code, {
      code,
      law: String(v['法令名'] ?? ''),
      ministry: String(v['主管省庁課'] ?? ''),
      documents: String(v['税関確認書類'] ?? ''),
      goods: String(v['主な品目'] ?? ''),
    });
  }
  return out;
}

/** The ids of Japan's agreements (jp-rules/agreements.json), for validating preference claims. */
export function readAgreementIds(dataDir: string): Set<string> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'jp-rules/agreements.json'), 'utf8')) as { agreements: { id: string }[] };
  return new Set(raw.agreements.map((a) => a.id));
}
