import { useState, type Ref } from 'react';
import type { LeadCard } from '../../api/types';
import { useLocale } from '../../i18n/LocaleContext';
import { formatDateTime } from '../../lib/format';
import { personText } from './person';

/** The script's {{placeholders}} filled from the card; unknown ones stay as written. */
function fill(text: string, card: LeadCard): string {
  const values: Readonly<Record<string, string>> = {
    client: card.campaign.client_name,
    salutation: personText(card, 'salutation'),
    title: personText(card, 'title'),
    first_name: personText(card, 'first_name'),
    last_name: personText(card, 'last_name'),
    function: personText(card, 'function'),
    company: card.company?.name ?? '',
  };
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] || whole);
}

/**
 * The campaign's script as the agent speaks it (sections to fold away), its objection answers with a search
 * (`searchRef` is its field, for the O key) and the briefing.
 */
export function ScriptPanel({ card, searchRef }: { card: LeadCard; searchRef: Ref<HTMLInputElement> }) {
  const { t, locale } = useLocale();
  const [query, setQuery] = useState('');
  const { sections, objections } = card.campaign.script;
  const needle = query.trim().toLowerCase();
  const shown = needle === '' ? objections : objections.filter((o) => `${o.question} ${o.answer}`.toLowerCase().includes(needle));
  const briefing = card.campaign.briefing;
  return (
    <section className="card script-panel" aria-label={t('setup.script')}>
      <h2 className="section__title">{t('setup.script')}</h2>
      {sections.length === 0 && <p className="muted">{t('script.noSections')}</p>}
      {sections.map((section, i) => (
        <details key={i} className="fold" open>
          <summary>{section.title}</summary>
          <p className="briefing-text">{fill(section.text, card)}</p>
        </details>
      ))}
      <h3 className="subheading">{t('script.objections')}</h3>
      {objections.length === 0 ? (
        <p className="muted small">{t('workspace.noObjections')}</p>
      ) : (
        <>
          <label className="field">
            <span className="field__label">
              {t('workspace.searchObjections')} <kbd className="kbd">O</kbd>
            </span>
            <input
              ref={searchRef}
              type="search"
              className="input"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') event.currentTarget.blur();
              }}
            />
          </label>
          {shown.length === 0 && <p className="muted small">{t('common.noMatches')}</p>}
          {shown.map((objection) => (
            <details key={objection.question} className="fold objection" open={needle !== ''}>
              <summary>{objection.question}</summary>
              <p className="briefing-text">{fill(objection.answer, card)}</p>
            </details>
          ))}
        </>
      )}
      {briefing && (
        <details className="fold">
          <summary>
            {t('setup.briefing')} · {t('briefing.version', { n: briefing.version })} · {formatDateTime(locale, briefing.created_at)}
          </summary>
          <div className="briefing-text briefing-text--read">{briefing.body}</div>
        </details>
      )}
    </section>
  );
}
