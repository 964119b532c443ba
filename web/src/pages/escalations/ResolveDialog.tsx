import { useState } from 'react';
import type { Escalation, LeadCard, Outcome, OutcomeRequest } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { ZonedTimePicker, zonedInputIn } from '../../components/ZonedTimePicker';
import { useLocale } from '../../i18n/LocaleContext';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';
import { browserTimeZone, fromZonedInput } from '../../lib/zonedTime';
import { OUTCOMES, outcomeText } from '../workspace/outcomes';
import { TalkTimeReadout } from '../workspace/TalkTimeReadout';
import { useTalkTimer } from '../workspace/useTalkTimer';

interface ResolveDialogProps {
  escalation: Escalation;
  /** The lead card, when the viewer may read it: its numbers and the person's zone. */
  card: LeadCard | null;
  /** Records the call back; throws the server's refusal, shown at its field. */
  onSubmit: (call: OutcomeRequest) => Promise<void>;
  onClose: () => void;
}

const FIELDS = ['phone', 'outcome', 'note', 'reason', 'callback.at', 'callback.kind'] as const;

/** The call back that answers an escalation: the number called (its talk time from the click), the outcome, the answer given. */
export function ResolveDialog({ escalation, card, onSubmit, onClose }: ResolveDialogProps) {
  const { t } = useLocale();
  const timeZone = card?.time_zone ?? browserTimeZone();
  const phones = card?.phones ?? [];
  const [phone, setPhone] = useState(phones[0]?.e164 ?? '');
  const [outcome, setOutcome] = useState<Outcome>('decision_maker');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [callbackAt, setCallbackAt] = useState(() => zonedInputIn(60, timeZone));
  const [busy, setBusy] = useState(false);
  const timer = useTalkTimer();
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    errors.clear();
  };

  async function submit(): Promise<void> {
    const body: OutcomeRequest = { outcome, phone: phone.trim() };
    if (note.trim() !== '') body.note = note.trim();
    const talk = timer.read();
    if (talk) {
      body.started_at = talk.started_at;
      body.talk_seconds = talk.talk_seconds;
    }
    if (outcome === 'not_interested') body.reason = reason.trim();
    if (outcome === 'callback') {
      const at = fromZonedInput(callbackAt, timeZone);
      if (!at) {
        errors.showLocal({ 'callback.at': t('callback.atRequired') });
        return;
      }
      body.callback = { at: at.toISOString(), kind: 'personal' };
    }
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(body);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('resolve.title', { name: escalation.person_name })}
      submitLabel={t('resolve.submit')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div ref={ref} className="callback-picker">
        <blockquote className="escalation-question">{escalation.question}</blockquote>
        {phones.length > 0 ? (
          <SelectField
            label={t('resolve.phone')}
            value={phone}
            options={phones.map((p) => ({ value: p.e164, label: p.e164 }))}
            onChange={edit(setPhone)}
            error={errors.fieldErrors.phone}
            required
          />
        ) : (
          <TextField type="tel" label={t('resolve.phone')} value={phone} onChange={edit(setPhone)} error={errors.fieldErrors.phone} required />
        )}
        <TalkTimeReadout running={timer.running} seconds={timer.seconds} hint={t('resolve.timerHint')}>
          {phone.trim() !== '' && (
            <a href={`tel:${phone.trim()}`} className="button phone-link" onClick={timer.start}>
              <span aria-hidden="true">☎</span> {t('resolve.dial', { number: phone.trim() })}
            </a>
          )}
        </TalkTimeReadout>
        <SelectField
          label={t('resolve.outcome')}
          value={outcome}
          options={OUTCOMES.map((choice) => ({ value: choice.outcome, label: outcomeText(t, choice.outcome) }))}
          onChange={edit((value) => setOutcome(value as Outcome))}
          error={errors.fieldErrors.outcome}
          required
        />
        {outcome === 'not_interested' && (
          <TextField label={t('resolve.reason')} value={reason} onChange={edit(setReason)} error={errors.fieldErrors.reason} required />
        )}
        {outcome === 'callback' && (
          <ZonedTimePicker timeZone={timeZone} value={callbackAt} onChange={edit(setCallbackAt)} error={errors.fieldErrors['callback.at']} />
        )}
        <TextArea label={t('resolve.note')} hint={t('resolve.noteHint')} value={note} onChange={edit(setNote)} error={errors.fieldErrors.note} rows={4} maxLength={4000} />
      </div>
    </FormDialog>
  );
}
