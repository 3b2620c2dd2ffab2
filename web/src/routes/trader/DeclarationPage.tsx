import { useEffect } from 'react';
import { Link } from '../../app/router.tsx';
import { AssessmentView } from '../../components/AssessmentView.tsx';
import { Documents } from '../../components/Documents.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { History } from '../../components/History.tsx';
import { LaneBadge, StatusTag } from '../../components/status.tsx';
import { useDeclaration } from '../../components/use-declaration.ts';
import { PENDING, type DeclarationView, type HistoryEvent } from '../../components/declaration-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { serverText } from '../../i18n/server-text.ts';
import { agreementName, groupDecimal } from '../../components/tariff.ts';
import { UNIT_KEYS } from './declaration-form.ts';
import { authorityEn, LAW_CODES, lawName, nextSteps, type Permit } from './next-steps.ts';

/** Statuses the API lets a trader amend (src/modules/declarations/lifecycle.ts). */
export const AMENDABLE = new Set(['draft', 'submitted', 'accepted', 'assessed', 'lane_assigned', 'held']);
const CLOSED = new Set(['released', 'rejected']);

/** The officer's words of the last hold or rejection: what the trader is told to act on. */
export function lastReason(events: readonly HistoryEvent[] | undefined, status: string): string | null {
  const e = [...(events ?? [])].reverse().find((x) => x.type === status);
  return typeof e?.payload['reason'] === 'string' ? e.payload['reason'] : null;
}

