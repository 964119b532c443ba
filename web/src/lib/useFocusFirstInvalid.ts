import { useEffect, useRef } from 'react';

/** A ref for a form's container: when new field errors arrive, the first invalid field in it gets the focus. */
export function useFocusFirstInvalid<E extends HTMLElement>(fieldErrors: Readonly<Record<string, string>> | undefined) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (fieldErrors && Object.keys(fieldErrors).length > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);
  return ref;
}
