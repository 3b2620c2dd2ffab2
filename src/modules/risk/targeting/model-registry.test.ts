import { describe, expect, it } from 'vitest';
import type { DomainError, Result } from '../../../kernel/index.ts';
import {
  activeModel,
  applyRegistry,
  emptyRegistry,
  type RegistryAction,
  type RegistryState,
} from './model-registry.ts';

const meta = { at: '2026-11-23T10:00:00Z', by: 'analyst-1' };
const run = (actions: RegistryAction[], s: RegistryState = emptyRegistry()): Result<RegistryState, DomainError> => {
  let r: Result<RegistryState, DomainError> = { ok: true, value: s };
  for (const a of actions) {
    if (!r.ok) return r;
    r = applyRegistry(r.value, a, meta);
  }
  return r;
};
const must = (r: Result<RegistryState, DomainError>): RegistryState => {
  if (!r.ok) throw r.error;
  return r.value;
};
const code = (r: Result<RegistryState, DomainError>) => (r.ok ? 'ok' : r.error.code);
const statuses = (s: RegistryState) => Object.fromEntries(s.versions.map((v) => [v.version, v.status]));

const three: RegistryAction[] = [
  { type: 'register', version: 'm1', metrics: { auc: 0.9 } },
  { type: 'register', version: 'm2', metrics: { auc: 0.92 } },
  { type: 'register', version: 'm3', metrics: { auc: 0.88 } },
  { type: 'promote', version: 'm1' },
  { type: 'promote', version: 'm2' },
];

describe('model registry', () => {
  it('registers versions as candidates with their metrics', () => {
    const s = must(run(three.slice(0, 1)));
    expect(s.versions).toEqual([{ version: 'm1', createdAt: meta.at, metrics: { auc: 0.9 }, status: 'candidate' }]);
    expect(activeModel(s)).toBeUndefined();
  });

  it('keeps one active version; promoting retires the one before', () => {
    const s = must(run(three));
    expect(statuses(s)).toEqual({ m1: 'retired', m2: 'active', m3: 'candidate' });
    expect(activeModel(s)?.version).toBe('m2');
  });

  it('rolls back to the model that served before, and again', () => {
    const once = must(run([...three, { type: 'rollback' }]));
    expect(statuses(once)).toEqual({ m1: 'active', m2: 'retired', m3: 'candidate' });
    expect(code(run([{ type: 'rollback' }], once))).toBe('RISK.NO_PREVIOUS_MODEL');
  });

  it('rolls back to the previously active model, not the newest older one', () => {
    const s = must(run([...three, { type: 'promote', version: 'm1' }, { type: 'rollback' }]));
    expect(activeModel(s)?.version).toBe('m2');
  });

  it('refuses duplicates, unknown versions, promoting a rejected or active one, and rejecting an active one', () => {
    expect(code(run([...three, { type: 'register', version: 'm1', metrics: {} }]))).toBe('RISK.MODEL_VERSION_EXISTS');
    expect(code(run([...three, { type: 'promote', version: 'm9' }]))).toBe('RISK.MODEL_VERSION_UNKNOWN');
    expect(code(run([...three, { type: 'promote', version: 'm2' }]))).toBe('RISK.MODEL_NOT_PROMOTABLE');
    expect(code(run([...three, { type: 'reject', version: 'm3' }, { type: 'promote', version: 'm3' }]))).toBe(
      'RISK.MODEL_NOT_PROMOTABLE',
    );
    expect(code(run([...three, { type: 'reject', version: 'm2' }]))).toBe('RISK.MODEL_NOT_PROMOTABLE');
  });

  it('logs every action with who and when', () => {
    const s = must(run([...three, { type: 'rollback' }]));
    expect(s.log.map((l) => [l.action, l.version])).toEqual([
      ['register', 'm1'],
      ['register', 'm2'],
      ['register', 'm3'],
      ['promote', 'm1'],
      ['promote', 'm2'],
      ['rollback', 'm1'],
    ]);
    expect(s.log[0]).toMatchObject({ by: 'analyst-1', at: meta.at });
  });
});
