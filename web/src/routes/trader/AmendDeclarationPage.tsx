import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { Link, navigate } from '../../app/router.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import type { DeclarationView } from '../../components/declaration-types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { DeclarationForm } from './DeclarationForm.tsx';
import { AMENDABLE } from './DeclarationPage.tsx';
import { declarationValues, ifMatch, isVersionConflict } from './declaration-form.ts';

/** The declaration form prefilled with what was filed; sent as a PUT of the whole declaration, for the version shown. */
export default function AmendDeclarationPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const id = params['id'] ?? '';
  const decl = useResource<DeclarationView>(`/api/v1/declarations/${encodeURIComponent(id)}`);
  const [conflict, setConflict] = useState(false);
  const d = decl.data;
  const prefill = useMemo(() => (d ? declarationValues(d.data as unknown as Record<string, unknown>) : null), [d]);
  useEffect(() => {
    document.title = `${t('amend.title')} ${d?.lrn ?? ''} — ${t('app.name')}`;
  }, [t, d?.lrn]);
  const back = `/trader/declarations/${encodeURIComponent(id)}`;
  return (
    <>
      <p>
        <Link href={back}>← {t('amend.back')}</Link>
      </p>
      <h1>
        <span className="caption">{t('amend.title')}</span> {d?.lrn ?? id}
      </h1>
      <ApiErrorBanner error={decl.error} />
      {d && prefill ? (
        AMENDABLE.has(d.status) ? (
          <>
            <p className="lead" data-testid="amend-version" data-version={d.version}>
              {t('amend.lead', { version: d.version })}
            </p>
            {conflict ? (
              <div className="banner banner--error" role="alert" data-testid="amend-conflict">
                <p>{t('amend.conflict')}</p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setConflict(false);
                    decl.reload();
                  }}
                >
                  {t('amend.reload')}
                </button>
              </div>
            ) : null}
            <DeclarationForm
              key={d.version}
              initial={prefill.values}
              initialItems={prefill.itemCount}
              submitLabel="amend.submit"
              send={(body) => api<{ id: string }>('PUT', `/api/v1/declarations/${encodeURIComponent(d.id)}`, body, { headers: { 'if-match': ifMatch(d.version) } })}
              done={() => navigate(back)}
              onError={(e) => {
                if (!isVersionConflict(e)) return false;
                setConflict(true);
                return true;
              }}
            />
          </>
        ) : (
          <p className="banner">{t('amend.notAllowed', { status: t(`status.${d.status}` as MessageKey) })}</p>
        )
      ) : null}
    </>
  );
}
