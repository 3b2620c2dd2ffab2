import { describe, expect, it } from 'vitest';
import { calibrationOf } from './calibrate.ts';
import type { Decision } from './decision.ts';
import type { RuleHit } from './evaluate-rules.ts';
import { OnlineSelector } from './online-selector.ts';
import type { SelectionPolicy } from './policy.ts';
import { selectLane, type SelectionInput } from './select.ts';

/** Simulates a stationary flow: 10 % frauds, a model that ranks them higher, 30 % AEO traders, 2 % rule hits. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hit: RuleHit = {
  ruleId: 'r1',
  version: 3,
  name: 'watch list',
  lane: 'yellow',
  reason: 'known pattern',
  items: [],
};

function flow(
  n: number,
  opts: { model: boolean; ruleShare?: number; ruleLane?: 'yellow' | 'red'; seed?: number; truth?: Set<string> },
): SelectionInput[] {
  const rnd = mulberry32(opts.seed ?? 7);
  return Array.from({ length: n }, (_, i) => {
    const fraud = rnd() < 0.1;
    if (fraud) opts.truth?.add(`dec-${i}`);
    const score = Math.min(1, rnd() * 0.6 + (fraud ? 0.4 : 0));
    return {
      declarationId: `dec-${i}`,
      itemCount: 1 + Math.floor(rnd() * 5),
      traderAeo: rnd() < 0.3,
      ruleHits: rnd() < (opts.ruleShare ?? 0.02) ? [{ ...hit, lane: opts.ruleLane ?? 'yellow' }] : [],
      model: opts.model
        ? { score, modelVersion: 'm7', reasons: [{ code: 'UNIT_PRICE_LOW', text: 'unit price low' }] }
        : null,
    };
  });
}

const policy: SelectionPolicy = {
  version: 'p1',
  salt: 'test-salt-0123456789',
  unit: 'declarations',
  budget: { red: 0.05, yellow: 0.1 },
  controlShare: 0.01,
  controlLane: 'red',
  explorationShare: 0.01,
  explorationLane: 'red',
  aeoFactor: 0.5,
};

function run(p: SelectionPolicy, inputs: SelectionInput[]): Decision[] {
  const s = new OnlineSelector(p);
  return inputs.map((i) => s.decide(i));
}

/** Shares over the decisions after a warm-up, weighted by `weight`. */
function shares(ds: Decision[], weight: (d: Decision) => number = () => 1) {
  const tail = ds.slice(2000);
  const W = tail.reduce((s, d) => s + weight(d), 0);
  const share = (f: (d: Decision) => boolean) => tail.reduce((s, d) => s + (f(d) ? weight(d) : 0), 0) / W;
  return {
    selected: share((d) => d.lane !== 'green'),
    red: share((d) => d.lane === 'red'),
    control: share((d) => d.control),
    exploration: share((d) => d.reasons.some((r) => r.code === 'EXPLORATION')),
  };
}

const rate = (ds: Decision[], f: (d: Decision) => boolean) => ds.filter(f).length / ds.length;

describe('selection policy over 20,000 simulated declarations', () => {
  const frauds = new Set<string>();
  const inputs = flow(20_000, { model: true, truth: frauds });
  const ds = run(policy, inputs);

  it('meets the inspection budget, the red budget, the control and the exploration shares', () => {
    const s = shares(ds);
    expect(s.selected).toBeCloseTo(0.15, 2);
    expect(Math.abs(s.red - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(s.control - 0.01)).toBeLessThan(0.003);
    expect(Math.abs(s.exploration - 0.01)).toBeLessThan(0.003);
  });

  it('selects AEO traders by model and exploration at aeoFactor times the rate of others, and samples them for control alike', () => {
    const aeo = ds.filter((d) => d.basis.traderAeo);
    const other = ds.filter((d) => !d.basis.traderAeo);
    const sel = (x: Decision[]) => rate(x, (d) => !d.control && !d.basis.ruleHit && d.lane !== 'green');
    const ratio = sel(aeo) / sel(other);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
    expect(Math.abs(rate(aeo, (d) => d.control) - rate(other, (d) => d.control))).toBeLessThan(0.005);
  });

  it('lets the model concentrate on high scores: targeted precision beats the control sample', () => {
    const fraud = (d: Decision) => frauds.has(d.declarationId);
    const targeted = ds.filter((d) => d.reasons.some((r) => r.code === 'MODEL_SCORE'));
    const controls = ds.filter((d) => d.control);
    expect(Math.abs(rate(controls, fraud) - 0.1)).toBeLessThan(0.05);
    expect(rate(targeted, fraud)).toBeGreaterThan(2 * rate(controls, fraud));
    expect(targeted.every((d) => d.reasons.some((r) => r.code === 'UNIT_PRICE_LOW'))).toBe(true);
  });

  it('always honours and names a rule hit', () => {
    const ruled = ds.filter((_, i) => inputs[i]!.ruleHits.length > 0);
    expect(ruled.length).toBeGreaterThan(300);
    for (const d of ruled) {
      expect(d.lane).not.toBe('green');
      expect(d.reasons).toContainEqual(
        expect.objectContaining({ code: 'RULE_HIT', source: 'rule', ruleId: 'r1', ruleVersion: 3 }),
      );
    }
  });

  it('keeps rules when they alone exceed the budget, and the model then selects nothing', () => {
    const heavy = run(policy, flow(4000, { model: true, ruleShare: 0.3, ruleLane: 'red', seed: 11 }));
    const tail = heavy.slice(1000);
    expect(rate(tail, (d) => d.basis.ruleHit && d.lane === 'green')).toBe(0);
    expect(rate(tail, (d) => d.reasons.some((r) => r.code === 'MODEL_SCORE'))).toBeLessThan(0.002);
  });

  it('without a model, says so and still meets the budget with rules, random picks and the control sample', () => {
    const nm = run(policy, flow(20_000, { model: false }));
    expect(nm.every((d) => d.noModel && d.score === null && d.modelVersion === null)).toBe(true);
    expect(nm.every((d) => d.reasons.some((r) => r.code === 'NO_MODEL'))).toBe(true);
    const s = shares(nm);
    expect(s.selected).toBeCloseTo(0.15, 2);
    expect(Math.abs(s.red - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(s.control - 0.01)).toBeLessThan(0.003);
    const aeo = nm.filter((d) => d.basis.traderAeo);
    const other = nm.filter((d) => !d.basis.traderAeo);
    expect(rate(aeo, (d) => d.lane !== 'green')).toBeLessThan(rate(other, (d) => d.lane !== 'green'));
  });

  it('meets a budget counted in items', () => {
    const byItems = run({ ...policy, unit: 'items' }, inputs);
    const s = shares(byItems, (d) => d.basis.weight);
    expect(s.selected).toBeCloseTo(0.15, 2);
    expect(Math.abs(s.red - 0.05)).toBeLessThan(0.006);
  });

  it('replays any single stored decision from its recorded basis', () => {
    for (const i of [0, 2500, 9999, 19_999])
      expect(selectLane(inputs[i]!, policy, calibrationOf(ds[i]!.basis))).toEqual(ds[i]);
  });

  it('gives the same decisions on a replay', () => {
    const again = run(policy, inputs.slice(0, 3000));
    expect(again).toEqual(ds.slice(0, 3000));
  });
});
