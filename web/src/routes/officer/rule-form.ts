import type { Values } from '../../components/validators.ts';

/** Rule form values ↔ the analyst rule draft of src/modules/risk/targeting/rule.ts. Lists are typed comma-separated. */
export interface RuleDraft {
  readonly name: string;
  readonly lane: 'yellow' | 'red';
  readonly reason: string;
  readonly criteria: Record<string, unknown>;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly active: boolean;
}

const list = (s: string, upper: boolean): string[] =>
  s
    .split(/[,\s]+/)
    .map((x) => (upper ? x.trim().toUpperCase() : x.trim()))
    .filter(Boolean);

export function ruleDraft(v: Values): RuleDraft {
  const s = (k: string) => (v[k] ?? '').trim();
  const criteria: Record<string, unknown> = {};
  if (s('hsPrefixes')) criteria['hsPrefixes'] = list(s('hsPrefixes'), false);
  if (s('originCountries')) criteria['originCountries'] = list(s('originCountries'), true);
  if (s('portsOfLoading')) criteria['portsOfLoading'] = list(s('portsOfLoading'), true);
  if (s('transportModes')) criteria['transportModes'] = list(s('transportModes'), false);
  if (s('valueMin') || s('valueMax')) criteria['valueYen'] = { ...(s('valueMin') ? { min: Number(s('valueMin')) } : {}), ...(s('valueMax') ? { max: Number(s('valueMax')) } : {}) };
  return {
    name: s('name'),
    lane: s('lane') === 'yellow' ? 'yellow' : 'red',
    reason: s('reason'),
    criteria,
    validFrom: s('validFrom'),
    ...(s('validTo') ? { validTo: s('validTo') } : {}),
    active: s('active') !== 'no',
  };
}

export function ruleValues(r: RuleDraft): Record<string, string> {
  const c = r.criteria as { hsPrefixes?: string[]; originCountries?: string[]; portsOfLoading?: string[]; transportModes?: string[]; valueYen?: { min?: number; max?: number } };
  return {
    name: r.name,
    lane: r.lane,
    reason: r.reason,
    validFrom: r.validFrom,
    validTo: r.validTo ?? '',
    active: r.active ? 'yes' : 'no',
    hsPrefixes: (c.hsPrefixes ?? []).join(', '),
    originCountries: (c.originCountries ?? []).join(', '),
    portsOfLoading: (c.portsOfLoading ?? []).join(', '),
    transportModes: (c.transportModes ?? []).join(', '),
    valueMin: c.valueYen?.min !== undefined ? String(c.valueYen.min) : '',
    valueMax: c.valueYen?.max !== undefined ? String(c.valueYen.max) : '',
  };
}
