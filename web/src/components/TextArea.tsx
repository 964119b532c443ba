import type { TextareaHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'id'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  optionalText?: string | undefined;
}

/** A labelled multi-line text input. */
export function TextArea({ label, value, onChange, error, hint, optionalText, className, rows, ...area }: TextAreaProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} optionalText={optionalText} className={className}>
      {(control) => (
        <textarea
          className="input input--area"
          rows={rows ?? 4}
          {...area}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}