/** The trader's view: status, what to do, what was declared, documents, duty and history — never why it was selected. */
export default function DeclarationPage({ params }: { params: Record<string, string> }) {
  const { t, yen, lang } = useI18n();
  const { decl, history } = useDeclaration(params['id'] ?? '');
  const d = decl.data;
  useEffect(() => {
    document.title = `${t('trader.detail.title')} ${d?.lrn ?? ''} — ${t('app.name')}`;
  }, [t, d?.lrn]);
  const todo = d
    ? nextSteps({
        status: d.status,
        lane: d.lane,
        owedYen: d.assessment?.totalYen,
        paidYen: d.assessment?.paidYen,
        assessmentFailed: Boolean(d.assessment?.problems),
        warnings: d.warnings,
        reason: lastReason(history.data?.events, d.status),
      })
    : null;
  return (
    <>
      <p>
        <Link href="/trader">← {t('nav.myDeclarations')}</Link>
      </p>
      <h1>
        <span className="caption">{t('trader.detail.title')}</span> {d?.lrn ?? params['id']}
      </h1>
      <ApiErrorBanner error={decl.error} />
      {d && todo ? (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('decl.id')}</dt>
              <dd>
                <code>{d.id}</code> <span className="hint">{t('goods.version', { version: d.version })}</span>
              </dd>
            </div>
            <div>
              <dt>{t('decl.status')}</dt>
              <dd data-testid="status">
                <StatusTag status={d.status} />
                {PENDING.has(d.status) ? <span className="hint"> {t('decl.processing')}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t('decl.lane')}</dt>
              <dd data-testid="lane">
                <LaneBadge lane={d.lane} />
              </dd>
            </div>
            {d.assessment?.totalYen !== undefined ? (
              <div>
                <dt>{t('decl.owed')}</dt>
                <dd>
                  {yen(d.assessment.totalYen)}
                  {d.assessment.paidYen ? ` (${t('decl.paid', { amount: yen(d.assessment.paidYen) })})` : null}
                </dd>
              </div>
            ) : null}
          </dl>
          <div className="inset" data-testid="requested" data-nothing={todo.nothing ? 'true' : 'false'}>
            <h2>{t('decl.requested')}</h2>
            <ul className="steps">
              {todo.steps.map((s, i) => (
                <li key={i} data-step={s.key}>
                  {t(s.key, s.vars && typeof s.vars['amount'] === 'number' ? { ...s.vars, amount: yen(s.vars['amount']) } : s.vars)}
                </li>
              ))}
            </ul>
            {todo.permits.length > 0 ? <PermitTable permits={todo.permits} /> : null}
            {d.howToContest && !todo.nothing ? <p className="hint">{t('todo.contest')}</p> : null}
          </div>
          {AMENDABLE.has(d.status) ? (
            <p>
              <Link href={`/trader/declarations/${encodeURIComponent(d.id)}/amend`} className="button button--secondary">
                {t('amend.action')}
              </Link>
            </p>
          ) : null}
          {d.assessment?.problems ? (
            <div className="banner banner--error" role="alert">
              <h2>{t('decl.assessmentFailed')}</h2>
              <ul>
                {d.assessment.problems.map((p, i) => (
                  <li key={i}>
                    {p.path}: {serverText(lang, p)} <code className="code">{p.code}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.warnings.length > 0 ? (
            <div className="inset">
              <h2>{t('decl.warnings')}</h2>
              <ul>
                {d.warnings.map((w, i) => {
                  const item = /^\$\.items\[(\d+)\]/.exec(w.path);
                  const text =
                    w.permits && item ? t('todo.permitWarning', { n: Number(item[1]) + 1, codes: w.permits.map((p) => p.code).join(', ') }) : serverText(lang, w);
                  return (
                    <li key={i}>
                      {text} <code className="code">{w.code}</code>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
          <Documents declarationId={d.id} canSend={!CLOSED.has(d.status)} highlight={todo.sendDocuments} />
          <DeclaredGoods d={d} />
          {d.assessment && !d.assessment.problems ? (
            <section aria-labelledby="duty-title">
              <h2 id="duty-title">{t('decl.duty')}</h2>
              <AssessmentView assessment={d.assessment} />
            </section>
          ) : null}
          <h2>{t('decl.history')}</h2>
          {history.data ? <History events={history.data.events} showPayload={false} /> : null}
        </>
      ) : null}
    </>
  );
}

/** Which permits, under which law, from which authority, and what customs asks to see. */
function PermitTable({ permits }: { permits: readonly Permit[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table data-testid="permits">
        <thead>
          <tr>
            <th scope="col">{t('todo.permit.code')}</th>
            <th scope="col">{t('todo.permit.law')}</th>
            <th scope="col">{t('todo.permit.authority')}</th>
            <th scope="col">{t('todo.permit.documents')}</th>
          </tr>
        </thead>
        <tbody>
          {permits.map((p) => {
            const lawKey = `todo.law.${p.code}` as MessageKey;
            const authorities = lang === 'ja' ? [] : authorityEn(p.ministry ?? '');
            return (
              <tr key={p.code} data-permit={p.code}>
                <td>
                  <code>{p.code}</code>
                </td>
                <td>{LAW_CODES.has(p.code) ? t(lawKey) : <span lang="ja">{lawName(p.law)}</span>}</td>
                <td>
                  {authorities.length > 0 ? <span>{authorities.join(' / ')}</span> : null}
                  {p.ministry ? (
                    <span lang="ja" className={authorities.length > 0 ? 'hint' : undefined}>
                      {authorities.length > 0 ? ` (${p.ministry})` : p.ministry}
                    </span>
                  ) : null}
                </td>
                <td>
                  <span lang="ja">{p.documents}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The goods as filed (this version): the trader checks here what customs is assessing. */
function DeclaredGoods({ d }: { d: DeclarationView }) {
  const { t, lang } = useI18n();
  const data = d.data;
  const unit = (u: string) => (UNIT_KEYS.has(u) ? `${t(`unit.${u}` as MessageKey)}` : u);
  const trader = data.kind === 'export' ? data.exporter : data.importer;
  const other = data.kind === 'export' ? data.buyer : data.seller;
  return (
    <section aria-labelledby="goods-title" data-testid="declared-goods">
      <h2 id="goods-title">
        {t('goods.title')} <span className="hint">{t('goods.version', { version: d.version })}</span>
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t('goods.parties')}</dt>
          <dd>
            {[data.declarant.name, trader?.name, other?.name ? `${other.name}${other.country ? ` (${other.country})` : ''}` : null].filter(Boolean).join(' · ')}
          </dd>
        </div>
        <div>
          <dt>{t('goods.transport')}</dt>
          <dd>
            {t('goods.transportLine', { mode: t(`mode.${data.transport.mode}` as MessageKey), date: data.transport.date, port: data.transport.port })}
            {data.transport.transportDocument ? ` · ${data.transport.transportDocument.type} ${data.transport.transportDocument.number}` : ''}
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('goods.code')}</th>
              <th scope="col">{t('goods.description')}</th>
              <th scope="col">{t('goods.origin')}</th>
              <th scope="col">{t('goods.quantities')}</th>
              <th scope="col">{t('goods.netMass')}</th>
              <th scope="col">{t('goods.value')}</th>
              <th scope="col">{t('goods.preference')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((it, i) => (
              <tr key={i} data-testid="declared-item">
                <td>{i + 1}</td>
                <td className="code9-cell">
                  <Link href={`/tariff/${it.code9}`}>{`${it.code9.slice(0, 4)}.${it.code9.slice(4, 6)}-${it.code9.slice(6)}`}</Link>
                </td>
                <td>{it.description}</td>
                <td>{it.originCountry}</td>
                <td data-testid="declared-quantities">
                  {(it.quantities ?? []).map((q, j) => (
                    <div key={j}>
                      {groupDecimal(q.amount)} {unit(q.unit)} <span className="hint">({q.unit})</span>
                    </div>
                  ))}
                </td>
                <td>{it.netMassKg ? `${groupDecimal(it.netMassKg)} kg` : '—'}</td>
                <td>
                  {it.invoiceValue.currency} {groupDecimal(it.invoiceValue.amount)}
                </td>
                <td>{it.preference ? agreementName(it.preference, lang) : t('f.preference.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
