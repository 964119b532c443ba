import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import { Form } from './Form';
import { Modal } from './Modal';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  general: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal dialog holding one form, with Cancel and a submit button. */
export function FormDialog({ title, submitLabel, busy, general, onSubmit, onClose, children }: FormDialogProps) {
  const t = useT();
  const formId = useId();
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : submitLabel}
          </button>
        </>
      }
    >
      <Form id={formId} label={title} onSubmit={onSubmit} general={general}>
        {children}
      </Form>
    </Modal>
  );
}
