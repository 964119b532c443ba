import { useCallback, useState } from 'react';
import { ApiError } from '../api/errors';
import { useT } from '../i18n/LocaleContext';
import { errorText } from './errorText';
import { fieldMessage } from './serverMessages';

export type FieldErrors = Readonly<Record<string, string>>;

/**
 * Errors of one form: messages per field (shown next to the field the API named in
 * `error.field`) and one general message for everything else.
 */
export function useFormErrors(fields: readonly string[]) {
  const t = useT();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const clear = useCallback(() => {
    setFieldErrors({});
    setGeneral(null);
  }, []);

  const showLocal = useCallback((errors: FieldErrors) => {
    setFieldErrors(errors);
    setGeneral(null);
  }, []);

  const showError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.field !== '' && fields.includes(error.field)) {
        setFieldErrors({ [error.field]: error.message ? fieldMessage(t, error) : errorText(t, error) });
        setGeneral(null);
      } else {
        setFieldErrors({});
        setGeneral(errorText(t, error));
      }
    },
    [fields, t],
  );

  return { fieldErrors, general, clear, showLocal, showError };
}
