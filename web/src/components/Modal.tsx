import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';

const FIRST_FIELD = '.modal__body :is(input, select, textarea):not([disabled]):not([readonly])';
const MAIN_BUTTON = '.modal__footer :is(.button--primary, .button--danger)';

/** The element to focus when a dialog opens: [data-autofocus], else the first field, else the main button. */
function initialFocus(dialog: HTMLDialogElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>('[data-autofocus]') ??
    dialog.querySelector<HTMLElement>(FIRST_FIELD) ??
    dialog.querySelector<HTMLElement>(MAIN_BUTTON)
  );
}

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Optional footer (buttons). */
  footer?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: focus moves into it, Escape closes it,
 * and the rest of the page is inert while it is open. Render it only while it is open.
 */
export function Modal({ title, onClose, children, footer }: ModalProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus(dialog)?.focus();
    const handleCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId}>
      <div className="modal__header">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <button type="button" className="button button--ghost modal__close" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <div className="modal__body">{children}</div>
      {footer && <div className="modal__footer">{footer}</div>}
    </dialog>
  );
}
