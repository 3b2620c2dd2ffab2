import { DomainError, newId, type Problem } from '../kernel/index.ts';
import {
  DeclarationErrors as E,
  MAX_AMENDMENTS,
  canApply,
  dataChanges,
  stricterLane,
  validateDeclaration,
  withOfficer,
  type Action,
  type Declaration,
  type DeclarationEvent,
  type DeclarationInput,
  type DeclarationStatus,
  type Lane,
  type ValidationDeps,
} from '../modules/declarations/index.ts';
import type { Db } from '../adapters/store/connect.ts';
import type { DeclarationsRepo, ListFilter, NewEvent } from '../adapters/store/declarations.repo.ts';
import type { AssessmentOutcome, AssessmentPort, RiskPort } from './ports.ts';

export interface Actor {
  readonly id: string;
  readonly role: string;
}

/**
 * The versions a request says it acted on (an `If-Match` header, an `expectedVersion` field): each must be the
 * current version, or the request is refused with DECLARATION.VERSION_CONFLICT. Empty: no check.
 */
export type ExpectedVersions = readonly number[];

/** The changes an amendment made, for the history; beyond CHANGES_SHOWN the event says the list was cut. */
const CHANGES_SHOWN = 200;
function changesOf(before: DeclarationInput, after: DeclarationInput): { changes: unknown[]; changesTruncated?: true } {
  const changes = dataChanges(before, after, CHANGES_SHOWN + 1);
  return changes.length > CHANGES_SHOWN ? { changes: changes.slice(0, CHANGES_SHOWN), changesTruncated: true } : { changes };
}

function checkVersion(d: Declaration, expected: ExpectedVersions): void {
  const stale = expected.find((v) => v !== d.version);
  if (stale === undefined) return;
  throw E.versionConflict(`The declaration is at version ${d.version}; this was made on version ${stale}. Reload it and decide again.`, {
    currentVersion: d.version,
    expectedVersion: stale,
  });
}

export interface DeclarationServiceDeps {
  readonly repo: DeclarationsRepo;
  readonly validation: () => ValidationDeps;
  readonly assessment?: AssessmentPort | undefined;
  readonly risk?: RiskPort | undefined;
  /** Called after each committed change so the outbox relay publishes promptly. */
  readonly onChange?: () => void;
  readonly today?: () => string;
  /** The parties a trader may declare for (its own and those that authorised it); unset: no restriction. */
  readonly declarableParties?: (principalId: string) => Promise<ReadonlySet<string>>;
}

export type OfficerDecision = 'release' | 'hold' | 'reject';

const PENDING: readonly DeclarationStatus[] = ['submitted', 'accepted', 'assessed'];

/** The fields of `next` that differ from `base` (what to write). */
function diff(base: Declaration, next: Declaration): Partial<Declaration> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof Declaration)[]) if (next[k] !== base[k]) out[k] = next[k];
  return out as Partial<Declaration>;
}

/**
 * The declaration spine: create → submit → accept → assess → lane → release / hold / reject. Every transition is an
 * event on the history and, through the outbox, on the bus. Without an assessment module a declaration stops at
 * `accepted`; without a risk module it stops at `assessed` — never a placeholder amount or a fake lane.
 */
/** The declaration changed between a payment and its automatic release: nothing to release. */
class NotReleasable extends Error {}

export class DeclarationService {
  constructor(private readonly deps: DeclarationServiceDeps) {}

  private invalid(problems: Problem[]): DomainError {
    return E.invalid(`The declaration has ${problems.length} problem(s)`, { problems });
  }

