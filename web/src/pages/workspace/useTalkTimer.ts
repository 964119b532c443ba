import { useCallback, useEffect, useState } from 'react';

export interface TalkTime {
  started_at: string;
  talk_seconds: number;
}

/** The talk timer of one call: started when the agent dials, read when the outcome is recorded. */
export function useTalkTimer() {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  /** Starts the timer unless it runs already (dialling a second number keeps the first start). */
  const start = useCallback(() => setStartedAt((current) => current ?? Date.now()), []);
  const reset = useCallback(() => setStartedAt(null), []);

  /** The call's start and length so far, or null when the agent never dialled. */
  const read = useCallback((): TalkTime | null => {
    if (startedAt === null) return null;
    return {
      started_at: new Date(startedAt).toISOString(),
      talk_seconds: Math.min(14_400, Math.max(0, Math.round((Date.now() - startedAt) / 1000))),
    };
  }, [startedAt]);

  const seconds = startedAt === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
  return { running: startedAt !== null, seconds, start, reset, read };
}

/** "0:07", "12:45", "1:02:03". */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}
