import type { LeadCard } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { formatDateTime } from '../../lib/format';
import { formatInZone } from '../../lib/zonedTime';
import { outcomeText } from './outcomes';
import { formatDuration } from './useTalkTimer';

/**
 * The lead's earlier attempts (newest first), its callbacks, mails and questions to second level, as the agent reads
 * them before dialling; `title` names whose they are where the page is not about this one lead.
 */
export function LeadHistory({ card, userId, title }: { card: LeadCard; userId: number; title?: string }) {
  const { t, locale } = useLocale();
  const attempts = [...card.attempts].sort((a, b) => b.seq - a.seq);
  const pending = card.callbacks.filter((c) => c.state === 'pending');
  return (
    <section className="card lead-history" aria-label={title ?? t('workspace.history')}>
      <h2 className="section__title">{title ?? t('workspace.history')}</h2>
      {pending.length > 0 && (
        <ul className="plain-list">
          {pending.map((callback) => (
            <li key={callback.id}>
              <span className={`badge badge--callback-${callback.kind}`}>{t(`callbackKind.${callback.kind}` as MessageKey)}</span>{' '}
              {t('workspace.callbackDue', { at: formatInZone(locale, callback.due_at, card.time_zone), zone: card.time_zone })}
              {callback.note && <span className="muted"> — {callback.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {card.mails.length > 0 && (
        <ul className="plain-list" aria-label={t('infoMail.history')}>
          {card.mails.map((mail) => (
            <li key={mail.id}>
              <span className={`badge badge--mail-${mail.state}`}>{t(`mailState.${mail.state}` as MessageKey)}</span>{' '}
              {t('infoMail.sentTo', { subject: mail.subject, to: mail.to })}{' '}
              <span className="small muted">
                {formatDateTime(locale, mail.sent_at ?? mail.created_at)}
                {mail.state !== 'sent' && mail.last_error !== '' && ` — ${mail.last_error}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {card.escalations.length > 0 && (
        <ul className="plain-list" aria-label={t('escalation.history')}>
          {card.escalations.map((escalation) => (
            <li key={escalation.id}>
              <span className={`badge badge--urgency-${escalation.urgency}`}>{t(`urgency.${escalation.urgency}` as MessageKey)}</span>{' '}
              {escalation.question}{' '}
              <span className="small muted">
                {escalation.resolved_at
                  ? t('escalation.answered', { at: formatDateTime(locale, escalation.resolved_at) })
                  : t('escalation.openUntil', { at: formatInZone(locale, escalation.promised_at, card.time_zone), zone: card.time_zone })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <DataTable
        caption={t('workspace.attempts')}
        rows={attempts}
        rowKey={(a) => a.id}
        emptyText={t('workspace.firstCall')}
        columns={[
          {
            key: 'when',
            header: t('workspace.when'),
            className: 'nowrap',
            render: (a) => (
              <>
                {formatDateTime(locale, a.started_at)}
                <br />
                <span className="small muted">{a.agent_id === userId ? t('workspace.byYou') : t('workspace.byColleague', { id: a.agent_id })}</span>
              </>
            ),
          },
          {
            key: 'outcome',
            header: t('workspace.outcome'),
            render: (a) => (
              <>
                <span className={`badge badge--outcome-${a.outcome}`}>{outcomeText(t, a.outcome)}</span>
                {a.corrects_seq !== null && <span className="small muted"> {t('workspace.corrects', { seq: a.corrects_seq })}</span>}
              </>
            ),
          },
          {
            key: 'note',
            header: t('workspace.note'),
            render: (a) => (
              <>
                {a.reason && <strong>{a.reason}. </strong>}
                {a.note}
                {a.callback_at && <span className="small muted"> {t('workspace.callbackAt', { at: formatDateTime(locale, a.callback_at) })}</span>}
              </>
            ),
          },
          { key: 'talk', header: t('workspace.talk'), render: (a) => formatDuration(a.talk_seconds), className: 'num' },
        ]}
      />
    </section>
  );
}