  /**
   * A trader declares for its own party or for parties that authorised it as broker: naming another registered party
   * (an AEO operator, say) would borrow its treatment. Checked before validation, so the answer never says whether
   * an id it may not use exists. Officers and administrators act for the customs office and are not bound.
   */
  private async checkParties(input: DeclarationInput, actor: Actor): Promise<void> {
    if (actor.role !== 'trader' || !this.deps.declarableParties) return;
    const trader = input.kind === 'import' ? ['$.importer.partyId', input.importer?.partyId] : ['$.exporter.partyId', input.exporter?.partyId];
    const named = [['$.declarant.partyId', input.declarant.partyId], trader].filter((n): n is [string, string] => n[1] !== undefined);
    if (named.length === 0) return;
    const allowed = await this.deps.declarableParties(actor.id);
    const problems = named
      .filter(([, partyId]) => !allowed.has(partyId))
      .map(([path, partyId]) => E.partyNotAuthorised.problem(path, `You may not declare for party "${partyId}"`, { partyId }));
    if (problems.length > 0) throw E.partyNotAuthorised(undefined, { problems });
  }

  async create(input: DeclarationInput, actor: Actor, submit: boolean): Promise<Declaration> {
    await this.checkParties(input, actor);
    const { problems, warnings } = validateDeclaration(input, this.deps.validation());
    if (problems.length > 0) throw this.invalid(problems);
    const draft: Declaration = {
      id: newId('dcl'),
      kind: input.kind,
      status: 'draft',
      version: 1,
      ownerId: actor.id,
      lrn: input.lrn ?? null,
      data: input,
      lane: null,
      assessment: null,
      paidYen: 0,
      risk: null,
      warnings,
      createdAt: '',
      updatedAt: '',
    };
    const events: NewEvent[] = [{ type: 'created', actor: actor.id, payload: { version: 1 } }];
    let state = draft;
    if (submit) {
      // Submission, acceptance, assessment and lane are decided in memory and stored in the same transaction as the
      // creation: one round trip, and a 2xx always means the whole way so far is durable.
      events.push({ type: 'submitted', actor: actor.id, payload: { from: 'draft', to: 'submitted' } });
      const plan = await this.advance({ ...draft, status: 'submitted' });
      state = { ...draft, status: 'submitted', ...plan.patch };
      events.push(...plan.events);
    }
    const created = await this.deps.repo.create(state, events);
    this.deps.onChange?.();
    return created;
  }

  async get(id: string): Promise<Declaration> {
    const d = await this.deps.repo.get(id);
    if (!d) throw E.notFound(`No declaration "${id}"`, { id });
    return d;
  }

  history(id: string): Promise<DeclarationEvent[]> {
    return this.deps.repo.history(id);
  }

  countByLane(filter: Parameters<DeclarationsRepo['countByLane']>[0]): ReturnType<DeclarationsRepo['countByLane']> {
    return this.deps.repo.countByLane(filter);
  }

  list(filter: ListFilter): Promise<Declaration[]> {
    return this.deps.repo.list(filter);
  }

  private async transition(
    id: string,
    action: Action,
    actor: Actor,
    build: (d: Declaration) => { patch: Partial<Declaration>; payload?: Record<string, unknown> },
    type: string = action,
    expected: ExpectedVersions = [],
  ): Promise<Declaration> {
    const updated = await this.deps.repo.update(id, (d) => {
      if (!canApply(action, d.status)) {
        throw E.invalidTransition(`Cannot ${action.replace('_', ' ')} a declaration that is ${d.status}`, { status: d.status, action });
      }
      checkVersion(d, expected);
      const { patch, payload } = build(d);
      const event: NewEvent = { type, actor: actor.id, payload: { from: d.status, to: patch.status ?? d.status, ...payload } };
      return { patch, event };
    });
    if (!updated) throw E.notFound(`No declaration "${id}"`, { id });
    this.deps.onChange?.();
    return updated;
  }

  /** Submits and runs the automatic steps as far as the wired modules allow. */
  async submit(id: string, actor: Actor): Promise<Declaration> {
    // A draft is checked again: an authorisation may have been withdrawn since it was saved.
    const draft = await this.deps.repo.get(id);
    if (draft) await this.checkParties(draft.data, actor);
    await this.transition(id, 'submit', actor, () => ({ patch: { status: 'submitted' } }), 'submitted');
    return this.process(id);
  }

