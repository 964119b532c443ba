import { useEffect, useRef } from 'react';

/**
 * Calls `onEvent` whenever the server announces one of `types` on GET /api/events
 * (Server-Sent Events of the agency, e.g. "user.changed"). The stream is open while the component is.
 */
export function useLiveEvents(types: readonly string[], onEvent: () => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(' ');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const listener = () => handler.current();
    const names = key.split(' ');
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [key]);
}
