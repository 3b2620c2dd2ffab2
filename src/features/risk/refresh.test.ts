import { describe, expect, it } from 'vitest';
import { emptyRegistry, type RegistryState } from '../../modules/risk/index.ts';
import { refreshRiskCaches } from './refresh.ts';

function fakeRisk(active: string | null, serving: string | null) {
  const calls: string[] = [];
  const registry: RegistryState = { ...emptyRegistry(), active };
  return {
    calls,
    risk: {
      reloadRules: async () => void calls.push('rules'),
      reloadPolicy: async () => void calls.push('policy'),
      reloadModel: async () => void calls.push('model'),
      registry: async () => registry,
      modelVersion: () => serving,
    },
  };
}

describe('risk cache refresh on other nodes', () => {
  it('re-reads rules and policy every time but the model only when another version became active', async () => {
    const same = fakeRisk('gbdt-1', 'gbdt-1');
    await refreshRiskCaches(same.risk);
    expect(same.calls).toEqual(['rules', 'policy']);
    const promoted = fakeRisk('gbdt-2', 'gbdt-1');
    await refreshRiskCaches(promoted.risk);
    expect(promoted.calls).toEqual(['rules', 'policy', 'model']);
    const rolledBackToNone = fakeRisk(null, 'gbdt-1');
    await refreshRiskCaches(rolledBackToNone.risk);
    expect(rolledBackToNone.calls).toContain('model');
  });
});
