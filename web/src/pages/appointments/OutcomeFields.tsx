import { useId } from 'react';
import { APPOINTMENT_OUTCOMES, type OutcomeReport } from '../../api/types';
import { CheckboxField } from '../../components/CheckboxField';
import { TextArea } from '../../components/TextArea';
import { useT } from '../../i18n/LocaleContext';

interface OutcomeFieldsProps {
  value: OutcomeReport;
  onChange: (report: OutcomeReport) => void;
  error?: string | undefined;
  noteError?: string | undefined;
}

/** How an appointment went: held (and whether the person was qualified), no-show or cancelled, with a note. */
export function OutcomeFields({ value, onChange, error, noteError }: OutcomeFieldsProps) {
  const t = useT();
  const name = useId();
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('outcome.question')}</legend>
        {APPOINTMENT_OUTCOMES.map((outcome) => (
          <label key={outcome} className="checkbox">
            <input
              type="radio"
              name={name}
              value={outcome}
              checked={value.outcome === outcome}
              onChange={() => onChange({ ...value, outcome, qualified: outcome === 'held' ? value.qualified : undefined })}
            />
            <span>{t(`outcome.${outcome}`)}</span>
          </label>
        ))}
        {error && <p className="field__error" role="alert">{error}</p>}
      </fieldset>
      {value.outcome === 'held' && (
        <CheckboxField label={t('outcome.qualified')} checked={value.qualified === true} onChange={(qualified) => onChange({ ...value, qualified })} />
      )}
      <TextArea
        label={t(value.outcome === 'cancelled' ? 'outcome.why' : 'outcome.note')}
        value={value.note ?? ''}
        rows={3}
        onChange={(note) => onChange({ ...value, note })}
        optionalText={value.outcome === 'cancelled' ? undefined : t('common.optional')}
        required={value.outcome === 'cancelled'}
        error={noteError}
      />
    </>
  );
}

/** The report as the API takes it: qualified only for held, an empty note left out. */
export function outcomeBody(report: OutcomeReport): OutcomeReport {
  return {
    outcome: report.outcome,
    ...(report.outcome === 'held' ? { qualified: report.qualified === true } : {}),
    ...(report.note && report.note.trim() !== '' ? { note: report.note.trim() } : {}),
  };
}