  /**
   * The automatic steps from the current status as far as the wired modules allow: acceptance (the id is the
   * number), assessment, risk and lane; a green declaration owing nothing is released. The lane is never below
   * `floor` (the lane an amended declaration had). Pure apart from the modules' computations; the caller stores the
   * patch and the events in one transaction.
   */
  private async advance(d: Declaration, floor: Lane | null = null): Promise<{ patch: Partial<Declaration>; events: NewEvent[] }> {
    const events: NewEvent[] = [];
    const step = (type: string, from: DeclarationStatus, to: DeclarationStatus, payload: Record<string, unknown> = {}): void => {
      events.push({ type, actor: 'system', payload: { from, to, ...payload } });
    };
    let cur: Declaration = d;
    const set = (p: Partial<Declaration>): void => {
      cur = { ...cur, ...p };
    };
    if (cur.status === 'submitted') {
      const { problems, warnings } = validateDeclaration(cur.data, this.deps.validation());
      if (problems.length > 0) {
        step('rejected', 'submitted', 'rejected', { problems });
        set({ status: 'rejected' });
        return { patch: diff(d, cur), events };
      }
      step('accepted', 'submitted', 'accepted');
      set({ status: 'accepted', warnings });
    }
    let outcome: AssessmentOutcome | undefined;
    if (cur.status === 'accepted' && this.deps.assessment) {
      const r = this.deps.assessment.assess(cur.data, this.deps.today?.() ?? new Date().toISOString().slice(0, 10));
      if (!r.ok) {
        // Stays accepted: a corrected exchange-rate table or an officer can resume it; the problems are on the history.
        events.push({ type: 'assessment_failed', actor: 'system', payload: { problems: r.error, version: cur.version } });
        set({ assessment: { problems: r.error } });
        return { patch: diff(d, cur), events };
      }
      outcome = r.value;
      step('assessed', 'accepted', 'assessed', { totalYen: r.value.totalYen });
      set({ status: 'assessed', assessment: { totalYen: r.value.totalYen, ...(r.value.detail as object) } });
    }
    if (cur.status === 'assessed' && this.deps.risk) {
      outcome ??= { totalYen: (cur.assessment as { totalYen?: number } | null)?.totalYen ?? 0, detail: cur.assessment };
      const { lane, risk } = await this.select(cur, outcome, floor);
      step('lane_assigned', 'assessed', 'lane_assigned', { lane, risk });
      set({ status: 'lane_assigned', lane, risk });
      if (lane === 'green' && outcome.totalYen <= cur.paidYen) {
        step('released', 'lane_assigned', 'released', { reason: outcome.totalYen === 0 ? 'green lane, nothing owed' : 'green lane, paid in full' });
        set({ status: 'released' });
      }
    }
    return { patch: diff(d, cur), events };
  }

  /**
   * Targeting's lane, raised to `floor`. When the floor decides, the risk detail (officers only) says so; the lane the
   * trader sees is the same either way, so amending cannot reveal what targeting looks at.
   */
  private async select(d: Declaration, outcome: AssessmentOutcome, floor: Lane | null): Promise<{ lane: Lane; risk: unknown }> {
    const decision = await this.deps.risk!.decide(d, outcome);
    const lane = stricterLane(floor, decision.lane) ?? decision.lane;
    if (lane === decision.lane) return { lane, risk: decision.detail };
    const detail = decision.detail !== null && typeof decision.detail === 'object' ? decision.detail : { selection: decision.detail };
    return { lane, risk: { ...detail, laneKept: { lane, selected: decision.lane, reason: 'an amendment never lowers the lane' } } };
  }

