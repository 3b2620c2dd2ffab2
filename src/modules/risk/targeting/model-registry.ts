import { Type, type Static } from '@sinclair/typebox';
import { err, ok, type DomainError, type Result } from '../../../kernel/index.ts';
import { TargetingErrors as E } from './errors.ts';

/**
 * The model registry as a pure state machine over a list of versions; the caller stores the state and the log.
 * At most one version is active. Promoting pushes the active one onto a stack so that roll back returns to exactly
 * the model that served before — not merely the newest older one.
 *
 *   candidate ──promote──► active ──(another promoted / roll back)──► retired ──promote──► active
 *   candidate ──reject───► rejected
 */
const status = Type.Union([
  Type.Literal('candidate'),
  Type.Literal('active'),
  Type.Literal('retired'),
  Type.Literal('rejected'),
]);
export const RegisteredModelSchema = Type.Object({
  version: Type.String(),
  createdAt: Type.String(),
  /** Validation metrics of the fit, e.g. precisionAt5, auc, controlPrecision. */
  metrics: Type.Record(Type.String(), Type.Number()),
  status,
});
export const RegistryActionSchema = Type.Union([
  Type.Object({
    type: Type.Literal('register'),
    version: Type.String({ minLength: 1 }),
    metrics: Type.Record(Type.String(), Type.Number()),
  }),
  Type.Object({ type: Type.Literal('promote'), version: Type.String() }),
  Type.Object({ type: Type.Literal('reject'), version: Type.String() }),
  Type.Object({ type: Type.Literal('rollback') }),
]);
export const RegistryStateSchema = Type.Object({
  versions: Type.Array(RegisteredModelSchema),
  active: Type.Union([Type.String(), Type.Null()]),
  /** Previously active versions, most recent last. */
  previous: Type.Array(Type.String()),
  log: Type.Array(
    Type.Object({
      action: Type.String(),
      version: Type.Union([Type.String(), Type.Null()]),
      at: Type.String(),
      by: Type.String(),
    }),
  ),
});
export type ModelStatus = Static<typeof status>;
export type RegisteredModel = Static<typeof RegisteredModelSchema>;
export type RegistryAction = Static<typeof RegistryActionSchema>;
export type RegistryState = Static<typeof RegistryStateSchema>;

export const emptyRegistry = (): RegistryState => ({ versions: [], active: null, previous: [], log: [] });

export function applyRegistry(
  s: RegistryState,
  a: RegistryAction,
  meta: { readonly at: string; readonly by: string },
): Result<RegistryState, DomainError> {
  const find = (v: string) => s.versions.find((x) => x.version === v);
  const setStatus = (vs: readonly RegisteredModel[], changes: Record<string, ModelStatus>) =>
    vs.map((x) => (changes[x.version] ? { ...x, status: changes[x.version]! } : x));
  const logged = (next: Omit<RegistryState, 'log'>, version: string | null): RegistryState => ({
    ...next,
    log: [...s.log, { action: a.type, version, ...meta }],
  });

  switch (a.type) {
    case 'register': {
      if (find(a.version)) return err(E.modelVersionExists(`Model ${a.version} is already registered`));
      const v: RegisteredModel = {
        version: a.version,
        createdAt: meta.at,
        metrics: { ...a.metrics },
        status: 'candidate',
      };
      return ok(logged({ ...s, versions: [...s.versions, v] }, a.version));
    }
    case 'promote': {
      const v = find(a.version);
      if (!v) return err(E.modelVersionUnknown(`No model ${a.version}`));
      if (v.status !== 'candidate' && v.status !== 'retired')
        return err(E.modelNotPromotable(undefined, { status: v.status }));
      const changes: Record<string, ModelStatus> = { [a.version]: 'active' };
      if (s.active !== null) changes[s.active] = 'retired';
      const previous = s.active === null ? s.previous : [...s.previous, s.active];
      return ok(logged({ versions: setStatus(s.versions, changes), active: a.version, previous }, a.version));
    }
    case 'reject': {
      const v = find(a.version);
      if (!v) return err(E.modelVersionUnknown(`No model ${a.version}`));
      if (v.status !== 'candidate')
        return err(E.modelNotPromotable('Only a candidate can be rejected', { status: v.status }));
      return ok(logged({ ...s, versions: setStatus(s.versions, { [a.version]: 'rejected' }) }, a.version));
    }
    case 'rollback': {
      const back = s.previous.at(-1);
      if (s.active === null || back === undefined) return err(E.noPreviousModel());
      const versions = setStatus(s.versions, { [s.active]: 'retired', [back]: 'active' });
      return ok(logged({ versions, active: back, previous: s.previous.slice(0, -1) }, back));
    }
  }
}

export const activeModel = (s: RegistryState): RegisteredModel | undefined =>
  s.active === null ? undefined : s.versions.find((v) => v.version === s.active);
