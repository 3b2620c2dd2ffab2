import type { RateColumn, TariffRow } from '../reference/index.ts';
import { parseAgreements, parseGsp, type JpRules } from './jp-rules.ts';

/** Hand-written schedule rows and agreement lists for tests (a few lines, not copies of the reference data). */
export function row(
  rowId: number,
  code9: string,
  rates: Partial<Record<RateColumn, string>>,
  extra: { parent?: number; chapter?: string; description?: string; path?: string } = {},
): TariffRow {
  return {
    rowId,
    chapter: extra.chapter ?? code9.slice(0, 2),
    level: extra.parent === undefined ? 0 : 1,
    parentRowId: extra.parent ?? null,
    statCode: code9 === '' ? '' : `${code9.slice(0, 4)}.${code9.slice(4, 6)}`,
    statSuffix: code9.slice(6),
    code9,
    isLeaf: code9 !== '',
    descriptionJa: extra.description ?? 'その他のもの',
    descriptionPathJa: extra.path ?? extra.description ?? 'その他のもの',
    rates,
    unit1: '',
    unit2: 'KG',
    otherLaws: [],
  };
}

export const FIXTURE_JP_RULES: JpRules = {
  source: 'test fixture',
  agreements: parseAgreements({
    agreements: [
      {
        id: 'cptpp',
        tariff_columns: ['epa_cptpp'],
        parties: [
          { iso2: 'AU', entry_into_force: '2018-12-30' },
          { iso2: 'VN', entry_into_force: '2019-01-14' },
          { iso2: 'GB', entry_into_force: '2024-12-15' },
        ],
      },
      { id: 'australia', tariff_columns: ['epa_australia'], parties: [{ iso2: 'AU', entry_into_force: '2015-01-15' }] },
      { id: 'eu', tariff_columns: ['epa_eu'], parties: [{ iso2: 'DE', entry_into_force: '2019-02-01' }] },
      {
        id: 'rcep',
        tariff_columns: ['epa_rcep_asean_au_nz', 'epa_rcep_china', 'epa_rcep_korea'],
        column_by_party: { epa_rcep_asean_au_nz: ['AU', 'VN'], epa_rcep_china: ['CN'], epa_rcep_korea: ['KR'] },
        parties: [
          { iso2: 'AU', entry_into_force: '2022-01-01' },
          { iso2: 'VN', entry_into_force: '2022-01-01' },
          { iso2: 'CN', entry_into_force: '2022-01-01' },
          { iso2: 'KR', entry_into_force: '2022-02-01' },
        ],
      },
    ],
  }),
  gsp: parseGsp({
    retrieved: '2026-11-23',
    gsp_beneficiaries_full: null,
    gsp_beneficiaries_partial_2018: { countries: [{ iso2: 'IN' }, { iso2: 'KH' }] },
    graduated: [{ iso2: 'CN', from: '2019-04-01' }],
    ldc_beneficiaries: {
      unconfirmed: true,
      countries: [{ iso2: 'KH' }, { iso2: 'LA' }],
      pending_graduations: [{ iso2: 'LA', scheduled: '2026-11-24', unconfirmed: true }],
    },
  }),
};
