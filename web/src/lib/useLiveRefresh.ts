import { useEffect, useRef } from 'react';
import { useLiveEvents } from './useLiveEvents';

interface LiveRefreshOptions {
  /** Events within this time cause one refresh, at its end (the server may announce many changes at once). */
  debounceMs: number;
  /** Refresh this often anyway, should an event be missed (0: never). */
  intervalMs: number;
}

/** Calls `refresh` after the server announced one of `types` (debounced) and every `intervalMs`. */
export function useLiveRefresh(types: readonly string[], refresh: () => void, { debounceMs, intervalMs }: LiveRefreshOptions): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const pending = useRef<number | undefined>(undefined);

  useLiveEvents(types, () => {
    if (pending.current !== undefined) return;
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      latest.current();
    }, debounceMs);
  });

  useEffect(() => {
    const timer = intervalMs > 0 ? window.setInterval(() => latest.current(), intervalMs) : undefined;
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [intervalMs]);
}
