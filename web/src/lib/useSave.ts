import { useCallback, useState } from 'react';
import { ApiError } from '../api/errors';
import { useT } from '../i18n/LocaleContext';
import { errorText } from './errorText';
import { fieldMessage } from './serverMessages';

/**
 * Saving one part of a page: busy flag, a success flag, and the server's refusal, either under the field whose
 * path (`error.field`, e.g. "calling_rules.windows.saturday") starts with one of `prefixes`, or as a general message.
 */
export function useSave(prefixes: readonly string[]) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const showLocal = useCallback((errors: Readonly<Record<string, string>>) => {
    setFieldErrors(errors);
    setGeneral(null);
    setSaved(false);
  }, []);

  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setSaved(false);
      setFieldErrors({});
      setGeneral(null);
      try {
        await action();
        setSaved(true);
        return true;
      } catch (caught) {
        const field = caught instanceof ApiError ? caught.field : '';
        if (caught instanceof ApiError && field !== '' && prefixes.some((p) => field === p || field.startsWith(p))) {
          setFieldErrors({ [field]: caught.message ? fieldMessage(t, caught) : errorText(t, caught) });
        } else {
          setGeneral(errorText(t, caught));
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [prefixes, t],
  );

  /** The message for a field path, or for any path below it ("…windows.monday[0].start" under "…windows.monday"). */
  const errorAt = useCallback(
    (path: string): string | undefined => {
      for (const [field, message] of Object.entries(fieldErrors)) {
        if (field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`)) return message;
      }
      return undefined;
    },
    [fieldErrors],
  );

  return { busy, saved, general, fieldErrors, errorAt, showLocal, run };
}
