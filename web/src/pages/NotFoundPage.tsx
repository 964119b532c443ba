import { useT } from '../i18n/LocaleContext';
import { Link } from '../router/Link';

/** Shown for addresses that are no page of the app. */
export function NotFoundPage() {
  const t = useT();
  return (
    <section className="card not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link href="/" className="button button--primary">
        {t('notFound.back')}
      </Link>
    </section>
  );
}
