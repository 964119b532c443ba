import { useState } from 'react';
import type { CallLogEntry, CorrectionOutcome, CorrectionRequest } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import { formatDateTime } from '../../lib/format';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';
import { OUTCOMES, outcomeText } from '../workspace/outcomes';

/**
 * The outcomes a correction may set (the API's CorrectionRequest): a record, so that the compiler notices when the
 * contract gains or loses one. Callback, objection and info mail carry consequences only a recorded call can.
 */
const CORRECTABLE: Readonly<Record<CorrectionOutcome, true>> = {
  no_answer: true,
  busy: true,
  voicemail: true,
  gatekeeper: true,
  decision_maker: true,
  wrong_person: true,
  wrong_number: true,
  appointment: true,
  not_interested: true,
};

/** In the order of the workspace's outcome buttons. */
export const CORRECTION_OUTCOMES: readonly CorrectionOutcome[] = OUTCOMES.map((choice) => choice.outcome).filter(
  (outcome): outcome is CorrectionOutcome => outcome in CORRECTABLE,
);

const FIELDS = ['outcome', 'reason', 'note'] as const;

interface CorrectionDialogProps {
  entry: CallLogEntry;
  /** Appends the correction; throws the server's refusal, shown at its field. */
  onSubmit: (correction: CorrectionRequest) => Promise<void>;
  onClose: () => void;
}

/** A supervisor's correction of one call log entry: the right outcome and why. */
export function CorrectionDialog({ entry, onSubmit, onClose }: CorrectionDialogProps) {
  const { t, locale } = useLocale();
  const first = CORRECTION_OUTCOMES.find((outcome) => outcome !== entry.outcome) ?? 'no_answer';
  const [outcome, setOutcome] = useState<CorrectionOutcome>(first);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    errors.clear();
  };

  async function submit(): Promise<void> {
    const local: Record<string, string> = {};
    if (outcome === 'not_interested' && reason.trim() === '') local.reason = t('validation.required');
    if (note.trim() === '') local.note = t('validation.required');
    if (Object.keys(local).length > 0) {
      errors.showLocal(local);
      return;
    }
    const body: CorrectionRequest = { outcome, note: note.trim() };
    if (outcome === 'not_interested') body.reason = reason.trim();
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
      title={t('correction.title', { seq: entry.seq })}
      submitLabel={t('correction.submit')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div ref={ref} className="correction-form">
        <p className="muted small">{t('correction.intro')}</p>
        <p>
          <strong>{entry.person_name || t('callLog.erased')}</strong>
          {entry.company_name && `, ${entry.company_name}`} · {entry.phone}
          <br />
          {t('correction.was', { outcome: outcomeText(t, entry.outcome), at: formatDateTime(locale, entry.started_at), agent: entry.agent_name })}
          {entry.reason && ` — ${entry.reason}`}
        </p>
        <SelectField
          label={t('correction.outcome')}
          hint={t('correction.outcomeHint')}
          value={outcome}
          options={CORRECTION_OUTCOMES.map((choice) => ({ value: choice, label: outcomeText(t, choice) }))}
          onChange={edit((value) => setOutcome(value as CorrectionOutcome))}
          error={errors.fieldErrors.outcome}
          required
        />
        {outcome === 'not_interested' && (
          <TextField label={t('correction.reason')} value={reason} onChange={edit(setReason)} error={errors.fieldErrors.reason} maxLength={500} required />
        )}
        <TextArea
          label={t('correction.why')}
          hint={t('correction.whyHint')}
          value={note}
          onChange={edit(setNote)}
          error={errors.fieldErrors.note}
          rows={3}
          maxLength={4000}
          required
        />
      </div>
    </FormDialog>
  );
}
