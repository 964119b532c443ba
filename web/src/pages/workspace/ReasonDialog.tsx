import { useId, useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';

const FIELDS = ['reason'] as const;
const SUGGESTIONS: readonly MessageKey[] = ['reason.noNeed', 'reason.hasProvider', 'reason.noBudget', 'reason.notNow', 'reason.decidedElsewhere'];

interface ReasonDialogProps {
  personName: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** "Not interested" needs the reason the person gave (the client reads it). */
export function ReasonDialog({ personName, onSubmit, onClose }: ReasonDialogProps) {
  const t = useT();
  const listId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);

  async function submit(): Promise<void> {
    if (reason.trim() === '') {
      errors.showLocal({ reason: t('validation.required') });
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(reason.trim());
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('reason.title', { name: personName })} submitLabel={t('reason.submit')} busy={busy} general={errors.general} onSubmit={() => void submit()} onClose={onClose}>
      <div ref={ref}>
        <TextField
          label={t('reason.label')}
          hint={t('reason.hint')}
          value={reason}
          onChange={setReason}
          error={errors.fieldErrors.reason}
          maxLength={500}
          list={listId}
          required
        />
        <datalist id={listId}>
          {SUGGESTIONS.map((key) => (
            <option key={key} value={t(key)} />
          ))}
        </datalist>
      </div>
    </FormDialog>
  );
}
