import { DomainError, newId, type Problem } from '../kernel/index.ts';
import {
  DeclarationErrors as E,
  canApply,
  validateDeclaration,
  type Action,
  type Declaration,
  type DeclarationEvent,
  type DeclarationInput,
  type DeclarationStatus,
  type Lane,
  type ValidationDeps,
} from '../modules/declarations/index.ts';
import type { DeclarationsRepo, ListFilter, NewEvent } from '../adapters/store/declarations.repo.ts';
import type { AssessmentOutcome, AssessmentPort, RiskPort } from './ports.ts';

export interface Actor {
  readonly id: string;
  readonly role: string;
}

export interface DeclarationServiceDeps {
  readonly repo: DeclarationsRepo;
  readonly validation: () => ValidationDeps;
  readonly assessment?: AssessmentPort | undefined;
  readonly risk?: RiskPort | undefined;
  /** Called after each committed change so the outbox relay publishes promptly. */
  readonly onChange?: () => void;
  readonly today?: () => string;
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
export class DeclarationService {
  constructor(private readonly deps: DeclarationServiceDeps) {}

  private invalid(problems: Problem[]): DomainError {
    return E.invalid(`The declaration has ${problems.length} problem(s)`, { problems });
  }

  async create(input: DeclarationInput, actor: Actor, submit: boolean): Promise<Declaration> {
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
  ): Promise<Declaration> {
    const updated = await this.deps.repo.update(id, (d) => {
      if (!canApply(action, d.status)) {
        throw E.invalidTransition(`Cannot ${action.replace('_', ' ')} a declaration that is ${d.status}`, { status: d.status, action });
      }
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
    await this.transition(id, 'submit', actor, () => ({ patch: { status: 'submitted' } }), 'submitted');
    return this.process(id);
  }

  /**
   * The automatic steps from the current status as far as the wired modules allow: acceptance (the id is the
   * number), assessment, risk and lane; a green declaration owing nothing is released. Pure apart from the modules'
   * computations; the caller stores the patch and the events in one transaction.
   */
  private async advance(d: Declaration): Promise<{ patch: Partial<Declaration>; events: NewEvent[] }> {
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
      const decision = await this.deps.risk.decide(cur, outcome);
      step('lane_assigned', 'assessed', 'lane_assigned', { lane: decision.lane, risk: decision.detail });
      set({ status: 'lane_assigned', lane: decision.lane, risk: decision.detail });
      if (decision.lane === 'green' && outcome.totalYen === 0) {
        step('released', 'lane_assigned', 'released', { reason: 'green lane, nothing owed' });
        set({ status: 'released' });
      }
    }
    return { patch: diff(d, cur), events };
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

  async amend(id: string, input: DeclarationInput, actor: Actor): Promise<Declaration> {
    const { problems, warnings } = validateDeclaration(input, this.deps.validation());
    if (problems.length > 0) throw this.invalid(problems);
    const amended = await this.transition(id, 'amend', actor, (d) => ({
      patch: {
        data: input,
        version: d.version + 1,
        warnings,
        lrn: input.lrn ?? d.lrn,
        status: d.status === 'draft' ? 'draft' : 'submitted',
        lane: null,
        assessment: null,
        risk: null,
      },
      payload: { version: d.version + 1 },
    }), 'amended');
    return amended.status === 'submitted' ? this.process(id) : amended;
  }

  async decide(id: string, decision: OfficerDecision, reason: string, actor: Actor): Promise<Declaration> {
    if (reason.trim() === '') throw E.reasonRequired();
    const to: Record<OfficerDecision, DeclarationStatus> = { release: 'released', hold: 'held', reject: 'rejected' };
    const d = await this.get(id);
    if (decision === 'release' && d.lane === 'green') {
      const owed = (d.assessment as { totalYen?: number } | null)?.totalYen ?? 0;
      const paid = (d.assessment as { paidYen?: number } | null)?.paidYen ?? 0;
      if (owed > paid) throw E.invalidTransition(`¥${owed - paid} is still owed; record the payment first`, { owedYen: owed - paid });
    }
    return this.transition(id, decision, actor, () => ({ patch: { status: to[decision] }, payload: { reason } }), to[decision]);
  }

  /** Records a payment; a green declaration that then owes nothing is released. */
  async recordPayment(id: string, amountYen: number, reference: string, actor: Actor): Promise<Declaration> {
    let released = false;
    const updated = await this.transition(id, 'record_payment', actor, (d) => {
      const a = (d.assessment ?? {}) as { totalYen?: number; paidYen?: number };
      const paidYen = (a.paidYen ?? 0) + amountYen;
      released = d.lane === 'green' && paidYen >= (a.totalYen ?? 0);
      return { patch: { assessment: { ...a, paidYen } }, payload: { amountYen, reference, paidYen } };
    }, 'payment_recorded');
    if (!released) return updated;
    return this.transition(id, 'release', { id: 'system', role: 'system' }, () => ({ patch: { status: 'released' }, payload: { reason: 'paid in full, green lane' } }), 'released');
  }

  static lanes: readonly Lane[] = ['green', 'yellow', 'red'];
}
