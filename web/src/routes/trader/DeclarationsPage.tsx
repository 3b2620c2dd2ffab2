import { useEffect } from 'react';
import { useResource } from '../../api/use-resource.ts';
import { Link } from '../../app/router.tsx';
import type { DeclarationView } from '../../components/declaration-types.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { LaneBadge, StatusTag } from '../../components/status.tsx';
import { useI18n } from '../../i18n/index.tsx';

export default function DeclarationsPage() {
  const { t, yen } = useI18n();
  const res = useResource<{ items: DeclarationView[]; nextCursor: string | null }>('/api/v1/declarations?limit=50');
  useEffect(() => {
    document.title = `${t('trader.list.title')} — ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <h1>{t('trader.list.title')}</h1>
      <p>
        <Link className="button" href="/trader/declarations/new">
          {t('nav.newDeclaration')}
        </Link>
      </p>
      <ApiErrorBanner error={res.error} />
      {res.data && res.data.items.length === 0 ? <p>{t('trader.list.none')}</p> : null}
      {res.data && res.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('decl.lrn')}</th>
                <th scope="col">{t('decl.status')}</th>
                <th scope="col">{t('decl.lane')}</th>
                <th scope="col" className="num">
                  {t('assess.total')}
                </th>
                <th scope="col">{t('decl.created')}</th>
              </tr>
            </thead>
            <tbody>
              {res.data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/trader/declarations/${d.id}`}>{d.lrn ?? d.id}</Link>
                  </td>
                  <td>
                    <StatusTag status={d.status} />
                  </td>
                  <td>
                    <LaneBadge lane={d.lane} />
                  </td>
                  <td className="num">{d.assessment?.totalYen !== undefined ? yen(d.assessment.totalYen) : '—'}</td>
                  <td>{new Date(d.createdAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
