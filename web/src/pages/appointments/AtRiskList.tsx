import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Appointment, AppointmentAtRisk } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { ResourceView } from '../../components/ResourceView';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { errorText } from '../../lib/errorText';
import { useResource } from '../../lib/useResource';
import { formatInZone } from '../../lib/zonedTime';

interface AtRiskListProps {
  campaignId?: number | undefined;
  /** Changes elsewhere (a move, a cancellation): load again. */
  generation: number;
  /** Offer the actions (supervision, project management); the client only sees the list. */
  canChange: boolean;
  onChange: (appointment: Appointment, change: 'reschedule' | 'cancel') => void;
}

/**
 * The next two weeks' appointments that may burst, each with its reasons and the recommended action first: a call
 * to re-confirm (a callback ahead of fresh leads), moving it, or cancelling it.
 */
export function AtRiskList({ campaignId, generation, canChange, onChange }: AtRiskListProps) {
  const { t, locale } = useLocale();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const list = useResource(
    useCallback(async () => {
      void generation;
      const query = campaignId === undefined ? {} : { campaign_id: campaignId };
      return (await unwrap(api.GET('/api/appointments/at-risk', { params: { query } }))).appointments;
    }, [campaignId, generation]),
  );
  const who = (a: Appointment) => [a.person_name, a.company_name].filter(Boolean).join(', ');

  async function callToConfirm(a: AppointmentAtRisk): Promise<void> {
    try {
      await unwrap(api.POST('/api/appointments/{id}/call-to-confirm', withId(a.id)));
      setMessage({ kind: 'success', text: t('risk.callQueued', { who: who(a) }) });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorText(t, caught) });
    }
  }

  return (
    <div className="at-risk">
      <h3 className="section__subtitle">{t('risk.title')}</h3>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <ResourceView resource={list}>
        {(rows) => (
          <DataTable
            caption={t('risk.title')}
            rows={rows}
            rowKey={(a) => a.id}
            emptyText={t('risk.empty')}
            columns={[
              { key: 'when', header: t('appointments.when'), className: 'nowrap', render: (a) => formatInZone(locale, a.starts_at, a.time_zone) },
              { key: 'who', header: t('appointments.with'), render: (a) => who(a) },
              { key: 'rep', header: t('appointments.rep'), render: (a) => a.rep_name ?? '' },
              {
                key: 'why',
                header: t('risk.why'),
                render: (a) => (
                  <ul className="plain-list">
                    {a.reasons.map((r) => (
                      <li key={r.code}>
                        <span className="badge badge--risk">{t(`risk.reason.${r.code}` as MessageKey)}</span>
                        {r.detail !== '' && <span className="muted"> „{r.detail}“</span>}
                      </li>
                    ))}
                  </ul>
                ),
              },
              {
                key: 'action',
                header: t('risk.action'),
                className: 'nowrap',
                render: (a) => {
                  const call = (
                    <button key="call" type="button" className={`button button--small${a.action === 'call_to_confirm' ? ' button--primary' : ''}`} onClick={() => void callToConfirm(a)} aria-label={`${t('risk.callToConfirm')}: ${who(a)}`}>
                      {t('risk.callToConfirm')}
                    </button>
                  );
                  const move = (
                    <button key="move" type="button" className={`button button--small${a.action === 'reschedule' ? ' button--primary' : ''}`} onClick={() => onChange(a, 'reschedule')} aria-label={`${t('appointments.reschedule')}: ${who(a)}`}>
                      {t('appointments.reschedule')}
                    </button>
                  );
                  const cancel = (
                    <button key="cancel" type="button" className="button button--small button--danger-outline" onClick={() => onChange(a, 'cancel')} aria-label={`${t('appointments.cancel')}: ${who(a)}`}>
                      {t('appointments.cancel')}
                    </button>
                  );
                  if (!canChange) return <span>{t(`risk.do.${a.action}` as MessageKey)}</span>;
                  return <div className="row-actions">{a.action === 'reschedule' ? [move, call, cancel] : [call, move, cancel]}</div>;
                },
              },
            ]}
          />
        )}
      </ResourceView>
    </div>
  );
}