  /**
   * An amendment of a declaration that is with the officer: the new version is assessed and targeted again where it
   * stands — the status stays (held, or in its lane), the lane never goes down, nothing is released automatically.
   * If the new version cannot be assessed, the previous lane and risk stay and the problems go on the history.
   */
  private async reevaluate(d: Declaration): Promise<{ state: Declaration; events: NewEvent[] }> {
    const events: NewEvent[] = [];
    let cur = d;
    const at = { from: d.status, to: d.status };
    // Without an assessment module the previous version's figures would mislead: none is better.
    if (!this.deps.assessment) return { state: { ...cur, assessment: null }, events };
    const r = this.deps.assessment.assess(cur.data, this.deps.today?.() ?? new Date().toISOString().slice(0, 10));
    if (!r.ok) {
      events.push({ type: 'assessment_failed', actor: 'system', payload: { ...at, problems: r.error, version: cur.version } });
      return { state: { ...cur, assessment: { problems: r.error } }, events };
    }
    events.push({ type: 'assessed', actor: 'system', payload: { ...at, totalYen: r.value.totalYen } });
    cur = { ...cur, assessment: { totalYen: r.value.totalYen, ...(r.value.detail as object) } };
    if (!this.deps.risk) return { state: cur, events };
    const { lane, risk } = await this.select(cur, r.value, d.lane);
    events.push({ type: 'lane_assigned', actor: 'system', payload: { ...at, lane, risk } });
    return { state: { ...cur, lane, risk }, events };
  }

  /** Runs the automatic steps on a stored declaration (after a draft is submitted, an amendment, or a crash). */
  async process(id: string): Promise<Declaration> {
    const updated = await this.deps.repo.update(id, async (cur) => {
      if (!PENDING.includes(cur.status) || (cur.status === 'accepted' && cur.assessment !== null && !this.deps.assessment)) {
        return { patch: {} };
      }
      return this.advance(cur);
    });
    if (!updated) throw E.notFound(`No declaration "${id}"`, { id });
    this.deps.onChange?.();
    return updated;
  }

  /** Resumes declarations a crash left between steps. */
  async resumePending(): Promise<number> {
    const ids = await this.deps.repo.pendingIds();
    for (const id of ids) await this.process(id).catch(() => undefined);
    return ids.length;
  }

  /**
   * A new version of the declaration's data. Before anyone selected it, processing restarts (its lane cannot come
   * out lower than before); once an officer holds it or targeting selected it, it stays with the officer (see
   * `reevaluate`). A trader may amend MAX_AMENDMENTS times; each amendment is on the history with who, when and
   * what changed. Payments already received stay. Validation, assessment and lane are stored in one transaction.
   */
  async amend(id: string, input: DeclarationInput, actor: Actor, expected: ExpectedVersions = []): Promise<Declaration> {
    await this.checkParties(input, actor);
    const { problems, warnings } = validateDeclaration(input, this.deps.validation());
    if (problems.length > 0) throw this.invalid(problems);
    const updated = await this.deps.repo.update(id, async (d) => {
      if (!canApply('amend', d.status)) {
        throw E.invalidTransition(`Cannot amend a declaration that is ${d.status}`, { status: d.status, action: 'amend' });
      }
      checkVersion(d, expected);
      // The bound is on traders (who could otherwise probe targeting); the customs office corrects beyond it.
      if (actor.role === 'trader' && d.version - 1 >= MAX_AMENDMENTS) {
        throw E.amendmentLimit(`A declaration may be amended ${MAX_AMENDMENTS} times; ask the customs office to correct it`, { limit: MAX_AMENDMENTS, version: d.version });
      }
      const version = d.version + 1;
      const base: Declaration = { ...d, data: input, version, warnings, lrn: input.lrn ?? d.lrn };
      const amended = (to: DeclarationStatus): NewEvent => ({
        type: 'amended',
        actor: actor.id,
        payload: { from: d.status, to, version, previousVersion: d.version, ...changesOf(d.data, input) },
      });
      if (d.status === 'draft') return { patch: diff(d, base), event: amended('draft') };
      if (withOfficer(d)) {
        const { state, events } = await this.reevaluate(base);
        return { patch: diff(d, state), events: [amended(d.status), ...events] };
      }
      const restarted: Declaration = { ...base, status: 'submitted', lane: null, assessment: null, risk: null };
      const plan = await this.advance(restarted, d.lane);
      return { patch: diff(d, { ...restarted, ...plan.patch }), events: [amended('submitted'), ...plan.events] };
    });
    if (!updated) throw E.notFound(`No declaration "${id}"`, { id });
    this.deps.onChange?.();
    return updated;
  }

