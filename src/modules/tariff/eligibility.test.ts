import { describe, expect, it } from 'vitest';
import { agreementCovers, epaOptions, gspStatus } from './eligibility.ts';
import { DEFAULT_RULES } from './rules.ts';
import { FIXTURE_JP_RULES } from './test-fixtures.ts';

const { agreements, gsp } = FIXTURE_JP_RULES;
const policy = DEFAULT_RULES.gsp;

describe('eligibility', () => {
  it('an agreement covers a party only from its own entry into force', () => {
    const cptpp = agreements.find((a) => a.id === 'cptpp')!;
    expect(agreementCovers(cptpp, 'GB', '2024-12-14')).toBeUndefined();
    expect(agreementCovers(cptpp, 'GB', '2024-12-15')?.column).toBe('epa_cptpp');
    expect(agreementCovers(cptpp, 'US', '2026-11-23')).toBeUndefined();
  });

  it('RCEP picks the column of the origin party', () => {
    const cols = (origin: string) => epaOptions(agreements, origin, '2026-11-23').map((o) => o.column);
    expect(cols('CN')).toEqual(['epa_rcep_china']);
    expect(cols('KR')).toEqual(['epa_rcep_korea']);
    expect(cols('VN')).toEqual(['epa_cptpp', 'epa_rcep_asean_au_nz']);
  });

  it('GSP: listed beneficiaries yes, graduated no, unlisted unknown unless configured', () => {
    expect(gspStatus('IN', '2026-11-23', gsp, policy).gsp).toBe('eligible');
    expect(gspStatus('CN', '2026-11-23', gsp, policy).gsp).toBe('not');
    expect(gspStatus('CN', '2019-03-31', gsp, policy).gsp).toBe('unknown');
    expect(gspStatus('BR', '2026-11-23', gsp, policy).gsp).toBe('unknown');
    const assumed = gspStatus('BR', '2026-11-23', gsp, { ...policy, assumeUnlistedEligible: true });
    expect(assumed.gsp).toBe('eligible');
    expect(assumed.assumptions[0]?.message).toContain('partial');
  });

  it('LDC: from the (unconfirmed) UN list, until a scheduled graduation', () => {
    const kh = gspStatus('KH', '2026-11-23', gsp, policy);
    expect([kh.gsp, kh.ldc]).toEqual(['eligible', 'eligible']);
    expect(kh.assumptions.map((a) => a.message).join(' ')).toContain('unconfirmed');
    expect(gspStatus('LA', '2026-11-23', gsp, policy).ldc).toBe('eligible');
    expect(gspStatus('LA', '2026-11-24', gsp, policy).ldc).toBe('not');
  });
});
