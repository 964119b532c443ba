import type { InputHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  optionalText?: string | undefined;
}

/** A labelled text input (also email, password, number, search). */
export function TextField({ label, value, onChange, error, hint, optionalText, className, ...input }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} optionalText={optionalText} className={className}>
      {(control) => (
        <input
          type="text"
          className="input"
          {...input}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}
