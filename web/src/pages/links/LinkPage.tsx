import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { LinkView, OutcomeReport } from '../../api/types';
import { Form } from '../../components/Form';
import { Notice } from '../../components/Notice';
import { PublicCard } from '../../components/PublicCard';
import { ResourceView } from '../../components/ResourceView';
import { TextArea } from '../../components/TextArea';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { errorText } from '../../lib/errorText';
import { useResource } from '../../lib/useResource';
import { formatInZone } from '../../lib/zonedTime';
import { OutcomeFields, outcomeBody } from '../appointments/OutcomeFields';

/**
 * The page behind a link in an appointment mail, without signing in (the signed token is the credential): the
 * person confirms or asks for another time, the rep reports how it went. Nothing happens on opening (mail scanners
 * open links); the button does it.
 */
export function LinkPage({ token }: { token: string }) {
  const { t } = useLocale();
  const link = useResource(useCallback(() => unwrap(api.GET('/api/links/{token}', { params: { path: { token } } })), [token]));
  return (
    <PublicCard title={t('link.title')}>
      <ResourceView resource={link}>{(view) => <LinkAnswer token={token} initial={view} />}</ResourceView>
    </PublicCard>
  );
}

function LinkAnswer({ token, initial }: { token: string; initial: LinkView }) {
  const { t, locale } = useLocale();
  const [view, setView] = useState(initial);
  const [note, setNote] = useState('');
  const [report, setReport] = useState<OutcomeReport>({ outcome: 'held' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = view.appointment;
  const over = a.state === 'cancelled' || a.state === 'held' || a.state === 'no_show';

  async function answer(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const body = view.action === 'outcome' ? outcomeBody(report) : view.action === 'change' ? { note: note.trim() } : {};
      setView(await unwrap(api.POST('/api/links/{token}', { params: { path: { token } }, body })));
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <dl className="facts">
        <dt>{t('link.when')}</dt>
        <dd>{formatInZone(locale, a.starts_at, a.time_zone)} ({a.time_zone})</dd>
        <dt>{t('link.kind')}</dt>
        <dd>{t(`appointment.kind.${a.kind}` as MessageKey)}{a.kind === 'on_site' && a.location ? `, ${a.location}` : ''}</dd>
        <dt>{t('link.with')}</dt>
        <dd>{view.action === 'outcome' ? [a.person_name, a.company_name].filter(Boolean).join(', ') : `${a.rep_name} (${a.client_name})`}</dd>
        <dt>{t('appointments.state')}</dt>
        <dd>
          <span className={`badge badge--appointment-${a.state}`} data-testid="link-state">{t(`appointments.state.${a.state}` as MessageKey)}</span>
        </dd>
      </dl>
      {view.outdated ? (
        <Notice kind="info">{t('link.outdated')}</Notice>
      ) : view.done ? (
        <Notice kind="success">{t(`link.done.${view.action}` as MessageKey)}</Notice>
      ) : over ? (
        <Notice kind="info">{t('link.over')}</Notice>
      ) : (
        <Form label={t(`link.ask.${view.action}` as MessageKey)} onSubmit={() => void answer()} general={error}>
          <p>{t(`link.ask.${view.action}` as MessageKey)}</p>
          {view.action === 'change' && <TextArea label={t('link.note')} hint={t('link.noteHint')} value={note} rows={3} onChange={setNote} />}
          {view.action === 'outcome' && <OutcomeFields value={report} onChange={setReport} />}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? t('common.saving') : t(`link.submit.${view.action}` as MessageKey)}
          </button>
        </Form>
      )}
    </>
  );
}
