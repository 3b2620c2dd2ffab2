import { useEffect } from 'react';
import { api } from '../../api/client.ts';
import { navigate } from '../../app/router.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DeclarationForm } from './DeclarationForm.tsx';

const BLANK = { kind: 'import', 'transport.mode': 'sea', 'transport.transportDocument.type': 'BL', incoterm: 'CIF', 'items.0.quantities.0.unit': 'KG', 'items.0.invoiceValue.currency': 'USD' };

export default function NewDeclarationPage() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('trader.new.title')} — ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <h1>{t('trader.new.title')}</h1>
      <p className="lead">{t('trader.new.lead')}</p>
      <DeclarationForm
        initial={BLANK}
        initialItems={1}
        submitLabel="trader.new.submit"
        send={(body) => api<{ id: string }>('POST', '/api/v1/declarations', body, { headers: { 'idempotency-key': `web-${crypto.randomUUID()}` } })}
        done={(id) => navigate(`/trader/declarations/${id}`)}
      />
    </>
  );
}
