import type { ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import { Form } from './Form';
import { Notice } from './Notice';
import { useFocusFirstInvalid } from '../lib/useFocusFirstInvalid';

interface SectionCardProps {
  title: string;
  /** A sentence under the title. */
  intro?: string;
  /** Without onSubmit the section only shows its content. */
  onSubmit?: () => void;
  submitLabel?: string;
  busy?: boolean;
  general?: string | null;
  savedText?: string | null;
  /** The field errors of the last save; when they change, the first invalid field gets the focus. */
  fieldErrors?: Readonly<Record<string, string>>;
  children: ReactNode;
}

/** One titled part of an editing page, with its own form and save button. */
export function SectionCard({ title, intro, onSubmit, submitLabel, busy, general, savedText, fieldErrors, children }: SectionCardProps) {
  const t = useT();
  const ref = useFocusFirstInvalid<HTMLElement>(fieldErrors);
  const body = (
    <>
      {children}
      {onSubmit && (
        <div className="section-card__footer">
          {savedText && <Notice kind="success">{savedText}</Notice>}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : (submitLabel ?? t('common.save'))}
          </button>
        </div>
      )}
    </>
  );
  return (
    <section ref={ref} className="card section-card" aria-label={title}>
      <h2 className="section__title">{title}</h2>
      {intro && <p className="muted small">{intro}</p>}
      {onSubmit ? (
        <Form label={title} onSubmit={onSubmit} general={general ?? null}>
          {body}
        </Form>
      ) : (
        body
      )}
    </section>
  );
}
