import { useState } from 'react';
import type { LeadCard } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';

const FIELDS = ['email', 'outcome'] as const;

interface InfoMailDialogProps {
  card: LeadCard;
  personName: string;
  onSubmit: (email: string | undefined) => Promise<void>;
  onClose: () => void;
}

/** "Info by e-mail": the campaign's mail as it will go out, to the stored address or one the person gives now. */
export function InfoMailDialog({ card, personName, onSubmit, onClose }: InfoMailDialogProps) {
  const t = useT();
  const preview = card.info_mail;
  const [email, setEmail] = useState(preview.to);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);
  const noTemplate = preview.problem?.field === 'outcome';

  async function submit(): Promise<void> {
    if (noTemplate) return;
    if (email.trim() === '') {
      errors.showLocal({ email: t('validation.required') });
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(email.trim() === preview.to ? undefined : email.trim());
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('infoMail.sendTitle', { name: personName })}
      submitLabel={t('infoMail.send')}
      busy={busy}
      general={errors.general ?? (noTemplate ? t('infoMail.noTemplate') : null)}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div ref={ref}>
        <TextField label={t('infoMail.to')} type="email" value={email} onChange={setEmail} error={errors.fieldErrors.email ?? errors.fieldErrors.outcome} required />
        {preview.subject !== null && (
          <div className="mail-preview" aria-label={t('infoMail.preview')}>
            <p>
              <strong>{t('infoMail.subject')}:</strong> {preview.subject}
            </p>
            <pre className="mail-preview__body">{preview.body}</pre>
          </div>
        )}
      </div>
    </FormDialog>
  );
}
