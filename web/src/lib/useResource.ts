import { useCallback, useEffect, useState } from 'react';
import { ApiError, networkError } from '../api/errors';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

/** Loads data once (and again on `reload`); stale answers of earlier loads are ignored. */
export function useResource<T>(load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    load()
      .then((data) => current && setResource({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (current) setResource({ status: 'error', error: error instanceof ApiError ? error : networkError(error) });
      });
    return () => {
      current = false;
    };
    // `load` is expected to be stable (module function or useCallback)
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...resource, reload };
}
