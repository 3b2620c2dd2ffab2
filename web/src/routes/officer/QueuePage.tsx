import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import type { DeclarationView } from '../../components/declaration-types.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { LaneBadge, StatusTag, statusKey } from '../../components/status.tsx';
import { useResource } from '../../api/use-resource.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

type Page = { items: DeclarationView[]; nextCursor: string | null };
type Counts = { lanes: Record<'red' | 'yellow' | 'green' | 'none', number>; total: number };
const LANES = ['', 'red', 'yellow', 'green'] as const;
/** 'open': what still needs an officer (the server's queue=open); '': every status. */
const STATUSES = ['open', '', 'lane_assigned', 'held', 'released', 'rejected', 'accepted', 'assessed'] as const;

/**
 * The work queue. It opens on what needs a decision, every lane, oldest first, with the count of each lane; filters
 * live in the URL so a queue view can be bookmarked and shared (older links with lane/status keep working).
 */
export default function QueuePage() {
  const { t, yen, num } = useI18n();
  const loc = useLocation();
  const lane = loc.query.get('lane') ?? '';
  const status = loc.query.get('status') ?? 'open';
  const sort = loc.query.get('sort') ?? (status === 'open' ? 'oldest' : 'newest');
  const statusQuery = status === 'open' ? { queue: 'open' } : status ? { status } : {};
  const qs = new URLSearchParams({ limit: '50', ...(lane ? { lane } : {}), ...statusQuery, sort });
  const res = useResource<Page>(`/api/v1/declarations?${qs.toString()}`);
  const counts = useResource<Counts>(`/api/v1/declarations/counts?${new URLSearchParams(statusQuery).toString()}`);
  const [more, setMore] = useState<{ items: DeclarationView[]; cursor: string | null }>({ items: [], cursor: null });
  useEffect(() => setMore({ items: [], cursor: res.data?.nextCursor ?? null }), [res.data]);
  useEffect(() => {
    document.title = `${t('officer.queue.title')} — ${t('app.name')}`;
  }, [t]);
  const setFilter = (k: string, v: string) => {
    const q = new URLSearchParams(loc.query);
    q.set(k, v);
    navigate(`/officer?${q.toString()}`, { replace: true });
  };
  const rows = [...(res.data?.items ?? []), ...more.items];

  return (
    <>
      <h1>{t('officer.queue.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('officer.queue.filters')}>
        <div className="field field--inline">
          <label htmlFor="filter-lane">{t('decl.lane')}</label>
          <select id="filter-lane" value={lane} onChange={(e) => setFilter('lane', e.target.value)}>
            {LANES.map((l) => (
              <option key={l} value={l}>
                {l ? t(`lane.${l}` as MessageKey) : t('common.all')}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-status">{t('decl.status')}</label>
          <select id="filter-status" value={status} onChange={(e) => setFilter('status', e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'open' ? t('queue.view.open') : s ? t(statusKey(s)) : t('queue.view.all')}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-sort">{t('queue.sort')}</label>
          <select id="filter-sort" value={sort} onChange={(e) => setFilter('sort', e.target.value)}>
            <option value="oldest">{t('queue.sort.oldest')}</option>
            <option value="newest">{t('queue.sort.newest')}</option>
          </select>
        </div>
      </form>
      {counts.data ? (
        <nav aria-label={t('queue.lanes')} className="lane-counts" data-testid="lane-counts">
          <ul>
            {LANES.map((l) => {
              const n = l ? counts.data!.lanes[l] : counts.data!.total;
              return (
                <li key={l}>
                  <button
                    type="button"
                    className={`lane-count lane-count--${l || 'all'}`}
                    aria-pressed={lane === l}
                    data-lane={l || 'all'}
                    onClick={() => setFilter('lane', l)}
                  >
                    {l ? t('queue.lane.count', { lane: t(`lane.${l}` as MessageKey), count: num(n) }) : t('queue.lane.all', { count: num(n) })}
                  </button>
                </li>
              );
            })}
            {counts.data.lanes.none > 0 ? (
              <li className="lane-count" data-lane="none">
                {t('queue.lane.count', { lane: t('queue.lane.none'), count: num(counts.data.lanes.none) })}
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <ApiErrorBanner error={res.error} />
      {res.data ? (
        <p aria-live="polite" className="hint">
          {t('officer.queue.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="queue">
            <thead>
              <tr>
                <th scope="col">{t('decl.lrn')}</th>
                <th scope="col">{t('f.importerName')}</th>
                <th scope="col">{t('decl.lane')}</th>
                <th scope="col">{t('decl.status')}</th>
                <th scope="col" className="num">
                  {t('assess.total')}
                </th>
                <th scope="col">{t('decl.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} data-id={d.id}>
                  <td>
                    <Link href={`/officer/declarations/${d.id}`}>{d.lrn ?? d.id}</Link>
                  </td>
                  <td>{d.data.importer?.name ?? d.data.exporter?.name ?? '—'}</td>
                  <td>
                    <LaneBadge lane={d.lane} />
                  </td>
                  <td>
                    <StatusTag status={d.status} />
                  </td>
                  <td className="num">{d.assessment?.totalYen !== undefined ? yen(d.assessment.totalYen) : '—'}</td>
                  <td>{new Date(d.createdAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : res.data ? (
        <p>{status === 'open' && !lane ? t('queue.emptyOpen') : t('officer.queue.empty')}</p>
      ) : null}
      {more.cursor ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const q = new URLSearchParams(qs);
            q.set('cursor', more.cursor ?? '');
            void api<Page>('GET', `/api/v1/declarations?${q.toString()}`).then((r) => {
              if (r.ok) setMore((m) => ({ items: [...m.items, ...r.data.items], cursor: r.data.nextCursor }));
            });
          }}
        >
          {t('officer.queue.more')}
        </button>
      ) : null}
    </>
  );
}
