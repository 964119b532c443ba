import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Appointment } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { ResourceView } from '../../components/ResourceView';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useLiveRefresh } from '../../lib/useLiveRefresh';
import { useResource } from '../../lib/useResource';
import { formatInZone } from '../../lib/zonedTime';
import { AtRiskList } from './AtRiskList';
import { ChangeAppointmentDialog } from './ChangeAppointmentDialog';
import { OutcomeDialog } from './OutcomeDialog';
import { RatesChart } from './RatesChart';

/** Appointments starting from a week ago: the recent past still needs its feedback (held, no-show). */
const LOOK_BACK_MS = 7 * 24 * 3600_000;
const CHANGEABLE: readonly string[] = ['booked', 'confirmed', 'change_requested'];

interface AppointmentsSectionProps {
  campaignId?: number;
  /** Move and cancel (supervision, project management). */
  canChange?: boolean;
  /** Record held / no-show / cancelled after the date (also the client's manager). */
  canRecord?: boolean;
}

/**
 * The appointments set for a campaign (or, in the client portal, for the client): the campaign's rates, the ones at
 * risk with what to do, and the list — when, with whom, which rep, where each stands, and after the date how it went.
 * Refreshes when calls are recorded or a person answers a link.
 */
export function AppointmentsSection({ campaignId, canChange = false, canRecord = false }: AppointmentsSectionProps) {
  const { t, locale } = useLocale();
  const [changing, setChanging] = useState<{ appointment: Appointment; change: 'reschedule' | 'cancel' } | null>(null);
  const [recording, setRecording] = useState<Appointment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const appointments = useResource(
    useCallback(async () => {
      void generation;
      const from = new Date(Date.now() - LOOK_BACK_MS).toISOString();
      const query = { from, limit: 200, ...(campaignId === undefined ? {} : { campaign_id: campaignId }) };
      return (await unwrap(api.GET('/api/appointments', { params: { query } }))).appointments;
    }, [campaignId, generation]),
  );
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  useLiveRefresh(['calling', 'appointments'], refresh, { debounceMs: 1000, intervalMs: 60_000 });
  const who = (a: Appointment) => [a.person_name, a.company_name].filter((part) => part && part !== '').join(', ');
  const awaitsOutcome = (a: Appointment) => CHANGEABLE.includes(a.state) && Date.parse(a.starts_at) <= Date.now();
  return (
    <SectionCard title={t('appointments.title')} intro={t('appointments.intro')}>
      {message && <Notice kind="success">{message}</Notice>}
      {campaignId !== undefined && <RatesChart campaignId={campaignId} generation={generation} />}
      <AtRiskList campaignId={campaignId} generation={generation} canChange={canChange} onChange={(appointment, change) => setChanging({ appointment, change })} />
      <h3 className="section__subtitle">{t('appointments.list')}</h3>
      <ResourceView resource={appointments}>
        {(rows) => (
          <DataTable
            caption={t('appointments.title')}
            rows={rows}
            rowKey={(a) => a.id}
            emptyText={t('appointments.empty')}
            rowClassName={(a) => (a.state === 'cancelled' ? 'row--muted' : undefined)}
            columns={[
              { key: 'when', header: t('appointments.when'), className: 'nowrap', render: (a) => formatInZone(locale, a.starts_at, a.time_zone) },
              { key: 'who', header: t('appointments.with'), render: (a) => who(a) || t('common.none') },
              { key: 'rep', header: t('appointments.rep'), render: (a) => a.rep_name ?? '' },
              ...(campaignId === undefined ? [{ key: 'campaign', header: t('appointments.campaign'), render: (a: Appointment) => a.campaign_name ?? '' }] : []),
              { key: 'kind', header: t('appointment.kind'), render: (a) => t(`appointment.kind.${a.kind}` as MessageKey) },
              { key: 'where', header: t('appointments.where'), render: (a) => (a.kind === 'on_site' ? a.location : t('common.none')) },
              {
                key: 'state',
                header: t('appointments.state'),
                className: 'nowrap',
                render: (a) => <span className={`badge badge--appointment-${a.state}`}>{t(`appointments.state.${a.state}` as MessageKey)}</span>,
              },
              ...(canChange || canRecord
                ? [
                    {
                      key: 'actions',
                      header: t('common.actions'),
                      className: 'nowrap',
                      render: (a: Appointment) =>
                        canRecord && awaitsOutcome(a) ? (
                          <button type="button" className="button button--small button--primary" onClick={() => setRecording(a)} aria-label={`${t('outcome.record')}: ${who(a)}`}>
                            {t('outcome.record')}
                          </button>
                        ) : canChange && CHANGEABLE.includes(a.state) && Date.parse(a.ends_at) > Date.now() ? (
                          <div className="row-actions">
                            <button type="button" className="button button--small" onClick={() => setChanging({ appointment: a, change: 'reschedule' })} aria-label={`${t('appointments.reschedule')}: ${who(a)}`}>
                              {t('appointments.reschedule')}
                            </button>
                            <button type="button" className="button button--small button--danger-outline" onClick={() => setChanging({ appointment: a, change: 'cancel' })} aria-label={`${t('appointments.cancel')}: ${who(a)}`}>
                              {t('appointments.cancel')}
                            </button>
                          </div>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </ResourceView>
      {changing && (
        <ChangeAppointmentDialog
          appointment={changing.appointment}
          change={changing.change}
          onClose={() => setChanging(null)}
          onDone={(done) => {
            setChanging(null);
            setMessage(t(done.state === 'cancelled' ? 'appointments.cancelled' : 'appointments.moved', { who: who(changing.appointment) }));
            refresh();
          }}
        />
      )}
      {recording && (
        <OutcomeDialog
          appointment={recording}
          onClose={() => setRecording(null)}
          onDone={(done) => {
            setRecording(null);
            setMessage(t(done.state === 'no_show' ? 'outcome.recordedNoShow' : 'outcome.recorded', { who: who(recording) }));
            refresh();
          }}
        />
      )}
    </SectionCard>
  );
}
