import { Fragment } from 'react';
import type { Escalation } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import { formatDateTime } from '../../lib/format';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';

interface EscalationsTableProps {
  /** In the order the server gives: earliest promise first. */
  escalations: readonly Escalation[];
  onResolve: (escalation: Escalation) => void;
}

/**
 * The open escalations with what calling back needs — the person's company, numbers and local time; an overdue one
 * is tinted and says so in words.
 */
export function EscalationsTable({ escalations, onResolve }: EscalationsTableProps) {
  const { t, locale } = useLocale();
  const ownZone = browserTimeZone();
  return (
    <SectionCard title={t('secondLevel.queue')} intro={t('secondLevel.intro')}>
      <DataTable
        caption={t('secondLevel.queue')}
        rows={escalations}
        rowKey={(e) => e.id}
        emptyText={t('secondLevel.empty')}
        rowClassName={(e) => (e.overdue ? 'row--overdue' : undefined)}
        columns={[
          {
            key: 'promised',
            header: t('secondLevel.promised'),
            render: (e) => {
              const zone = e.time_zone;
              return (
                <>
                  {e.overdue && (
                    <>
                      <span className="badge badge--overdue">{t('reminders.overdue')}</span>
                      <br />
                    </>
                  )}
                  {zone && (
                    <>
                      {t('secondLevel.theirTime', { at: formatInZone(locale, e.promised_at, zone), zone })}
                      <br />
                    </>
                  )}
                  <span className={zone ? 'small muted' : undefined}>{t('secondLevel.yourTime', { at: formatInZone(locale, e.promised_at, ownZone), zone: ownZone })}</span>
                </>
              );
            },
          },
          {
            key: 'urgency',
            header: t('secondLevel.urgency'),
            render: (e) => <span className={`badge badge--urgency-${e.urgency}`}>{t(`urgency.${e.urgency}`)}</span>,
          },
          {
            key: 'person',
            header: t('secondLevel.person'),
            render: (e) => (
              <>
                {e.person_name || t('reminders.lead', { id: e.lead_id })}
                {e.company_name && (
                  <>
                    <br />
                    <span className="small muted">{e.company_name}</span>
                  </>
                )}
                {e.phones.map((phone) => (
                  <Fragment key={phone.id}>
                    <br />
                    <a href={`tel:${phone.e164}`} className="small nowrap">
                      {phone.e164}
                    </a>
                    {phone.kind === 'mobile' && <span className="small muted"> ({t('workspace.mobile')})</span>}
                  </Fragment>
                ))}
                {e.local_time && (
                  <>
                    <br />
                    <span className="small muted">{t('secondLevel.localNow', { time: e.local_time.slice(11), zone: e.time_zone })}</span>
                  </>
                )}
              </>
            ),
          },
          { key: 'campaign', header: t('secondLevel.campaign'), render: (e) => e.campaign_name },
          { key: 'question', header: t('secondLevel.question'), className: 'escalation-question-cell', render: (e) => e.question },
          {
            key: 'raised',
            header: t('secondLevel.raisedBy'),
            render: (e) => (
              <>
                {e.raised_by_name}
                <br />
                <span className="small muted">{t('secondLevel.raisedAt', { at: formatDateTime(locale, e.created_at) })}</span>
              </>
            ),
          },
          {
            key: 'resolve',
            header: t('common.actions'),
            render: (e) => (
              <button type="button" className="button button--small" onClick={() => onResolve(e)} aria-label={t('secondLevel.resolveLabel', { name: e.person_name })}>
                {t('secondLevel.resolve')}
              </button>
            ),
          },
        ]}
      />
    </SectionCard>
  );
}
