import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import { errorText } from '../lib/errorText';
import { Modal } from './Modal';
import { Notice } from './Notice';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** Runs the action; the dialog shows its error, or closes via the caller on success. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  /** Extra content below the message, such as a note field. */
  children?: ReactNode;
}

/** Asks before a consequential action and shows the action's error if it fails. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(errorText(t, caught));
      setBusy(false);
    }
  }

  return (
    <Modal
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={`button ${danger ? 'button--danger' : 'button--primary'}`}
            onClick={() => void confirm()}
            disabled={busy}
            data-autofocus
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      {children}
      {error && <Notice kind="error">{error}</Notice>}
    </Modal>
  );
}
