import type { SelectHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** Text of an empty first option, if the field may be empty. */
  placeholder?: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled select box. */
export function SelectField({ label, value, options, onChange, placeholder, error, hint, className, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select
          className="input"
          {...select}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