  async decide(id: string, decision: OfficerDecision, reason: string, actor: Actor, expected: ExpectedVersions = []): Promise<Declaration> {
    if (reason.trim() === '') throw E.reasonRequired();
    const to: Record<OfficerDecision, DeclarationStatus> = { release: 'released', hold: 'held', reject: 'rejected' };
    return this.transition(
      id,
      decision,
      actor,
      (d) => {
        if (decision === 'release' && d.lane === 'green') {
          const owed = (d.assessment as { totalYen?: number } | null)?.totalYen ?? 0;
          if (owed > d.paidYen) throw E.invalidTransition(`¥${owed - d.paidYen} is still owed; record the payment first`, { owedYen: owed - d.paidYen });
        }
        return { patch: { status: to[decision] }, payload: { reason } };
      },
      to[decision],
      expected,
    );
  }

  /**
   * Records a payment. A green declaration waiting on its payment (lane assigned, not held) that then owes nothing is
   * released — re-checked in the release's own transaction, so a hold, an amendment or a lane change that lands in
   * between keeps it with the officer.
   */
  async recordPayment(id: string, amountYen: number, reference: string, actor: Actor, expected: ExpectedVersions = []): Promise<Declaration> {
    const releasable = (d: Declaration): boolean =>
      d.status === 'lane_assigned' && d.lane === 'green' && d.paidYen >= ((d.assessment as { totalYen?: number } | null)?.totalYen ?? 0);
    const updated = await this.transition(
      id,
      'record_payment',
      actor,
      (d) => {
        const paidYen = d.paidYen + amountYen;
        return { patch: { paidYen }, payload: { amountYen, reference, paidYen } };
      },
      'payment_recorded',
      expected,
    );
    if (!releasable(updated)) return updated;
    try {
      return await this.transition(
        id,
        'release',
        { id: 'system', role: 'system' },
        (d) => {
          if (d.version !== updated.version || !releasable(d)) throw new NotReleasable();
          return { patch: { status: 'released' }, payload: { reason: 'paid in full, green lane' } };
        },
        'released',
      );
    } catch (e) {
      if (e instanceof NotReleasable) return (await this.deps.repo.get(id)) ?? updated;
      throw e;
    }
  }

  /**
   * Records something that is not a change of state (an officer's finding) on the history, checked against the
   * version it was made on; `write` stores its own record in the same transaction and returns it with the event.
   */
  async annotate<T>(
    id: string,
    actor: Actor,
    expected: ExpectedVersions,
    write: (d: Declaration, tx: Db) => Promise<{ type: string; payload: Record<string, unknown>; result: T }>,
  ): Promise<T> {
    let result: T | undefined;
    const updated = await this.deps.repo.update(id, async (d, tx) => {
      checkVersion(d, expected);
      const w = await write(d, tx);
      result = w.result;
      return { patch: {}, event: { type: w.type, actor: actor.id, payload: w.payload } };
    });
    if (!updated) throw E.notFound(`No declaration "${id}"`, { id });
    this.deps.onChange?.();
    return result as T;
  }

  static lanes: readonly Lane[] = ['green', 'yellow', 'red'];
}
