import { useState } from 'react';
import { URGENCIES, type EscalationRequest, type Urgency } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { TextArea } from '../../components/TextArea';
import { ZonedTimePicker, zonedInputIn } from '../../components/ZonedTimePicker';
import { useLocale } from '../../i18n/LocaleContext';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';
import { fromZonedInput } from '../../lib/zonedTime';

interface EscalateDialogProps {
  /** The called person's time zone: the promised time is agreed, typed and shown in it. */
  timeZone: string;
  personName: string;
  /** Raises the escalation; throws the server's refusal, shown at its field. */
  onSubmit: (request: EscalationRequest) => Promise<void>;
  onClose: () => void;
}

const FIELDS = ['question', 'urgency', 'promised_at'] as const;

/** Hands the person's question to second level, with its urgency and the time the answer was promised for. */
export function EscalateDialog({ timeZone, personName, onSubmit, onClose }: EscalateDialogProps) {
  const { t } = useLocale();
  const [question, setQuestion] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [promised, setPromised] = useState(() => zonedInputIn(60, timeZone));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);

  async function submit(): Promise<void> {
    const moment = fromZonedInput(promised, timeZone);
    if (question.trim() === '' || !moment) {
      errors.showLocal({
        ...(question.trim() === '' ? { question: t('validation.required') } : {}),
        ...(moment ? {} : { promised_at: t('callback.atRequired') }),
      });
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await onSubmit({ question: question.trim(), urgency, promised_at: moment.toISOString() });
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('escalate.title', { name: personName })} submitLabel={t('escalate.submit')} busy={busy} general={errors.general} onSubmit={() => void submit()} onClose={onClose}>
      <div ref={ref} className="callback-picker">
        <TextArea
          label={t('escalate.question')}
          hint={t('escalate.questionHint')}
          value={question}
          onChange={(next) => {
            setQuestion(next);
            errors.clear();
          }}
          error={errors.fieldErrors.question}
          maxLength={2000}
          rows={3}
          required
          autoFocus
        />
        <fieldset className="fieldset">
          <legend>{t('escalate.urgency')}</legend>
          <div className="row-actions">
            {URGENCIES.map((option) => (
              <label key={option} className="checkbox">
                <input type="radio" name="escalation-urgency" value={option} checked={urgency === option} onChange={() => setUrgency(option)} />
                <span>{t(`urgency.${option}`)}</span>
              </label>
            ))}
          </div>
          {errors.fieldErrors.urgency && (
            <p className="field__error" role="alert">
              {errors.fieldErrors.urgency}
            </p>
          )}
        </fieldset>
        <p className="field__hint">{t('escalate.promisedHint')}</p>
        <ZonedTimePicker
          timeZone={timeZone}
          label={t('escalate.promisedAt', { zone: timeZone })}
          value={promised}
          onChange={(next) => {
            setPromised(next);
            errors.clear();
          }}
          error={errors.fieldErrors.promised_at}
        />
      </div>
    </FormDialog>
  );
}
