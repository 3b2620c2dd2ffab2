import { useI18n } from '../i18n/index.tsx';
import { Link } from './router.tsx';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('nav.search')}</Link>
      </p>
    </>
  );
}
