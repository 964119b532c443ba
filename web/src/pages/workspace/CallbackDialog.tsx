import { useMemo, useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { ZonedTimePicker, zonedInputIn } from '../../components/ZonedTimePicker';
import { useLocale } from '../../i18n/LocaleContext';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';
import { fromZonedInput } from '../../lib/zonedTime';

export type CallbackKind = 'personal' | 'general';

interface CallbackDialogProps {
  /** The called person's time zone: the time is agreed, typed and shown in it. */
  timeZone: string;
  personName: string;
  /** Records the outcome; throws the server's refusal, shown at its field. */
  onSubmit: (at: string, kind: CallbackKind) => Promise<void>;
  onClose: () => void;
}

const FIELDS = ['callback.at', 'callback.kind'] as const;

/** When to call back, in the person's local time (shown in the agent's as well), and whether it is a promise. */
export function CallbackDialog({ timeZone, personName, onSubmit, onClose }: CallbackDialogProps) {
  const { t } = useLocale();
  const [value, setValue] = useState(() => zonedInputIn(60, timeZone));
  const [kind, setKind] = useState<CallbackKind>('personal');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);
  const moment = useMemo(() => fromZonedInput(value, timeZone), [value, timeZone]);

  async function submit(): Promise<void> {
    if (!moment) {
      errors.showLocal({ 'callback.at': t('callback.atRequired') });
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(moment.toISOString(), kind);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('callback.title', { name: personName })} submitLabel={t('callback.submit')} busy={busy} general={errors.general} onSubmit={() => void submit()} onClose={onClose}>
      <div ref={ref} className="callback-picker">
        <ZonedTimePicker
          timeZone={timeZone}
          value={value}
          onChange={(next) => {
            setValue(next);
            errors.clear();
          }}
          error={errors.fieldErrors['callback.at']}
        />
        <fieldset className="fieldset">
          <legend>{t('callback.kind')}</legend>
          {(['personal', 'general'] as const).map((option) => (
            <label key={option} className="checkbox">
              <input type="radio" name="callback-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
              <span>
                {t(option === 'personal' ? 'callback.personal' : 'callback.general')}
                <span className="field__hint"> — {t(option === 'personal' ? 'callback.personalHint' : 'callback.generalHint')}</span>
              </span>
            </label>
          ))}
          {errors.fieldErrors['callback.kind'] && (
            <p className="field__error" role="alert">
              {errors.fieldErrors['callback.kind']}
            </p>
          )}
        </fieldset>
      </div>
    </FormDialog>
  );
}
