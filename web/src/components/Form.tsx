import type { FormEvent, ReactNode } from 'react';
import { Notice } from './Notice';

interface FormProps {
  /** Accessible name of the form. */
  label: string;
  onSubmit: () => void;
  general: string | null;
  children: ReactNode;
  className?: string;
  id?: string;
}

/** A form that submits on Enter without a page load and shows a general error on top. */
export function Form({ label, onSubmit, general, children, className, id }: FormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form aria-label={label} onSubmit={handleSubmit} className={className ?? 'form'} id={id} noValidate>
      {general && <Notice kind="error">{general}</Notice>}
      {children}
    </form>
  );
}
