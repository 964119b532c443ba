import type { Ref } from 'react';
import { useT } from '../../i18n/LocaleContext';
import { OUTCOMES, outcomeText, type OutcomeChoice } from './outcomes';

interface OutcomePanelProps {
  busy: boolean;
  /** False when the card has no number to record the call on. */
  enabled: boolean;
  onChoose: (choice: OutcomeChoice) => void;
  notes: string;
  onNotes: (notes: string) => void;
  notesRef: Ref<HTMLTextAreaElement>;
}

/** The outcome buttons with their keys, and the notes that go with the outcome. */
export function OutcomePanel({ busy, enabled, onChoose, notes, onNotes, notesRef }: OutcomePanelProps) {
  const t = useT();
  return (
    <section className="card outcome-panel" aria-label={t('workspace.outcomes')}>
      <h2 className="section__title">{t('workspace.outcomes')}</h2>
      <div className="field">
        <label htmlFor="workspace-notes" className="field__label">
          {t('workspace.notes')} <kbd className="kbd">/</kbd>
        </label>
        <textarea
          id="workspace-notes"
          ref={notesRef}
          className="input input--area"
          rows={3}
          maxLength={4000}
          value={notes}
          onChange={(event) => onNotes(event.target.value)}
          onKeyDown={(event) => {
            // Escape hands the keys back to the shortcuts; the text stays
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          aria-describedby="workspace-notes-hint"
        />
        <p id="workspace-notes-hint" className="field__hint">
          {t('workspace.notesHint')}
        </p>
      </div>
      <div className="outcomes" role="group" aria-label={t('workspace.outcomes')}>
        {OUTCOMES.map((choice) => (
          <button
            key={choice.outcome}
            type="button"
            className={`button outcome outcome--${choice.outcome}`}
            disabled={busy || !enabled}
            onClick={() => onChoose(choice)}
            aria-keyshortcuts={choice.key}
          >
            <kbd className="kbd">{choice.key}</kbd>
            <span>{outcomeText(t, choice.outcome)}</span>
            {choice.asks !== 'nothing' && <span aria-hidden="true">…</span>}
          </button>
        ))}
      </div>
    </section>
  );
}
