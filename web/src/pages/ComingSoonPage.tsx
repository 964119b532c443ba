import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n/LocaleContext';
import type { MessageKey } from '../i18n/translate';

/** A placeholder page for an area that is not built yet. */
export function ComingSoonPage({ title, text }: { title: MessageKey; text: MessageKey }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(title)} />
      <section className="card coming-soon">
        <h2 className="coming-soon__badge">{t('common.comingSoon')}</h2>
        <p>{t(text)}</p>
        <p className="muted">{t('common.comingSoonText')}</p>
      </section>
    </>
  );
}
