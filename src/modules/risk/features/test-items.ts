import { SeededRandom } from '../gbdt/random.ts';
import type { RiskItem } from './item.ts';

const BASE: RiskItem = {
  date: '2020-01-01', office: '30', processType: 'B', importType: '11', importUse: '21', paymentType: '11',
  transportMode: '10', declarant: 'D1', importer: 'I1', seller: 'S1', courier: '', hs: '851762', departure: 'CN',
  origin: 'CN', taxRate: 8, taxType: 'A', originIndicator: 'G', netMassKg: 10, value: 1000,
};

export const item = (patch: Partial<RiskItem> = {}): RiskItem => ({ ...BASE, ...patch });

/** Small labelled items where HS 8517.62 from CN at a low unit price is the risky pattern. */
export function syntheticItems(n: number, seed: number): { items: RiskItem[]; labels: Uint8Array } {
  const rng = new SeededRandom(seed);
  const hs = ['851762', '640399'];
  const countries = ['CN', 'VN'];
  const items: RiskItem[] = [];
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = hs[rng.int(hs.length)]!;
    const o = countries[rng.int(countries.length)]!;
    const mass = 1 + rng.int(100);
    const cheap = rng.next() < 0.3;
    const unit = (cheap ? 20 : 100) * (0.8 + 0.4 * rng.next());
    items.push(item({ hs: h, origin: o, departure: o, netMassKg: mass, value: Math.round(mass * unit), importer: `I${rng.int(30)}` }));
    const risky = h === '851762' && o === 'CN' && cheap;
    labels[i] = rng.next() < (risky ? 0.9 : 0.02) ? 1 : 0;
  }
  return { items, labels };
}
