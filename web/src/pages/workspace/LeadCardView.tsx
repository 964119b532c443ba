import { useEffect, useState } from 'react';
import type { Callback, LeadCard } from '../../api/types';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';
import { personName, personText } from './person';

interface LeadCardViewProps {
  card: LeadCard;
  /** The callback the agent serves with this lead, if the queue gave it for one. */
  callback: Callback | null;
  /** When the card was fetched (browser clock), to let the person's local time run on. */
  fetchedAt: number;
  dialled: string | null;
  onDial: (e164: string) => void;
}

/** Who is called, at which company, on which numbers, as which caller ID, and what time it is there. */
export function LeadCardView({ card, callback, fetchedAt, dialled, onDial }: LeadCardViewProps) {
  const { t } = useLocale();
  const salutation = personText(card, 'salutation');
  const role = personText(card, 'function');
  const company = card.company;
  return (
    <section className="card lead-card" aria-label={t('workspace.leadCard')}>
      {callback && <CallbackBanner callback={callback} timeZone={card.time_zone} />}
      <p className="lead-card__campaign small muted">
        {card.campaign.name} · {card.campaign.client_name} ·{' '}
        <span className={`badge badge--lead-${card.lead.state}`}>{leadStateText(t, card.lead.state)}</span> ·{' '}
        {t('workspace.attemptsSoFar', { n: card.lead.attempts })}
      </p>
      <h2 className="lead-card__name">
        {salutation && <span className="lead-card__salutation">{salutation} </span>}
        {personName(card) || t('common.none')}
      </h2>
      {role && <p className="lead-card__function">{role}</p>}
      {company && (
        <p className="lead-card__company">
          <strong>{company.name}</strong>
          {company.city && ` · ${[company.postal_code, company.city].filter(Boolean).join(' ')}`}
          {company.industry && ` · ${company.industry}`}
          {company.size && ` · ${company.size}`}
          {company.website && (
            <>
              {' · '}
              <a href={websiteHref(company.website)} target="_blank" rel="noopener noreferrer">
                {company.website}
              </a>
            </>
          )}
        </p>
      )}
      <div className="lead-card__dial">
        <ul className="phones" aria-label={t('workspace.numbers')}>
          {card.phones.length === 0 && <li className="muted">{t('workspace.noNumbers')}</li>}
          {card.phones.map((phone, i) => (
            <li key={phone.id}>
              <a
                href={`tel:${phone.e164}`}
                className={`button phone-link${dialled === phone.e164 ? ' phone-link--dialled' : ''}`}
                onClick={() => onDial(phone.e164)}
                aria-label={t('workspace.dialNumber', { number: phone.e164, kind: t(phone.kind === 'mobile' ? 'workspace.mobile' : 'workspace.landline') })}
              >
                <span aria-hidden="true">☎</span>
                <span className="mono">{phone.e164}</span>
                <span className="small">{t(phone.kind === 'mobile' ? 'workspace.mobile' : 'workspace.landline')}</span>
                {i === 0 && <kbd className="kbd">D</kbd>}
              </a>
            </li>
          ))}
        </ul>
        <p className="caller-id">
          {card.campaign.caller_id ? (
            t('workspace.callingAs', { number: card.campaign.caller_id })
          ) : (
            <span className="field__error">{t('workspace.noCallerId')}</span>
          )}
        </p>
      </div>
      <Clocks localTime={card.local_time} timeZone={card.time_zone} fetchedAt={fetchedAt} />
    </section>
  );
}

function CallbackBanner({ callback, timeZone }: { callback: Callback; timeZone: string }) {
  const { t, locale } = useLocale();
  const kind: MessageKey = callback.kind === 'apology' ? 'workspace.servingApology' : callback.kind === 'general' ? 'workspace.servingGeneral' : 'workspace.servingPersonal';
  return (
    <div className={`callback-banner callback-banner--${callback.kind}`} role="status">
      <strong>{t(kind)}</strong>{' '}
      {t('workspace.promisedFor', { at: formatInZone(locale, callback.due_at, timeZone), zone: timeZone })}
      {callback.note && <span className="callback-banner__note"> — {callback.note}</span>}
    </div>
  );
}

/** The person's wall clock (from the server's local_time, running on) next to the agent's. */
function Clocks({ localTime, timeZone, fetchedAt }: { localTime: string | null; timeZone: string; fetchedAt: number }) {
  const { t, locale } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const agentZone = browserTimeZone();
  const match = localTime ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(localTime) : null;
  // local_time is a wall time without zone: read it as if UTC and format it as UTC, moved on by the time since
  const theirs = match
    ? formatInZone(
        locale,
        new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5])) + (now - fetchedAt)),
        'UTC',
      )
    : null;
  return (
    <dl className="clocks">
      <div>
        <dt>{t('workspace.theirTime')}</dt>
        <dd>{theirs ? `${theirs} (${timeZone})` : t('workspace.zoneUnknown')}</dd>
      </div>
      <div>
        <dt>{t('workspace.yourTime')}</dt>
        <dd>
          {formatInZone(locale, new Date(now), agentZone)} ({agentZone})
        </dd>
      </div>
    </dl>
  );
}

function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

const LEAD_STATES = ['new', 'in_progress', 'callback_due', 'appointment', 'not_interested', 'unreachable', 'invalid', 'blocked'];

export function leadStateText(t: (key: MessageKey) => string, state: string): string {
  return LEAD_STATES.includes(state) ? t(`leads.state.${state}` as MessageKey) : state;
}
