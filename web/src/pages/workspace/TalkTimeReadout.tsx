import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/LocaleContext';
import { formatDuration } from './useTalkTimer';

interface TalkTimeReadoutProps {
  running: boolean;
  seconds: number;
  /** Shown while the timer has not started: how it starts on this screen. */
  hint: string;
  /** Put before the clock, e.g. the link that dials and starts it. */
  children?: ReactNode;
}

/** The talk time of the call in progress as agents and second level read it: the clock, and a hint until it runs. */
export function TalkTimeReadout({ running, seconds, hint, children }: TalkTimeReadoutProps) {
  const { t } = useLocale();
  return (
    <p className="talk-timer" aria-live="off">
      {children}
      {children ? ' ' : null}
      <span className="muted small">{t('workspace.talkTime')}</span>{' '}
      <span className={`talk-timer__value${running ? ' talk-timer__value--running' : ''}`} role="timer" aria-label={t('workspace.talkTime')}>
        {formatDuration(seconds)}
      </span>
      {!running && <span className="small muted"> {hint}</span>}
    </p>
  );
}
