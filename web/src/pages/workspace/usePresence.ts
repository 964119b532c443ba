import { useEffect, useRef } from 'react';
import { api, currentCsrfToken } from '../../api/client';
import type { PresenceState } from '../../api/types';

/** How often the workspace tells the server that the agent is there (the server counts 90 s of silence as away). */
export const HEARTBEAT_MS = 30_000;

/**
 * Sends the agent's state now, whenever it changes and every 30 seconds while the workspace is open; signs off
 * when the workspace closes (leaving the page within the app, or closing or reloading the tab). Both are best
 * effort: a lost heartbeat is repeated by the next one, a lost sign-off ends by the server's 90 s timeout.
 */
export function usePresence(state: PresenceState): void {
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    void beat(state);
  }, [state]);

  useEffect(() => {
    const timer = window.setInterval(() => void beat(current.current), HEARTBEAT_MS);
    const leave = () => signOffOnUnload();
    window.addEventListener('pagehide', leave);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      void api.POST('/api/workspace/sign-off').catch(() => undefined);
    };
  }, []);
}

async function beat(state: PresenceState): Promise<void> {
  try {
    await api.POST('/api/workspace/heartbeat', { body: { state } });
  } catch {
    // offline for a moment: the next beat tries again
  }
}

/** A request that outlives the page (keepalive), with the CSRF header that sendBeacon could not carry. */
function signOffOnUnload(): void {
  void fetch('/api/workspace/sign-off', {
    method: 'POST',
    credentials: 'same-origin',
    keepalive: true,
    headers: { 'X-CSRF-Token': currentCsrfToken(), Accept: 'application/json' },
  }).catch(() => undefined);
}
