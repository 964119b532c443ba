import { useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import { FieldShell } from './FieldShell';
import { Modal } from './Modal';

interface SecretDialogProps {
  title: string;
  /** Label of the read-only field holding the secret. */
  label: string;
  secret: string;
  notice: string;
  onClose: () => void;
}

/** Shows a password or token secret once, with a copy button. */
export function SecretDialog({ title, label, secret, notice, onClose }: SecretDialogProps) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');

  async function copySecret(): Promise<void> {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('done');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="secret__notice">{notice}</p>
      <FieldShell label={label}>
        {(control) => (
          <div className="secret">
            <input
              {...control}
              className="input input--mono secret__value"
              readOnly
              data-autofocus
              value={secret}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="button" onClick={() => void copySecret()}>
              {copy === 'done' ? t('common.copied') : t('common.copy')}
            </button>
          </div>
        )}
      </FieldShell>
      <p className="secret__status" role="status">
        {copy === 'done' ? t('common.copied') : copy === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </Modal>
  );
}
